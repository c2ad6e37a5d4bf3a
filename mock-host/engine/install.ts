import { citeExchange } from '../findings/evidence.ts';
import type { FindingDraft } from '../findings/finding.ts';
import { checkProviderQuirks } from '../checks/provider/provider-quirks.ts';
import type { AuthorizationRequest } from './authorize-url.ts';
import type { HostSession } from './session.ts';
import { storedCredentials } from '../model/credentials.ts';
import { hostGrant, requestTokens, type GrantResult } from './token-grants.ts';

/** Parameters the provider put on the callback URL. */
export interface CallbackParams {
  url: string;
  code: string | null;
  state: string | null;
  error: string | null;
  errorDescription: string | null;
  /** Every code value, so each is redacted even when the provider (or an attacker) sent several. */
  codes: string[];
  /** OAuth parameters that occur more than once (RFC 6749 §3.1 forbids it: the host cannot tell which is real). */
  repeated: string[];
}

const SINGLE_VALUED = ['code', 'state', 'error'] as const;

export function parseCallback(url: string): CallbackParams {
  const parsed = new URL(url);
  const q = parsed.searchParams;
  return {
    url,
    code: q.get('code'),
    state: q.get('state'),
    error: q.get('error'),
    errorDescription: q.get('error_description'),
    codes: q.getAll('code'),
    repeated: SINGLE_VALUED.filter((name) => q.getAll(name).length > 1),
  };
}

/**
 * What the host does when the browser lands on its callback: check state (single use, not expired, the one sent),
 * surface an error from the provider, then exchange the code at the token endpoint.
 */
export async function completeInstall(session: HostSession, callback: CallbackParams, sent: AuthorizationRequest): Promise<void> {
  for (const code of callback.codes) session.secrets.add(code, 'code');
  session.secrets.add(callback.code, 'code');
  if (callback.repeated.length) {
    // An injected second code or state (a parameter smuggled into the redirect) must not be guessed around.
    session.consumeState(sent.state);
    return session.failWith({
      code: 'STATE_MISMATCH',
      message: `the callback repeats ${callback.repeated.join(' and ')}; the host cannot tell which value answers its request, so it refuses the install`,
      fix: 'Redirect to the redirect_uri with exactly one code and one state (RFC 6749 §3.1: parameters must not be repeated); append to the redirect_uri\'s query instead of concatenating strings.',
    }, `the callback repeated ${callback.repeated.join(' and ')}`);
  }
  const description = callback.errorDescription ? ` (${callback.errorDescription.slice(0, 200)})` : '';
  if (callback.error) {
    const draft = classifyAuthorizeError(callback.error, `${callback.error}${description}`, sent, session);
    return session.failWith(draft, `the provider answered the authorization request with error=${callback.error}${description}`);
  }
  if (!callback.state) {
    return session.failWith({
      code: 'STATE_NOT_RETURNED',
      message: 'the callback carried a code but no state parameter; the host aborts the install',
      fix: 'Echo the state parameter from the authorization request unchanged on the redirect (RFC 6749 §4.1.2).',
    }, 'the callback had no state');
  }
  const verdict = session.consumeState(callback.state);
  if (!verdict.ok || verdict.value.state !== sent.state) {
    return session.failWith({
      code: 'STATE_MISMATCH',
      message: `the callback's state (${callback.state.length} characters) is not the one the host sent (${verdict.ok ? 'another install' : verdict.reason})`,
      fix: 'Return the state parameter byte for byte as received; do not re-encode, trim or regenerate it.',
    }, 'the callback state did not match');
  }
  if (!callback.code) {
    return session.failWith({
      code: 'AUTHORIZE_ERROR_RESPONSE',
      message: 'the callback carried neither code nor error',
      fix: 'Redirect to the redirect_uri with code and state after consent.',
    }, 'the callback had no code');
  }
  await exchangeCode(session, callback.code, sent);
}

function classifyAuthorizeError(error: string, detail: string, sent: AuthorizationRequest, session: HostSession): FindingDraft {
  const scope = new URL(sent.url).searchParams.get('scope') ?? '';
  if (!session.profile.authorize.pkce && /code_challenge|pkce/i.test(detail)) {
    return {
      code: 'PKCE_REQUIRED',
      message: `the provider demands PKCE: error=${detail}`,
      fix: `${session.profile.displayName} hosts send no code_challenge: make PKCE optional for this confidential client (it authenticates with its client secret).`,
    };
  }
  if (error === 'invalid_scope' && scope.trim() === '') {
    return {
      code: 'SCOPE_EMPTY_REJECTED',
      message: `the manifest scope is empty and the provider rejects scope=: error=${detail}`,
      fix: 'Put at least one scope in the manifest (a placeholder is fine), or let the authorization server apply default scopes when scope is empty.',
    };
  }
  if (/redirect_uri/i.test(detail)) {
    return {
      code: 'REDIRECT_URI_REJECTED',
      message: `the provider refused redirect_uri=${sent.redirectUri}: error=${detail}`,
      fix: `Register exactly ${sent.redirectUri} as a redirect URI of the OAuth client.`,
    };
  }
  return {
    code: 'AUTHORIZE_ERROR_RESPONSE',
    message: `the provider redirected back with error=${detail}`,
    fix: 'Check the OAuth client configuration the error names; the host only shows users a generic failure.',
  };
}

