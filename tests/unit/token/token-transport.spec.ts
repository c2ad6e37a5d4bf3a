import { test, expect } from '@playwright/test';
import nock from 'nock';
import { sendTokenRequest } from '../../../mock-host/oauth/token-request.ts';
import { ORIGIN, TOKEN_PATH, codeParams, codesOf, interpret, newRecorder, runExchange, useNock } from './token-harness.ts';

useNock(test);

test('a token endpoint slower than tokenMs is TOKEN_ENDPOINT_UNREACHABLE, in bounded time', async () => {
  nock(ORIGIN).post(TOKEN_PATH).delay(3_000).reply(200, { access_token: 'late-token-123456', token_type: 'Bearer' });
  const recorder = newRecorder();
  const started = performance.now();
  const outcome = await sendTokenRequest(recorder, codeParams({ timeoutMs: 150 }));
  const elapsed = performance.now() - started;
  const r = interpret(outcome, { grant: 'authorization_code', secrets: recorder.secrets });
  expect(elapsed).toBeLessThan(1_500);
  expect(outcome.error?.kind).toBe('timeout');
  expect(codesOf(r.drafts)).toEqual(['TOKEN_ENDPOINT_UNREACHABLE']);
  expect(r.drafts[0]?.message).toContain('timeout');
  expect(r.drafts[0]?.fix).toContain('0.15 s');
  expect(r.tokens).toBeUndefined();
  expect(r.failure).toContain('could not be reached');
});

test('a connection error is TOKEN_ENDPOINT_UNREACHABLE', async () => {
  nock(ORIGIN).post(TOKEN_PATH).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 203.0.113.7:443' });
  const recorder = newRecorder();
  const outcome = await sendTokenRequest(recorder, codeParams());
  const r = interpret(outcome, { grant: 'authorization_code', secrets: recorder.secrets });
  expect(outcome.error?.kind).toBe('network');
  expect(codesOf(r.drafts)).toEqual(['TOKEN_ENDPOINT_UNREACHABLE']);
  expect(r.drafts[0]?.evidence).toEqual([outcome.exchangeId]);
});

test('a token URL that is not http(s) is TOKEN_ENDPOINT_UNREACHABLE with a URL fix', async () => {
  const recorder = newRecorder();
  const outcome = await sendTokenRequest(recorder, codeParams({ tokenUrl: 'ftp://auth.plugin.example/token' }));
  const r = interpret(outcome, { grant: 'authorization_code', secrets: recorder.secrets });
  expect(codesOf(r.drafts)).toEqual(['TOKEN_ENDPOINT_UNREACHABLE']);
  expect(r.drafts[0]?.fix).toContain('https://');
});

test('a 5 MB answer is capped at maxBodyBytes without crashing', async () => {
  const huge = JSON.stringify({ access_token: 'big-body-token-123456', token_type: 'Bearer', padding: 'x'.repeat(5 * 1024 * 1024) });
  const started = performance.now();
  const r = await runExchange({ body: huge, headers: { 'content-type': 'application/json' } }, { params: { maxBodyBytes: 200_000 } });
  expect(performance.now() - started).toBeLessThan(3_000);
  expect(r.outcome.response?.truncated).toBe(true);
  expect(r.outcome.response?.body.length).toBeLessThanOrEqual(200_000);
  expect(codesOf(r.drafts)).toEqual(['TOKEN_RESPONSE_NOT_JSON']);
  expect(r.drafts[0]?.message).toContain('cut at 200000 bytes');
  const recorded = JSON.stringify(r.recorder.exchanges());
  expect(recorded.length).toBeLessThan(100_000);
  expect(recorded).not.toContain('big-body-token-123456');
});
