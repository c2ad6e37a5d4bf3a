import nock from 'nock';
import type { FindingCode } from '../../../mock-host/findings/catalog.ts';
import { FindingCollector, type FindingDraft } from '../../../mock-host/findings/finding.ts';
import type { ProviderId } from '../../../mock-host/model/provider-id.ts';
import { sendTokenRequest, type TokenRequestParams } from '../../../mock-host/oauth/token-request.ts';
import { readTokenResponse, type TokenReading } from '../../../mock-host/oauth/token-response.ts';
import { TOKEN_CHECKS } from '../../../mock-host/checks/token/token-checks.ts';
import { chatgptPlugin } from '../../../mock-host/profiles/chatgpt-plugin/index.ts';
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
const CLIENT = {
  shape: chatgptPlugin.flow.token,
  timeoutMs: chatgptPlugin.timeouts.tokenMs,
  maxBodyBytes: chatgptPlugin.limits.maxBodyBytes,
  tokenUrl: TOKEN_URL,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  encoding: 'form',
  authMethod: 'client_secret_post',
} as const;

export function codeParams(over: Partial<Omit<TokenRequestParams, 'grant'>> = {}): TokenRequestParams {
  return { grant: 'authorization_code', code: CODE, redirectUri: REDIRECT_URI, ...CLIENT, ...over } as TokenRequestParams;
}

export function refreshParams(over: Partial<Omit<TokenRequestParams, 'grant'>> = {}): TokenRequestParams {
  return { grant: 'refresh_token', refreshToken: REFRESH_TOKEN, ...CLIENT, ...over } as TokenRequestParams;
}

export interface Reply {
  status?: number;
  body: string | Record<string, unknown>;
  headers?: Record<string, string>;
}

/** What the host reads from one answer, and what the §3 token checks say about it. */
export interface Interpretation extends TokenReading {
  drafts: FindingDraft[];
}

export interface Run extends Interpretation {
  outcome: HttpOutcome;
  recorder: Recorder;
}

/** The answer read as the host reads it, with every §3 check run on it (as the engine runs them). */
export function interpret(outcome: HttpOutcome, ctx: { grant: 'authorization_code' | 'refresh_token'; provider?: ProviderId; secrets: SecretRegistry }): Interpretation {
  const reading = readTokenResponse(outcome, ctx);
  // As the engine runs them: through a collector, which redacts what the checks quote.
  const findings = new FindingCollector('unit', {}, (text) => ctx.secrets.redact(text));
  return { ...reading, drafts: TOKEN_CHECKS.flatMap((check) => findings.run(check, reading.facts)) };
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
  const result = interpret(outcome, { grant, ...(opts.provider ? { provider: opts.provider } : {}), secrets: recorder.secrets });
  return { outcome, recorder, ...result };
}

export function codesOf(drafts: readonly FindingDraft[]): FindingCode[] {
  return drafts.map((d) => d.code);
}

/**
 * nock for the tests of one file: on for each test, no real connection, and off again after it. Left on (nock
 * intercepts fetch from its import on), it changes fetch for every later test file in the same worker: a GET with a
 * body, which fetch refuses, went through.
 */
export function useNock(test: { beforeEach: (fn: () => void) => void; afterEach: (fn: () => void) => void }): void {
  test.beforeEach(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  test.afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  });
}
