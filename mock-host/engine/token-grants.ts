import type { GrantPurpose } from '../events/host-event.ts';
import type { FindingDraft } from '../findings/finding.ts';
import type { TokenResponseFacts } from '../oauth/token-facts.ts';
import { sendTokenRequest, type TokenGrantFields, type TokenRequestParams } from '../oauth/token-request.ts';
import { readTokenResponse, type TokenRejection, type TokenSet } from '../oauth/token-response.ts';
import type { OAuthClient, TokenAuthMethod, TokenBodyEncoding } from '../profiles/host-profile.ts';
import type { HttpOutcome } from '../recorder/exchange.ts';
import type { HostSession } from './session.ts';

export interface GrantResult {
  outcome: HttpOutcome;
  facts: TokenResponseFacts;
  tokens?: TokenSet;
  /** The §3 token findings of this answer (already collected). */
  drafts: FindingDraft[];
  failure?: string;
  rejection?: TokenRejection;
  /** The request as a curl, secrets (the probe's own values too) as $VARIABLES. */
  curl: string;
}

export interface GrantVariation {
  encoding?: TokenBodyEncoding;
  authMethod?: TokenAuthMethod;
  /** private_key_jwt: the assertion's aud (default: the token endpoint URL, as ChatGPT sends it). */
  assertionAudience?: string;
  overrides?: Record<string, string>;
  label?: string;
  /** A client of the probe's own in place of the session's, which is then never obtained (no registration for it). */
  client?: Omit<OAuthClient, 'source'>;
}

/**
 * One token request exactly as the host sends it (or with a probe's variation), read as the host reads it; its
 * answer gets every §3 check (a diagnosis excepted). `purpose` says whose request it is: the host's own lifecycle, a probe, a diagnosis.
 */
export async function requestTokens(session: HostSession, fields: TokenGrantFields, purpose: GrantPurpose, variation: GrantVariation = {}): Promise<GrantResult> {
  const auth = session.oauth();
  const client = variation.client ?? (await session.client());
  const { token } = session.profile.flow;
  const authMethod = variation.authMethod ?? client.authMethod;
  const params: TokenRequestParams = {
    ...fields,
    shape: token,
    timeoutMs: fields.grant === 'refresh_token' ? (session.profile.timeouts.refreshTokenMs ?? session.profile.timeouts.tokenMs) : session.profile.timeouts.tokenMs,
    maxBodyBytes: session.profile.limits.maxBodyBytes,
    tokenUrl: auth.tokenUrl,
    clientId: client.clientId,
    ...(client.clientSecret !== undefined ? { clientSecret: client.clientSecret } : {}),
    encoding: variation.encoding ?? auth.tokenBodyEncoding,
    authMethod,
    ...(authMethod === 'private_key_jwt' && client.signer ? { clientAssertion: await client.signer.sign(client.clientId, variation.assertionAudience ?? client.assertionAudience ?? auth.tokenUrl) } : {}),
    ...(variation.overrides ? { overrides: variation.overrides } : {}),
    ...(variation.label ? { label: variation.label } : {}),
  };
  const outcome = await sendTokenRequest(session.recorder, params);
  const read = readTokenResponse(outcome, { grant: fields.grant, ...(session.provider ? { provider: session.provider } : {}), ...(fields.resource ? { resource: fields.resource } : {}), secrets: session.secrets });
  // A diagnosis re-sends a refused request another way only to learn what the endpoint objects to: its answer is no finding.
  const drafts = purpose === 'diagnose' ? [] : token.checks.flatMap((check) => session.findings.run(check, read.facts));
  session.emit({
    type: 'token-response',
    exchangeId: outcome.exchangeId,
    grant: fields.grant,
    purpose,
    issued: !!read.tokens,
    ...(read.tokens?.scope !== undefined ? { scope: read.tokens.scope } : {}),
    returnedRefreshToken: !!read.tokens?.refreshToken,
  });
  return {
    outcome,
    facts: read.facts,
    ...(read.tokens ? { tokens: read.tokens } : {}),
    drafts,
    ...(read.failure ? { failure: read.failure } : {}),
    ...(read.rejection ? { rejection: read.rejection } : {}),
    curl: session.recorder.curlOf(outcome.exchangeId),
  };
}

/**
 * The scope of the grant the host holds: its latest successful code exchange (a reconnect starts a new grant, maybe
 * with another scope), which later refreshes are compared with.
 */
export function grantedScope(session: HostSession): string | undefined {
  return session.events.ofType('token-response').findLast((e) => e.grant === 'authorization_code' && e.purpose === 'host' && e.issued)?.scope;
}
