import { defineCheck } from '../../findings/check.ts';
import type { TokenResponseFacts } from '../../oauth/token-facts.ts';
import { tokenDraft } from './token-draft.ts';

/** TOKEN_RESPONSE_CACHEABLE: RFC 6749 §5.1: a response carrying tokens has Cache-Control: no-store. */
export const checkTokenResponseNotCacheable = defineCheck<TokenResponseFacts>({ id: 'token-response-not-cacheable', codes: ['TOKEN_RESPONSE_CACHEABLE'] }, (facts) => {
  const http = facts.http;
  if (!http?.tokens || http.cacheControl?.split(',').some((d) => d.trim() === 'no-store')) return [];
  return [
    tokenDraft(
      facts,
      'TOKEN_RESPONSE_CACHEABLE',
      `the ${facts.grant === 'authorization_code' ? 'code exchange' : 'refresh'} answer carries tokens with ${http.cacheControl ? `Cache-Control: ${http.cacheControl}` : 'no Cache-Control header'}; a proxy or client cache may keep them`,
      'Send Cache-Control: no-store (and Pragma: no-cache) with every token response (RFC 6749 §5.1).',
    ),
  ];
});
