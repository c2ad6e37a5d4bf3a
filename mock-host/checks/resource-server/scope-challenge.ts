import { defineCheck } from '../../findings/check.ts';
import { jsonRpcSignal } from '../../mcp/jsonrpc-answer.ts';
import { bearerChallenge, parseWwwAuthenticate } from '../../oauth/www-authenticate.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';

/** How a host reads an insufficient-scope answer (PROTOCOL-MCP.md §2, §4), from its profile. */
export interface ScopeStepUpTraits {
  /** A 403 without error="insufficient_scope" ends the call for good (Claude): error rather than warning. */
  terminalWithoutInsufficientScope: boolean;
  /** The tool-level `_meta["mcp/www_authenticate"]` challenge of an isError result counts (ChatGPT). */
  toolLevelChallenge: boolean;
}

const FIX = 'Answer a valid token that lacks a tool\'s scope with HTTP 403 and WWW-Authenticate: Bearer error="insufficient_scope", scope="<every scope the call needs>", resource_metadata="…" (RFC 6750 §3.1, MCP scope challenge handling); keep 401 for missing, invalid or expired tokens.';

/**
 * RS_SCOPE_CHALLENGE_INVALID: a call with a valid token that lacks the tool's declared scope. 401 sends the host
 * round a re-link loop, a 403 without the insufficient_scope challenge gives it nothing to step up to, a 200 isError
 * hides the refusal. A 2xx success (the scope is not enforced) and other failures are not this check's business.
 */
export const checkScopeChallenge = defineCheck<{ outcome: HttpOutcome; tool: string; missing: readonly string[]; traits: ScopeStepUpTraits; curl: string }>(
  { id: 'mcp-insufficient-scope-gets-403-challenge', codes: ['RS_SCOPE_CHALLENGE_INVALID'] },
  ({ outcome, tool, missing, traits, curl }) => {
    const res = outcome.response;
    if (!res) return [];
    const cite = { evidence: [outcome.exchangeId], reproduce: curl };
    const lacking = `a valid token without ${missing.join(' ')}`;
    if (res.status === 401) {
      const insufficient = parseWwwAuthenticate(res.headers['www-authenticate']).some((c) => c.scheme === 'bearer' && c.params.error === 'insufficient_scope');
      return [{ code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'warning', message: `${tool} answered 401${insufficient ? ' (with error="insufficient_scope")' : ''} to ${lacking}: hosts read 401 as a dead token and re-link in a loop`, fix: FIX, ...cite }];
    }
    if (res.status === 403) {
      const challenge = bearerChallenge(res.headers['www-authenticate']);
      if (challenge?.params.error !== 'insufficient_scope') {
        return [{
          code: 'RS_SCOPE_CHALLENGE_INVALID',
          severity: traits.terminalWithoutInsufficientScope ? 'error' : 'warning',
          message: `${tool} answered 403 to ${lacking} ${challenge ? `with ${challenge.params.error ? `error="${challenge.params.error.slice(0, 60)}"` : 'no error parameter'}` : 'without a WWW-Authenticate: Bearer challenge'}: the host cannot step up${traits.terminalWithoutInsufficientScope ? ' and treats the refusal as final' : ''}`,
          fix: FIX,
          ...cite,
        }];
      }
      if (!challenge.params.scope) {
        return [{ code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'warning', message: `${tool}'s 403 insufficient_scope challenge names no scope="…": the host does not know what to ask for`, fix: FIX, ...cite }];
      }
      return [];
    }
    if (res.status >= 200 && res.status < 300) {
      const signal = jsonRpcSignal(res.body, res.headers['content-type']);
      if (!signal.toolError && !signal.error) return [];
      if (traits.toolLevelChallenge && (signal.toolChallenge ?? []).some((c) => parseWwwAuthenticate(c).some((p) => p.scheme === 'bearer' && p.params.error === 'insufficient_scope'))) return [];
      return [{ code: 'RS_SCOPE_CHALLENGE_INVALID', severity: 'warning', message: `${tool} answered ${res.status} with an error in the body (${(signal.toolError ?? signal.error ?? '').slice(0, 120)}) to ${lacking}: hosts step up only on HTTP 403 insufficient_scope`, fix: FIX, ...cite }];
    }
    return [];
  },
);
