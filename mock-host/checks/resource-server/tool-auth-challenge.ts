import { defineCheck } from '../../findings/check.ts';
import type { JsonRpcSignal } from '../../mcp/jsonrpc-answer.ts';

/** The answer to one tools/call sent without a token, after the server let the session in without one. */
export interface ToolCallWithoutToken {
  tool: string;
  /** The listed tool declares an oauth2 security scheme (top level or `_meta`). */
  declaresOAuth: boolean;
  /** Undefined: no answer at all. */
  status?: number;
  wwwAuthenticate?: string;
  /** How a 2xx answer's body failed, if it did. */
  signal: JsonRpcSignal;
  exchangeId: string;
  curl: string;
}

/** A tool-level challenge ChatGPT follows: RFC 6750 challenge strings that name the protected resource metadata. */
function isUsableToolChallenge(challenges: readonly string[] | undefined): boolean {
  return !!challenges?.some((c) => /^\s*bearer\b/i.test(c) && /\bresource_metadata\s*=/i.test(c));
}

/**
 * AUTH_CHALLENGE_NOT_HTTP_401: a protected tool called without a token must demand auth with HTTP 401 and a Bearer
 * challenge; an auth demand inside a 200 (a JSON-RPC error, an isError result, WWW-Authenticate on a 200) starts no
 * sign-in. A host that reads ChatGPT's tool-level challenge accepts an isError result carrying
 * `_meta["mcp/www_authenticate"]` with resource_metadata. Tools that simply work without a token are authless: fine.
 */
export const checkToolAuthChallenge = defineCheck<{ calls: readonly ToolCallWithoutToken[]; acceptsToolLevelChallenge: boolean; hostName: string }>(
  { id: 'mcp-tool-auth-demand-is-http-401', codes: ['AUTH_CHALLENGE_NOT_HTTP_401'] },
  ({ calls, acceptsToolLevelChallenge, hostName }) => {
    const inBody = calls.filter((c) => {
      if (c.status === undefined || c.status < 200 || c.status >= 300) return false;
      if (acceptsToolLevelChallenge && isUsableToolChallenge(c.signal.toolChallenge)) return false;
      return !!c.signal.authError || !!c.wwwAuthenticate;
    });
    const first = inBody[0];
    if (!first) return [];
    const how = first.signal.authError ? `an auth error in the body (${first.signal.authError.slice(0, 120)})` : `WWW-Authenticate on a ${first.status}`;
    const lacksMeta = acceptsToolLevelChallenge && first.signal.toolError !== undefined;
    return [
      {
        code: 'AUTH_CHALLENGE_NOT_HTTP_401',
        message: `tools/call ${inBody.map((c) => c.tool).join(', ')} without a token answered ${first.status} with ${how}${lacksMeta ? ', and no _meta["mcp/www_authenticate"] challenge naming resource_metadata' : ''}; ${hostName} starts its sign-in only on HTTP 401`,
        fix: acceptsToolLevelChallenge
          ? 'Answer a call that needs a token with HTTP 401 and WWW-Authenticate: Bearer resource_metadata="…", or (ChatGPT mixed auth) an isError result with _meta["mcp/www_authenticate"]: ["Bearer resource_metadata=\\"…\\", error=\\"invalid_token\\""] on a tool declaring an oauth2 security scheme.'
          : 'Answer a call that needs a token with HTTP 401 and WWW-Authenticate: Bearer resource_metadata="…"; an auth error inside a 200 gives no sign-in prompt.',
        evidence: inBody.map((c) => c.exchangeId),
        reproduce: first.curl,
      },
    ];
  },
);
