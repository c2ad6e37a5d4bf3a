import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';

/** What a registration answer turned out to be, for the checks. */
export interface RegistrationFacts {
  exchangeId: string;
  curl: string;
  /** What the host asked for. */
  requestedMethod: string;
  status?: number;
  error?: string;
  contentType?: string;
  isJsonObject: boolean;
  clientId?: string;
  hasSecret: boolean;
  answeredMethod?: string;
  /** The authorization server metadata's token_endpoint_auth_methods_supported. */
  advertisedMethods?: readonly string[];
}

const cite = (f: RegistrationFacts) => ({ evidence: [f.exchangeId], reproduce: f.curl });

/** DCR_REJECTS_HOST_METADATA: the host's own registration body must be registered (201 with a client_id); a 429 is no refusal. */
export const checkRegistrationAccepted = defineCheck<RegistrationFacts>({ id: 'dcr-accepts-host-metadata', codes: ['DCR_REJECTS_HOST_METADATA'] }, (f) => {
  // A 429 says "not now", not "not this metadata": API_RATE_LIMITED (checkRegistrationRateLimited) covers it.
  if (f.status === 429) return [];
  if (f.status === 201 || (f.status !== undefined && f.status >= 200 && f.status < 300 && f.clientId)) return [];
  return [
    {
      code: 'DCR_REJECTS_HOST_METADATA',
      message: `the registration endpoint answered ${f.status ?? f.error ?? 'nothing'} to the host's registration (token_endpoint_auth_method ${f.requestedMethod})`,
      fix: `Register the hosts' clients as they ask (RFC 7591): accept their redirect URIs and grant types; when you do not support ${f.requestedMethod}, register the client with a method you support and say so in the answer (RFC 7591 §3.2.1) instead of refusing.`,
      ...cite(f),
    },
  ];
});

/** DCR_RESPONSE_INVALID: the 201 carries a client_id, as JSON, with a method the server supports and a secret when it needs one. */
export const checkRegistrationAnswer = defineCheck<RegistrationFacts>({ id: 'dcr-answer-valid', codes: ['DCR_RESPONSE_INVALID'] }, (f) => {
  if (f.status === undefined || f.status < 200 || f.status >= 300) return [];
  const drafts: FindingDraft[] = [];
  const add = (message: string, fix: string, error = false) => drafts.push({ code: 'DCR_RESPONSE_INVALID', ...(error ? { severity: 'error' as const } : { severity: 'warning' as const }), message, fix, ...cite(f) });
  if (!f.isJsonObject) add(`the registration answered ${f.status} with a body that is not a JSON object`, 'Answer a registration with 201 and a JSON object holding the client_id.', true);
  else if (!f.clientId) add(`the registration answered ${f.status} without a client_id`, 'Return the issued client_id in the registration answer (RFC 7591 §3.2.1).', true);
  if (f.isJsonObject && f.contentType !== 'application/json') add(`the registration answer is JSON served as ${f.contentType ?? 'no Content-Type'}`, 'Serve the registration answer with Content-Type: application/json.');
  if (f.answeredMethod && f.advertisedMethods && !f.advertisedMethods.includes(f.answeredMethod)) {
    add(`the answer registers token_endpoint_auth_method ${f.answeredMethod}, which the metadata does not list (${f.advertisedMethods.join(', ')})`, 'Register clients only with methods token_endpoint_auth_methods_supported lists.');
  }
  if (f.answeredMethod?.startsWith('client_secret_') && !f.hasSecret) add(`the answer registers ${f.answeredMethod} but carries no client_secret`, 'Return the client_secret with a client_secret_* registration.');
  return drafts;
});
