import type { FindingDraft } from '../findings/finding.ts';
import { sendTokenRequest, type TokenRequestParams } from '../oauth/token-request.ts';
import { interpretTokenResponse, type TokenSet } from '../oauth/token-response.ts';
import type { ClientAuthMethod, TokenBodyEncoding } from '../profiles/host-profile.ts';
import type { HttpOutcome } from '../recorder/exchange.ts';
import type { HostSession } from './session.ts';

export interface GrantResult {
  outcome: HttpOutcome;
  tokens?: TokenSet;
  drafts: FindingDraft[];
  failure?: string;
}

/** The client authentication the host uses: the profile's, or the GPT Action's "token exchange method". */
export function hostClientAuth(session: HostSession): ClientAuthMethod {
  if (session.profile.id === 'gpt-action') return session.settings.action.tokenExchangeMethod === 'basic_auth_header' ? 'basic' : 'body';
  return session.profile.token.clientAuth;
}

type GrantFields = { grant: 'authorization_code'; code: string; redirectUri: string } | { grant: 'refresh_token'; refreshToken: string };

/** One token request exactly as the host sends it (or with probe overrides), interpreted as the host would. */
export async function requestTokens(
  session: HostSession,
  fields: GrantFields,
  variation: { encoding?: TokenBodyEncoding; clientAuth?: ClientAuthMethod; overrides?: Record<string, string>; label?: string } = {},
): Promise<GrantResult> {
  const auth = session.oauth();
  const { clientId, clientSecret } = session.clientCredentials();
  const params: TokenRequestParams = {
    profile: session.profile,
    tokenUrl: auth.tokenUrl,
    clientId,
    clientSecret,
    encoding: variation.encoding ?? auth.tokenBodyEncoding,
    clientAuth: variation.clientAuth ?? hostClientAuth(session),
    ...(variation.overrides ? { overrides: variation.overrides } : {}),
    ...(variation.label ? { label: variation.label } : {}),
    ...(fields.grant === 'authorization_code'
      ? { grant: 'authorization_code', code: fields.code, redirectUri: fields.redirectUri }
      : { grant: 'refresh_token', refreshToken: fields.refreshToken }),
  };
  const outcome = await sendTokenRequest(session.recorder, params);
  const interpreted = interpretTokenResponse(outcome, { grant: fields.grant, provider: session.provider, secrets: session.secrets });
  return { outcome, ...interpreted };
}

/**
 * A grant the host itself makes in the lifecycle (not a probe): its findings count, and its outcome is remembered
 * for checks that compare responses (scope on refresh).
 */
export async function hostGrant(session: HostSession, fields: GrantFields, label: string): Promise<GrantResult> {
  const result = await requestTokens(session, fields, { label });
  session.findings.addAll(result.drafts);
  session.tokenEvents.push({
    grant: fields.grant,
    exchangeId: result.outcome.exchangeId,
    ok: !!result.tokens,
    ...(result.tokens?.scope !== undefined ? { scope: result.tokens.scope } : {}),
    returnedRefreshToken: !!result.tokens?.refreshToken,
  });
  return result;
}
