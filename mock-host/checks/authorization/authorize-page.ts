import { defineCheck } from '../../findings/check.ts';

/** Where the browser's authorization ended when it never reached the callback. */
export type AuthorizePageFailure = { kind: 'refused'; status: number; text: string } | { kind: 'unreachable'; detail: string };

/** The authorization page loads and leads somewhere; a refusal that names the redirect URI is REDIRECT_URI_REJECTED. */
export const checkAuthorizePageLoads = defineCheck<{ failure: AuthorizePageFailure; redirectUri: string; hostName: string; exchangeId?: string; cimdClientId?: string }>(
  { id: 'authorization-page-loads', codes: ['AUTHORIZE_UNREACHABLE', 'REDIRECT_URI_REJECTED', 'CIMD_HOST_DOCUMENT_REJECTED'] },
  ({ failure, redirectUri, hostName, exchangeId, cimdClientId }) => {
    const evidence = exchangeId ? { evidence: [exchangeId] } : {};
    // A CIMD client the server refuses shows an error page, which names the client rather than the redirect URI.
    if (failure.kind === 'refused' && cimdClientId && !/redirect[_ ]uri/i.test(failure.text)) {
      return [
        {
          code: 'CIMD_HOST_DOCUMENT_REJECTED',
          message: `the authorization page answered ${failure.status} to the host's client ID metadata document ${cimdClientId}: "${failure.text.slice(0, 160)}"`,
          fix: "Accept the host's client metadata document as published (fetch it within your limits, take its redirect_uris, read token_endpoint_auth_methods_supported as well as the singular token_endpoint_auth_method).",
          ...evidence,
        },
      ];
    }
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
