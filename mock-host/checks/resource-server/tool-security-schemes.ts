import { defineCheck } from '../../findings/check.ts';

/** One tool of a `tools/list` answered without a token, and what calling it without a token gave. */
export interface UnauthenticatedToolCall {
  tool: string;
  /** The tool's `securitySchemes` (top level or `_meta`) name a `type: "oauth2"` entry. */
  declaresOAuth: boolean;
  /** The call without a token demanded sign-in: 401, or an auth error / `mcp/www_authenticate` in the answer. */
  demandedAuth: boolean;
  exchangeId: string;
  curl: string;
}

/**
 * TOOL_SECURITY_SCHEMES_MISSING: with mixed auth (tools/list works without a token), a tool that then demands a
 * sign-in must declare an oauth2 security scheme, or ChatGPT shows no link UI for it.
 */
export const checkToolSecuritySchemes = defineCheck<{ calls: readonly UnauthenticatedToolCall[] }>(
  { id: 'mcp-auth-tools-declare-oauth2-scheme', codes: ['TOOL_SECURITY_SCHEMES_MISSING'] },
  ({ calls }) => {
    const bare = calls.filter((c) => c.demandedAuth && !c.declaresOAuth);
    const [first] = bare;
    if (!first) return [];
    return [{
      code: 'TOOL_SECURITY_SCHEMES_MISSING',
      message: `tools/list answers without a token, but ${bare.map((c) => c.tool).join(', ')} ${bare.length > 1 ? 'demand' : 'demands'} a sign-in when called and declare${bare.length > 1 ? '' : 's'} no securitySchemes entry of type "oauth2": ChatGPT shows no link UI`,
      fix: 'Give every tool that needs the user securitySchemes: [{ type: "oauth2", scopes: [...] }] (in _meta for SDKs without the field), and noauth tools [{ type: "noauth" }], so ChatGPT offers to link the account.',
      evidence: bare.map((c) => c.exchangeId),
      reproduce: first.curl,
    }];
  },
);

/** Whether a listed tool (as the server sent it) declares an oauth2 scheme, top level or in `_meta`. */
export function declaresOAuthScheme(tool: unknown): boolean {
  if (!tool || typeof tool !== 'object') return false;
  const t = tool as { securitySchemes?: unknown; _meta?: { securitySchemes?: unknown } };
  const schemes = [t.securitySchemes, t._meta?.securitySchemes].flatMap((s) => (Array.isArray(s) ? s : []));
  return schemes.some((s: unknown) => !!s && typeof s === 'object' && (s as { type?: unknown }).type === 'oauth2');
}

/** The scopes a listed tool's oauth2 schemes name (top level or `_meta`). */
export function declaredToolScopes(tool: unknown): string[] {
  if (!tool || typeof tool !== 'object') return [];
  const t = tool as { securitySchemes?: unknown; _meta?: { securitySchemes?: unknown } };
  const schemes = [t.securitySchemes, t._meta?.securitySchemes].flatMap((s) => (Array.isArray(s) ? s : []));
  return [...new Set(schemes.flatMap((s: unknown) => {
    if (!s || typeof s !== 'object' || (s as { type?: unknown }).type !== 'oauth2') return [];
    const scopes = (s as { scopes?: unknown }).scopes;
    return Array.isArray(scopes) ? scopes.filter((x): x is string => typeof x === 'string') : [];
  }))];
}
