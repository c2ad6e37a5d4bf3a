import { defineCheck } from '../../findings/check.ts';

export interface ApiRedirect {
  operationId: string;
  /** Origin of the call that answered with the redirect, and where it points. */
  from: string;
  to: string;
  status: number;
  /** The call carried the user's Authorization header. */
  sendsAuth: boolean;
  exchangeId: string;
  curl: string;
}

/** API_REDIRECT_DROPS_AUTH: HTTP clients drop Authorization on a redirect to another origin (Fetch Standard §4.4). */
export const checkRedirectKeepsAuth = defineCheck<ApiRedirect>({ id: 'api-redirects-stay-on-origin', codes: ['API_REDIRECT_DROPS_AUTH'] }, (r) => {
  if (!r.sendsAuth || r.from === r.to) return [];
  return [
    {
      code: 'API_REDIRECT_DROPS_AUTH',
      message: `${r.operationId} answered ${r.status} to ${r.to}, another origin than ${r.from}; HTTP clients drop the Authorization header there`,
      fix: 'Serve the API at the canonical URL given in the OpenAPI servers list; do not redirect authenticated calls to another host, scheme or port.',
      evidence: [r.exchangeId],
      reproduce: r.curl,
    },
  ];
});
