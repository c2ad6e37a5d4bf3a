import { checkCallbackError, checkCallbackIssuer, checkCallbackSingleValued, checkCodeReturned, checkStateMatches, checkStateReturned, type CallbackInput, type StateVerdict } from '../checks/authorization/callback.ts';
import { PROVIDER_CHECKS } from '../checks/provider/provider-quirks.ts';
import { checkClientAssertionAccepted, checkPublicClientAccepted, checkResourceAccepted } from '../checks/token/client-kind-rejected.ts';
import { checkBodyEncodingAccepted, checkClientAuthAccepted, checkExchangeAccepted } from '../checks/token/exchange-rejected.ts';
import type { FindingDraft } from '../findings/finding.ts';
import type { AuthorizationRequest, CallbackParams } from '../model/authorization.ts';
import { storedCredentials } from '../model/credentials.ts';
import type { TokenAuthMethod } from '../profiles/host-profile.ts';
import type { HostSession } from './session.ts';
import { requestTokens, type GrantResult } from './token-grants.ts';

/**
 * What the host does when the browser lands on its callback: check the parameters (single-valued, no error, the
 * state it sent, single use and not expired, a code), then exchange the code at the token endpoint. Each check
 * decides on what was recorded; the first one that fails stops the install, as it stops the real host.
 */
export async function completeInstall(session: HostSession, callback: CallbackParams, sent: AuthorizationRequest, exchangeId?: string, options: { diagnose?: boolean } = {}): Promise<void> {
  for (const code of callback.codes) session.secrets.add(code, 'code');
  session.emit({ type: 'callback-received', ...(exchangeId ? { exchangeId } : {}), state: callback.state, hasCode: !!callback.code, error: callback.error });
  const input: CallbackInput = { callback, sent, ...(exchangeId ? { exchangeId } : {}) };
  const stop = (drafts: FindingDraft[], why: string): void => session.stopOnErrors(drafts, why);
  // Past a state or iss problem only for a callback caught in the harness's own browser, after its own request: the
  // mock host's callback route faces any page in the user's browser, so it keeps the host's rule (no code exchanged).
  const goOn = (drafts: FindingDraft[], why: string): void => (options.diagnose ? session.continuePastErrors(drafts) : stop(drafts, why));

  const repeated = session.findings.run(checkCallbackSingleValued, input);
  if (repeated.length) session.consumeState(sent.state);
  stop(repeated, `the callback repeated ${callback.repeated.join(' and ')}`);
  const flow = session.profile.flow;
  const client = await session.client();
  const server = session.oauth().server;
  // RFC 9207 first: a host that validates iss rejects a response (an error one too) before reading anything else.
  if (flow.authorization.validatesIss && server) {
    goOn(session.findings.run(checkCallbackIssuer, { ...input, advertised: server.issParameterSupported, issuer: server.issuer }), 'the authorization response had no valid iss');
  }
  stop(
    session.findings.run(checkCallbackError, { ...input, hostSendsPkce: flow.authorization.pkce !== 'none', hostName: session.profile.displayName, clientSource: client.source }),
    `the provider answered the authorization request with error=${callback.error}${callback.errorDescription ? ` (${callback.errorDescription.slice(0, 200)})` : ''}`,
  );
  // A state problem stops the real host; the callback is still the one this install sent for, so the harness goes on
  // past it (a diagnostic continuation) to the code exchange and beyond: one run shows every layer.
  const missingState = session.findings.run(checkStateReturned, input);
  goOn(missingState, 'the callback had no state');
  if (!missingState.length) {
    const consumed = session.consumeState(callback.state);
    const verdict: StateVerdict = consumed.ok ? { ok: true, matchesThisInstall: consumed.value.state === sent.state } : consumed;
    goOn(session.findings.run(checkStateMatches, { ...input, verdict }), 'the callback state did not match');
  } else session.consumeState(sent.state);
  stop(session.findings.run(checkCodeReturned, input), 'the callback had no code');
  if (callback.code) await exchangeCode(session, callback.code, sent);
}

async function exchangeCode(session: HostSession, code: string, sent: AuthorizationRequest): Promise<void> {
  const fields = {
    grant: 'authorization_code' as const,
    code,
    redirectUri: sent.redirectUri,
    ...(sent.codeVerifier ? { codeVerifier: sent.codeVerifier } : {}),
    ...(sent.resource ? { resource: sent.resource } : {}),
  };
  let result = await requestTokens(session, fields, 'host', { label: 'exchange code' });
  const auth = session.oauth();
  if (session.provider) {
    const quirkInput = {
      provider: session.provider,
      authorizeUrl: auth.authorizeUrl,
      tokenUrl: auth.tokenUrl,
      scope: sent.scope,
      protocol: session.target?.mcp ? ('mcp' as const) : ('plugin' as const),
      ...(result.outcome.response ? { tokenResponseBody: result.outcome.response.body } : {}),
      exchangeId: result.outcome.exchangeId,
    };
    for (const check of PROVIDER_CHECKS) session.findings.run(check, quirkInput);
  }
  const refusal = result.tokens ? undefined : await diagnoseRefusedClient(session, fields, result);
  if (refusal?.recovered) result = refusal.recovered;
  if (!result.tokens) {
    const diagnosis = [...(refusal?.drafts ?? []), ...(await diagnoseRejectedExchange(session, fields, result))];
    const knownCauses = session.findings.errorCodesOf([...result.drafts, ...diagnosis]);
    const rejected = session.findings.run(checkExchangeAccepted, {
      issued: false,
      ...(result.failure ? { failure: result.failure } : {}),
      knownCauses,
      exchangeId: result.outcome.exchangeId,
      curl: result.curl,
      fix: 'Accept the exchange the host sends: grant_type=authorization_code with the client authentication, code and redirect_uri of the authorization request (and code_verifier when the host sends PKCE).',
    });
    const causes = knownCauses.length ? knownCauses : session.findings.errorCodesOf(rejected);
    session.abort(`the code exchange gave the host no usable token: ${result.failure ?? 'no access_token'}`, 'failed', causes);
  }
  const refresh = session.profile.flow.refresh;
  session.credentials = storedCredentials(result.tokens, session.now(), { source: 'exchange', generation: 0, refreshTokenKeptFromBefore: false }, refresh.assumedLifetimeSeconds);
  session.emit({ type: 'credentials-stored', generation: 0, ...(session.credentials.expiresAt !== undefined ? { expiresAt: session.credentials.expiresAt } : {}), hasRefreshToken: !!session.credentials.refreshToken, source: 'exchange' });
}

