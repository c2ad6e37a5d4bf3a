import { describeBodyKind } from './response-body.ts';
import { rfc6749ErrorBody } from './rfc6749-error.ts';
import type { TokenResponseFacts } from './token-facts.ts';

/** How the endpoint said no, for callers that decide what a refusal means (REFRESH_REJECTED, encoding probes…). */
export interface TokenRejection {
  status: number;
  /** The RFC 6749 `error` code, or what the body used instead. */
  error?: string;
  errorDescription?: string;
}

export interface TokenFailure {
  failure: string;
  rejection?: TokenRejection;
}

/** Why the host ended up without a token; undefined when it has one. Raw values: the caller redacts. */
export function describeTokenFailure(facts: TokenResponseFacts): TokenFailure | undefined {
  const grant = facts.grant === 'authorization_code' ? 'code exchange' : 'refresh';
  if (facts.transport) return { failure: `the token endpoint could not be reached for the ${grant} (${facts.transport.kind}: ${facts.transport.message})` };
  const http = facts.http;
  if (!http || http.tokens) return undefined;
  const type = http.contentType ? `Content-Type ${http.contentType}` : 'no Content-Type';
  if (!http.success) {
    const rfc = rfc6749ErrorBody.safeParse(http.top);
    const error = rfc.success ? rfc.data.error : http.errorSignal?.error;
    const description = rfc.success ? rfc.data.error_description : http.errorSignal?.description;
    const detail = error ? `error=${error}${description ? ` (${description})` : ''}` : `${describeBodyKind(http.body)}, ${type}`;
    return {
      failure: `the token endpoint refused the ${grant} with HTTP ${http.status}: ${detail}`,
      rejection: { status: http.status, ...(error ? { error } : {}), ...(description ? { errorDescription: description } : {}) },
    };
  }
  if (http.body.kind !== 'json') return { failure: `the ${grant} answer is ${describeBodyKind(http.body)}, ${type}, which the host cannot read` };
  if (http.errorSignal) {
    const { indicators, error, description } = http.errorSignal;
    return {
      failure: `the ${grant} answered HTTP ${http.status} with an error in the body (${indicators.join(', ')}) and no access_token`,
      rejection: { status: http.status, ...(error ? { error } : {}), ...(description ? { errorDescription: description } : {}) },
    };
  }
  const elsewhere = http.locations.filter((l) => l.role === 'access_token');
  if (elsewhere.length) return { failure: `no top-level access_token in the ${grant} answer; the token is at ${elsewhere.map((l) => l.path).join(', ')}, where the host does not look` };
  return { failure: `the ${grant} answer has no access_token` };
}
