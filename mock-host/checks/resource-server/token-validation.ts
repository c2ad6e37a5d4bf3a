import { defineCheck } from '../../findings/check.ts';
import type { HttpOutcome } from '../../recorder/exchange.ts';
import { mcpAnswerAccepted } from './answer-accepted.ts';

/**
 * RS_ACCEPTS_FOREIGN_TOKEN (b): a JWT the harness signed with its own key, with the right `aud` and the real token's
 * claims but a foreign `iss`, must be refused: the resource server has to verify signature and issuer.
 */
export const checkForeignTokenRefused = defineCheck<{ outcome: HttpOutcome; foreignIssuer: string; curl: string }>(
  { id: 'mcp-refuses-foreign-signed-token', codes: ['RS_ACCEPTS_FOREIGN_TOKEN'] },
  ({ outcome, foreignIssuer, curl }) => {
    if (!mcpAnswerAccepted(outcome)) return [];
    return [{
      code: 'RS_ACCEPTS_FOREIGN_TOKEN',
      // Stryker disable next-line OptionalChaining: mcpAnswerAccepted is true only with a response
      message: `the MCP endpoint answered ${outcome.response?.status} to a JWT signed by an unknown key with iss "${foreignIssuer}" (audience and claims copied from the real token)`,
      fix: 'Verify every access token against your authorization server: the signature with its JWKS (or introspection), iss equal to its issuer, aud equal to this MCP server. Never accept a token only because it decodes.',
      evidence: [outcome.exchangeId],
      reproduce: curl,
    }];
  },
);

/** RS_TOKEN_IN_QUERY_ACCEPTED: MCP forbids `?access_token=`; only the Authorization header may carry the token. */
export const checkQueryTokenRefused = defineCheck<{ outcome: HttpOutcome; curl: string }>(
  { id: 'mcp-refuses-token-in-query', codes: ['RS_TOKEN_IN_QUERY_ACCEPTED'] },
  ({ outcome, curl }) => {
    if (!mcpAnswerAccepted(outcome)) return [];
    return [{
      code: 'RS_TOKEN_IN_QUERY_ACCEPTED',
      // Stryker disable next-line OptionalChaining: mcpAnswerAccepted is true only with a response
      message: `the MCP endpoint answered ${outcome.response?.status} to a request with the valid access token in ?access_token= and no Authorization header`,
      fix: 'Read the access token from the Authorization: Bearer header only (MCP authorization: tokens MUST NOT be in the URI); query strings end up in logs and browser history.',
      evidence: [outcome.exchangeId],
      reproduce: curl,
    }];
  },
);
