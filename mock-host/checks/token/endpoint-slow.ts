import { defineCheck } from '../../findings/check.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { tokenDraft } from './token-draft.ts';

/** Half of the strictest host's budget (Claude: 10 s for discovery, registration and the code exchange). */
export const SLOW_OAUTH_MS = 5_000;

/** OAUTH_ENDPOINT_SLOW: an answer that came, but late enough to endanger a host's budget. */
export const checkTokenEndpointFast = defineCheck<TokenResponseFacts>({ id: 'token-endpoint-answers-in-time', codes: ['OAUTH_ENDPOINT_SLOW'] }, (facts) => {
  const ms = facts.http?.durationMs;
  if (ms === undefined || ms <= SLOW_OAUTH_MS) return [];
  return [tokenDraft(facts, 'OAUTH_ENDPOINT_SLOW', `the token endpoint took ${(ms / 1000).toFixed(1)} s (the strictest host gives up at 10 s)`, 'Answer token requests within a few seconds: keep slow work (user provisioning, remote calls) out of the token endpoint.')];
});
