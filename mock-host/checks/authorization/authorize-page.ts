import { defineCheck } from '../../findings/check.ts';

/** Where the browser's authorization ended when it never reached the callback. */
export type AuthorizePageFailure = { kind: 'refused'; status: number; text: string } | { kind: 'unreachable'; detail: string };

/** The authorization page loads and leads somewhere; a refusal that names the redirect URI is REDIRECT_URI_REJECTED. */
export const checkAuthorizePageLoads = defineCheck<{ failure: AuthorizePageFailure; redirectUri: string; hostName: string; exchangeId?: string }>(
  { id: 'authorization-page-loads', codes: ['AUTHORIZE_UNREACHABLE', 'REDIRECT_URI_REJECTED'] },
  ({ failure, redirectUri, hostName, exchangeId }) => {
    const evidence = exchangeId ? { evidence: [exchangeId] } : {};
    if (failure.kind === 'unreachable') {
      return [{ code: 'AUTHORIZE_UNREACHABLE', message: `the authorization page did not load: ${failure.detail}`, fix: "Make the authorization page reachable over HTTPS from users' browsers.", ...evidence }];
    }
    if (/redirect[_ ]uri/i.test(failure.text)) {
      return [
        {
          code: 'REDIRECT_URI_REJECTED',
          message: `the authorization page answered ${failure.status} and names the redirect URI: "${failure.text.slice(0, 160)}"`,
          fix: `Register exactly ${redirectUri} as a redirect URI of the OAuth client (${hostName} uses it verbatim).`,
          ...evidence,
        },
      ];
    }
    return [
      {
        code: 'AUTHORIZE_UNREACHABLE',
        message: `the authorization page answered ${failure.status} without redirecting: "${failure.text.slice(0, 160)}"`,
        fix: 'Serve the authorization page for GET requests with the parameters the host sends.',
        ...evidence,
      },
    ];
  },
);