async function exchangeCode(session: HostSession, code: string, sent: AuthorizationRequest): Promise<void> {
  const result = await hostGrant(session, { grant: 'authorization_code', code, redirectUri: sent.redirectUri }, 'exchange code');
  const auth = session.oauth();
  if (session.provider) {
    session.findings.addAll(
      checkProviderQuirks({
        provider: session.provider,
        authorizeUrl: auth.authorizeUrl,
        tokenUrl: auth.tokenUrl,
        scope: auth.scope,
        tokenResponseBody: result.outcome.response?.body,
        exchangeId: result.outcome.exchangeId,
      }),
    );
  }
  if (!result.tokens) {
    const diagnosis = await diagnoseRejectedExchange(session, code, sent, result);
    session.findings.addAll(diagnosis);
    let causes = session.findings.errorCodesOf([...result.drafts, ...diagnosis]);
    if (!causes.length) {
      session.findings.add({
        code: 'TOKEN_EXCHANGE_REJECTED',
        message: `the token endpoint refused the code exchange: ${result.failure ?? 'no token in the answer'}`,
        fix: 'Accept the exchange the host sends: grant_type=authorization_code with client_id, client_secret, code and the same redirect_uri as the authorization request.',
        ...citeExchange(session.recorder, result.outcome.exchangeId),
      });
      causes = ['TOKEN_EXCHANGE_REJECTED'];
    }
    session.abort(`the code exchange gave the host no usable token: ${result.failure ?? 'no access_token'}`, 'failed', causes);
  }
  session.credentials = storedCredentials(
    result.tokens,
    session.now(),
    { source: 'exchange', generation: 0, refreshTokenKeptFromBefore: false },
    session.profile.token.assumedLifetimeSeconds,
  );
}

/**
 * The exchange failed. Before giving up, find out whether the endpoint would have taken the other body encoding or
 * client authentication: the code is usually still unused when a request is refused before it is parsed.
 */
async function diagnoseRejectedExchange(session: HostSession, code: string, sent: AuthorizationRequest, failed: GrantResult): Promise<FindingDraft[]> {
  const status = failed.outcome.response?.status;
  if (status === undefined || status < 400 || status >= 500) return [];
  const auth = session.oauth();
  const fields = { grant: 'authorization_code' as const, code, redirectUri: sent.redirectUri };
  const otherEncoding = auth.tokenBodyEncoding === 'json' ? 'form' : 'json';
  if (status !== 401) {
    const retry = await requestTokens(session, fields, { encoding: otherEncoding, label: `diagnose: same exchange as ${otherEncoding}` });
    if (retry.tokens) {
      return [{
        code: 'TOKEN_BODY_ENCODING_REJECTED',
        message: `the token endpoint answered ${status} to a ${auth.tokenBodyEncoding === 'json' ? 'JSON' : 'form-encoded'} body (the encoding the host uses) and accepted the same request ${otherEncoding === 'json' ? 'as JSON' : 'form-encoded'}`,
        fix:
          session.profile.token.bodyEncoding === 'manifest'
            ? `Accept the encoding the manifest's authorization_content_type names, or set authorization_content_type to ${otherEncoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'}.`
            : 'Accept application/x-www-form-urlencoded token requests: GPT Actions always send form bodies.',
        evidence: [failed.outcome.exchangeId, retry.outcome.exchangeId],
        reproduce: session.recorder.curlOf(failed.outcome.exchangeId),
      }];
    }
  }
  const usedAuth = failed.outcome.request.headers?.Authorization ? 'basic' : 'body';
  const otherAuth = usedAuth === 'basic' ? 'body' : 'basic';
  const retry = await requestTokens(session, fields, { clientAuth: otherAuth, label: `diagnose: same exchange with client auth in ${otherAuth}` });
  if (retry.tokens) {
    return [{
      code: 'TOKEN_CLIENT_AUTH_REJECTED',
      message: `the token endpoint answered ${status} to client credentials in the ${usedAuth === 'body' ? 'request body' : 'Basic header'} and accepted them in the ${otherAuth === 'body' ? 'request body' : 'Basic header'}`,
      fix:
        session.profile.id === 'gpt-action'
          ? `Accept client_secret_${usedAuth === 'body' ? 'post' : 'basic'}, or switch the GPT's Token Exchange Method to ${otherAuth === 'basic' ? '"Basic authorization header"' : '"Default (POST request)"'}.`
          : 'Accept client_id and client_secret in the request body (client_secret_post): ChatGPT plugins never send HTTP Basic.',
      evidence: [failed.outcome.exchangeId, retry.outcome.exchangeId],
      reproduce: session.recorder.curlOf(failed.outcome.exchangeId),
    }];
  }
  return [];
}