const OTHER_AUTH: Partial<Record<TokenAuthMethod, TokenAuthMethod>> = { client_secret_post: 'client_secret_basic', client_secret_basic: 'client_secret_post' };

/**
 * The exchange failed. Before giving up, find out whether the endpoint would have taken the other body encoding or
 * client authentication: the code is usually still unused when a request is refused before it is parsed.
 */
async function diagnoseRejectedExchange(session: HostSession, fields: Parameters<typeof requestTokens>[1], failed: GrantResult): Promise<FindingDraft[]> {
  const status = failed.outcome.response?.status;
  if (status === undefined || status < 400 || status >= 500) return [];
  const auth = session.oauth();
  const client = await session.client();
  const retried = (retry: GrantResult) => ({ status, failedExchangeId: failed.outcome.exchangeId, failedCurl: failed.curl, retryExchangeId: retry.outcome.exchangeId, retryIssued: !!retry.tokens });
  if (status !== 401) {
    const used = auth.tokenBodyEncoding;
    const other = used === 'json' ? 'form' : 'json';
    const retry = await requestTokens(session, fields, 'diagnose', { encoding: other, label: `diagnose: same exchange as ${other}` });
    const fix =
      session.profile.flow.token.bodyEncoding === 'manifest'
        ? `Accept the encoding the manifest's authorization_content_type names, or set authorization_content_type to ${other === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'}.`
        : `Accept ${used === 'form' ? 'application/x-www-form-urlencoded' : 'application/json'} token requests: ${session.profile.displayName} hosts always send them that way.`;
    const found = session.findings.run(checkBodyEncodingAccepted, { ...retried(retry), used, other, fix });
    if (found.length) return found;
  }
  const other = OTHER_AUTH[client.authMethod];
  if (!other) return [];
  const retry = await requestTokens(session, fields, 'diagnose', { authMethod: other, label: `diagnose: same exchange with ${other}` });
  return session.findings.run(checkClientAuthAccepted, { ...retried(retry), used: client.authMethod, other, fix: session.profile.flow.client.clientAuthFix(client.authMethod, other) });
}

/**
 * The exchange of a client the host registered itself (public, or private_key_jwt) or one carrying `resource` was
 * refused: tell which of these the endpoint objects to. Returns the tokens of a retry the host's own variant would
 * also get (an assertion whose aud is the issuer rather than the token endpoint: only a warning, the install goes on).
 */
async function diagnoseRefusedClient(session: HostSession, fields: Parameters<typeof requestTokens>[1], failed: GrantResult): Promise<{ recovered?: GrantResult; drafts: FindingDraft[] }> {
  const client = await session.client();
  const refused = { ...(failed.rejection ? { rejection: failed.rejection } : {}), authMethod: client.authMethod, registered: client.source !== 'configured', exchangeId: failed.outcome.exchangeId, curl: failed.curl };
  const drafts = [...session.findings.run(checkPublicClientAccepted, refused)];
  let recovered: GrantResult | undefined;
  if (client.authMethod === 'private_key_jwt' && client.signer) {
    const issuer = session.oauth().server?.issuer;
    const retry = issuer ? await requestTokens(session, fields, 'diagnose', { assertionAudience: issuer, label: 'diagnose: the same exchange, assertion aud = issuer' }) : undefined;
    drafts.push(...session.findings.run(checkClientAssertionAccepted, { ...refused, ...(retry ? { issuerAudienceAccepted: !!retry.tokens, issuerAudienceExchangeId: retry.outcome.exchangeId } : {}) }));
    if (retry?.tokens && issuer) {
      recovered = retry;
      // The lifecycle goes on as the variant that works (a warning only): its refreshes sign the same way.
      client.assertionAudience = issuer;
    }
  }
  if (fields.grant === 'authorization_code' && fields.resource && failed.rejection?.status === 400) {
    const { resource: _resource, ...withoutResource } = fields;
    const retry = await requestTokens(session, withoutResource, 'diagnose', { label: 'diagnose: the same exchange without resource' });
    drafts.push(...session.findings.run(checkResourceAccepted, { resource: fields.resource, grant: fields.grant, withoutIssued: !!retry.tokens, failedExchangeId: failed.outcome.exchangeId, retryExchangeId: retry.outcome.exchangeId, curl: failed.curl }));
  }
  return { ...(recovered ? { recovered } : {}), drafts };
}
