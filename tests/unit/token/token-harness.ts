import nock from 'nock';
import type { FindingCode } from '../../../mock-host/findings/catalog.ts';
import type { FindingDraft } from '../../../mock-host/findings/finding.ts';
import type { ProviderId } from '../../../mock-host/model/provider-id.ts';
import { sendTokenRequest, type TokenRequestParams } from '../../../mock-host/oauth/token-request.ts';
import { interpretTokenResponse, type TokenInterpretation } from '../../../mock-host/oauth/token-response.ts';
import { chatgptPlugin } from '../../../mock-host/profiles/chatgpt-plugin.ts';
import type { HostProfile } from '../../../mock-host/profiles/host-profile.ts';
import type { HttpOutcome } from '../../../mock-host/recorder/exchange.ts';
import { Recorder } from '../../../mock-host/recorder/recorder.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

export const ORIGIN = 'https://auth.plugin.example';
export const TOKEN_PATH = '/oauth/token';
export const TOKEN_URL = `${ORIGIN}${TOKEN_PATH}`;
export const CLIENT_ID = 'plugin-client-42';
// Characters RFC 6749 §2.3.1 requires to be form-encoded before base64.
export const CLIENT_SECRET = 'cs_9f+Qk/v2:Zx=Lm';
export const CODE = 'ac_6a1f0c2e9b7d4e3f';
export const REFRESH_TOKEN = 'rt_in_0b8c7d6e5f4a3b2c';
export const REDIRECT_URI = 'https://chat.openai.com/aip/plugin-00000000-0000-4000-8000-000000000000/oauth/callback';

export function newRecorder(): Recorder {
  return new Recorder(new SecretRegistry());
}

// What every token request in these tests shares: the client, the endpoint, and the host's default encoding.
const CLIENT = { profile: chatgptPlugin, tokenUrl: TOKEN_URL, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, encoding: 'form', clientAuth: 'body' } as const;

export function codeParams(over: Partial<Omit<TokenRequestParams, 'grant'>> = {}): TokenRequestParams {
  return { grant: 'authorization_code', code: CODE, redirectUri: REDIRECT_URI, ...CLIENT, ...over } as TokenRequestParams;
}

export function refreshParams(over: Partial<Omit<TokenRequestParams, 'grant'>> = {}): TokenRequestParams {
  return { grant: 'refresh_token', refreshToken: REFRESH_TOKEN, ...CLIENT, ...over } as TokenRequestParams;
}

export function withProfile(patch: { tokenMs?: number; maxBodyBytes?: number }): HostProfile {
  return {
    ...chatgptPlugin,
    timeouts: { ...chatgptPlugin.timeouts, tokenMs: patch.tokenMs ?? chatgptPlugin.timeouts.tokenMs },
    limits: { ...chatgptPlugin.limits, maxBodyBytes: patch.maxBodyBytes ?? chatgptPlugin.limits.maxBodyBytes },
  };
}

export interface Reply {
  status?: number;
  body: string | Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface Run extends TokenInterpretation {
  outcome: HttpOutcome;
  recorder: Recorder;
}

/** One real token request through the Recorder, answered by nock, interpreted as the host would. */
export async function runExchange(
  reply: Reply,
  opts: { grant?: 'authorization_code' | 'refresh_token'; provider?: ProviderId; params?: Partial<Omit<TokenRequestParams, 'grant'>>; recorder?: Recorder } = {},
): Promise<Run> {
  const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const headers = reply.headers ?? { 'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json' };
  nock(ORIGIN).post(TOKEN_PATH).reply(reply.status ?? 200, body, headers);
  const recorder = opts.recorder ?? newRecorder();
  const grant = opts.grant ?? 'authorization_code';
  const params = grant === 'authorization_code' ? codeParams(opts.params) : refreshParams(opts.params);
  const outcome = await sendTokenRequest(recorder, params);
  const result = interpretTokenResponse(outcome, { grant, ...(opts.provider ? { provider: opts.provider } : {}), secrets: recorder.secrets });
  return { outcome, recorder, ...result };
}

export function codesOf(drafts: readonly FindingDraft[]): FindingCode[] {
  return drafts.map((d) => d.code);
}

export function useNock(test: { beforeEach: (fn: () => void) => void; afterEach: (fn: () => void) => void }): void {
  test.beforeEach(() => nock.disableNetConnect());
  test.afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}
