import { defineCheck } from '../../findings/check.ts';
import type { FindingDraft } from '../../findings/finding.ts';
import type { AuthorizationRequest, CallbackParams } from '../../model/authorization.ts';

/** What the host knows when the browser lands on its callback. */
export interface CallbackInput {
  callback: CallbackParams;
  sent: AuthorizationRequest;
  /** The recorded browser hop that reached the callback. */
  exchangeId?: string;
}

const cited = (i: CallbackInput): Pick<FindingDraft, 'evidence'> => (i.exchangeId ? { evidence: [i.exchangeId] } : {});

/** RFC 6749 §3.1: an injected second code or state (a parameter smuggled into the redirect) must not be guessed around. */
export const checkCallbackSingleValued = defineCheck<CallbackInput>({ id: 'callback-parameters-single-valued', codes: ['STATE_MISMATCH'] }, (i) => {
  if (!i.callback.repeated.length) return [];
  return [
    {
      code: 'STATE_MISMATCH',
      message: `the callback repeats ${i.callback.repeated.join(' and ')}; the host cannot tell which value answers its request, so it refuses the install`,
      fix: "Redirect to the redirect_uri with exactly one code and one state (RFC 6749 §3.1: parameters must not be repeated); append to the redirect_uri's query instead of concatenating strings.",
      ...cited(i),
    },
  ];
});

/** An `error=` on the callback, classified by what it says: the fix differs for each cause. */
export const checkCallbackError = defineCheck<CallbackInput & { hostSendsPkce: boolean; hostName: string; clientSource?: 'configured' | 'dcr' | 'cimd' }>(
  { id: 'authorization-succeeds', codes: ['PKCE_REQUIRED', 'SCOPE_EMPTY_REJECTED', 'REDIRECT_URI_REJECTED', 'AUTHORIZE_ERROR_RESPONSE', 'CIMD_HOST_DOCUMENT_REJECTED', 'RESOURCE_PARAMETER_REJECTED'] },
  (i) => {
    const { error } = i.callback;
    if (!error) return [];
    const detail = `${error}${i.callback.errorDescription ? ` (${i.callback.errorDescription.slice(0, 200)})` : ''}`;
    const base = cited(i);
    if (i.clientSource === 'cimd' && (error === 'invalid_client' || error === 'unauthorized_client')) {
      return [
        {
          code: 'CIMD_HOST_DOCUMENT_REJECTED',
          message: `the authorization server refused the host's client ID metadata document ${i.sent.clientId}: error=${detail}`,
          fix: "Accept the host's client metadata document as published: fetch it, take client_id and redirect_uris from it, and read token_endpoint_auth_methods_supported as well as the singular token_endpoint_auth_method (ChatGPT declares private_key_jwt and lists none too).",
          ...base,
        },
      ];
    }
    if (error === 'invalid_target' && i.sent.resource) {
      return [
        {
          code: 'RESOURCE_PARAMETER_REJECTED',
          message: `the authorization server refused resource=${i.sent.resource}: error=${detail}`,
          fix: `Accept the MCP server's URL as an RFC 8707 resource indicator, path included (${i.sent.resource}), and bind it into the token's audience.`,
          ...base,
        },
      ];
    }
    if (!i.hostSendsPkce && /code_challenge|pkce/i.test(detail)) {
      return [
        {
          code: 'PKCE_REQUIRED',
          message: `the provider demands PKCE: error=${detail}`,
          fix: `${i.hostName} hosts send no code_challenge: make PKCE optional for this confidential client (it authenticates with its client secret).`,
          ...base,
        },
      ];
    }
    if (error === 'invalid_scope' && i.sent.scope.trim() === '') {
      return [
        {
          code: 'SCOPE_EMPTY_REJECTED',
          message: `the host sent no scope and the provider rejects that: error=${detail}`,
          fix: 'Put at least one scope in the configuration (a placeholder is fine), or let the authorization server apply default scopes when scope is empty.',
          ...base,
        },
      ];
    }
    if (/redirect_uri/i.test(detail)) {
      return [
        {
          code: 'REDIRECT_URI_REJECTED',
          message: `the provider refused redirect_uri=${i.sent.redirectUri}: error=${detail}`,
          fix: `Register exactly ${i.sent.redirectUri} as a redirect URI of the OAuth client.`,
          ...base,
        },
      ];
    }
    return [
      {
        code: 'AUTHORIZE_ERROR_RESPONSE',
        message: `the provider redirected back with error=${detail}`,
        fix: 'Check the OAuth client configuration the error names; the host only shows users a generic failure.',
        ...base,
      },
    ];
  },
);

/** RFC 6749 §4.1.2: the state comes back unchanged; without it the host aborts. */
export const checkStateReturned = defineCheck<CallbackInput>({ id: 'callback-returns-state', codes: ['STATE_NOT_RETURNED'] }, (i) => {
  if (i.callback.state) return [];
  return [
    {
      code: 'STATE_NOT_RETURNED',
      message: 'the callback carried a code but no state parameter; the host aborts the install',
      fix: 'Echo the state parameter from the authorization request unchanged on the redirect (RFC 6749 §4.1.2).',
      ...cited(i),
    },
  ];
});

/** The host's verdict on the returned state: single use, not expired, and the one this install sent. */
export type StateVerdict = { ok: true; matchesThisInstall: boolean } | { ok: false; reason: 'missing' | 'unknown' | 'expired' };

export const checkStateMatches = defineCheck<CallbackInput & { verdict: StateVerdict }>({ id: 'callback-state-matches', codes: ['STATE_MISMATCH'] }, (i) => {
  if (i.verdict.ok && i.verdict.matchesThisInstall) return [];
  const why = i.verdict.ok ? 'another install' : i.verdict.reason;
  return [
    {
      code: 'STATE_MISMATCH',
      message: `the callback's state (${i.callback.state?.length ?? 0} characters) is not the one the host sent (${why})`,
      fix: 'Return the state parameter byte for byte as received; do not re-encode, trim or regenerate it.',
      ...cited(i),
    },
  ];
});

export const checkCodeReturned = defineCheck<CallbackInput>({ id: 'callback-carries-code', codes: ['AUTHORIZE_ERROR_RESPONSE'] }, (i) => {
  if (i.callback.code) return [];
  return [{ code: 'AUTHORIZE_ERROR_RESPONSE', message: 'the callback carried neither code nor error', fix: 'Redirect to the redirect_uri with code and state after consent.', ...cited(i) }];
});

/**
 * RFC 9207: an authorization server that advertises `authorization_response_iss_parameter_supported` puts `iss` on
 * every authorization response, equal to its metadata's issuer (simple string comparison); hosts reject anything else.
 */
export const checkCallbackIssuer = defineCheck<CallbackInput & { advertised: boolean; issuer: string }>({ id: 'callback-carries-issuer', codes: ['AUTHORIZE_ISS_INVALID'] }, (i) => {
  if (!i.advertised) return [];
  const { iss } = i.callback;
  if (iss === i.issuer) return [];
  return [
    {
      code: 'AUTHORIZE_ISS_INVALID',
      message: iss === null ? `the authorization response carries no iss, though the metadata advertises authorization_response_iss_parameter_supported` : `the authorization response's iss "${iss.slice(0, 200)}" is not the metadata's issuer "${i.issuer}"`,
      fix: 'Add iss=<your issuer, exactly as in the metadata> to every authorization response, success and error (RFC 9207 §2), or stop advertising authorization_response_iss_parameter_supported.',
      ...cited(i),
    },
  ];
});
