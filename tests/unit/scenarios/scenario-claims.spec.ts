import { test, expect } from '@playwright/test';
import type { RecordedExchange } from '../../../mock-host/recorder/exchange.ts';
import { fingerprint } from '../../../mock-host/recorder/secrets.ts';
import { brokenClaims, type ClaimEvidence } from '../../../scenarios/scenario-claims.ts';

// `expect.claims`: a hostile scenario's title, counted from what the run recorded.

function exchange(id: string, url: string, extra: Partial<RecordedExchange> = {}): RecordedExchange {
  return { id, phase: 'use', label: 'call', startedAt: '2026-12-02T00:00:00Z', durationMs: 1, request: { method: 'GET', url, headers: {} }, curl: `curl ${url}`, ...extra };
}
const answered = (body: string, more: { truncated?: boolean; bytes?: number } = {}) => ({ status: 200, headers: {}, body, truncated: more.truncated ?? false, bytes: more.bytes ?? body.length });
const evidence = (over: Partial<ClaimEvidence>): ClaimEvidence => ({ exchanges: [], loginRounds: 0, reported: [], secrets: [], ...over });

test('no claims, nothing to break', () => {
  expect(brokenClaims(undefined, evidence({ loginRounds: 99 }))).toEqual([]);
});

test('max-login-rounds counts the buttons the login pressed', () => {
  expect(brokenClaims({ 'max-login-rounds': 2 }, evidence({ loginRounds: 2 }))).toEqual([]);
  expect(brokenClaims({ 'max-login-rounds': 2 }, evidence({ loginRounds: 8 }))).toEqual(['the login pressed a button 8 times (claimed at most 2)']);
});

test('truncated and max-bytes-read: an answer cut at the body cap, and nothing read past it', () => {
  const cut = exchange('ex-1', 'http://127.0.0.1:1/big', { response: answered('x', { truncated: true, bytes: 2_065_536 }) });
  const whole = exchange('ex-1', 'http://127.0.0.1:1/big', { response: answered('x', { bytes: 52_428_800 }) });
  const claims = { truncated: true as const, 'max-bytes-read': 3_000_000 };
  expect(brokenClaims(claims, evidence({ exchanges: [cut] }))).toEqual([]);
  expect(brokenClaims(claims, evidence({ exchanges: [whole] }))).toEqual(['no answer was cut at the body cap (claimed one was)', 'ex-1 read 52428800 bytes (claimed at most 3000000)']);
});

test('never-fetched: a refusal before any I/O is no fetch, an answer or a network error is', () => {
  const claims = { 'never-fetched': ['file:'] };
  expect(brokenClaims(claims, evidence({ exchanges: [exchange('ex-1', 'https://x/y', { response: answered('{}') })] }))).toEqual([]);
  expect(brokenClaims(claims, evidence({ exchanges: [exchange('ex-1', 'FILE:///etc/passwd', { error: { kind: 'blocked-scheme', message: 'refused' } })] }))).toEqual([]);
  expect(brokenClaims(claims, evidence({ exchanges: [exchange('ex-2', 'file:///etc/passwd', { response: answered('root:x:0:0') })] }))).toEqual(['a file: URL was fetched (ex-2); claimed never']);
  expect(brokenClaims(claims, evidence({ exchanges: [exchange('ex-3', 'file:///etc/passwd', { error: { kind: 'network', message: 'ENOENT' } })] }))).toHaveLength(1);
});

test('headers-never-sent: the named header, and any header value with CR or LF', () => {
  const claims = { 'headers-never-sent': ['X-Injected'] };
  const sent = (headers: Record<string, string>) => evidence({ exchanges: [exchange('ex-1', 'https://x/y', { request: { method: 'GET', url: 'https://x/y', headers } })] });
  expect(brokenClaims(claims, sent({ authorization: 'Bearer abc' }))).toEqual([]);
  expect(brokenClaims(claims, sent({ 'x-injected': '1' }))).toEqual(['ex-1 sent a x-injected header (claimed never)']);
  expect(brokenClaims(claims, sent({ authorization: 'Bearer a\r\nX-Injected: 1' }))).toEqual(['ex-1 sent a authorization header value with CR or LF']);
});

test('no-secret-in-report: a raw secret in any attachment breaks it; so does a run where nothing was ever redacted', () => {
  const secret = 'hostile-access-token-123';
  const echoed = exchange('ex-1', 'https://x/y', { response: answered(`could not use Bearer ${fingerprint(secret)}`) });
  const claims = { 'no-secret-in-report': true as const };
  expect(brokenClaims(claims, evidence({ exchanges: [echoed], reported: ['{"redacted": true}'], secrets: [secret] }))).toEqual([]);
  expect(brokenClaims(claims, evidence({ exchanges: [echoed], reported: [`HTTP ex-1 … Bearer ${secret}`], secrets: [secret] }))).toEqual([
    "1 secret(s) the host learnt appear in the scenario's attachments or result",
  ]);
  const clean = exchange('ex-1', 'https://x/y', { response: answered('nothing echoed') });
  expect(brokenClaims(claims, evidence({ exchanges: [clean], secrets: [secret] }))).toEqual(['no answer echoed a secret (nothing was redacted), so the claim proves nothing']);
});
