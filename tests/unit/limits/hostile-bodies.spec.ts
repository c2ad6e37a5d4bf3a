import { test, expect } from '@playwright/test';
import { deeplyNestedJson } from '../../../examples/hostile-plugin/raw-answers.ts';
import { parseJsonText } from '../../../mock-host/text/structured-text.ts';
import { readResponseBody } from '../../../mock-host/oauth/response-body.ts';
import { registerResponseSecrets } from '../../../mock-host/oauth/response-secrets.ts';
import { redactBody } from '../../../mock-host/recorder/redact.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';

// Bodies shaped to make the host's own parsing expensive. Each must cost milliseconds, whatever the input.

const elapsed = (work: () => void): number => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

test('a form-looking body built for exponential regex backtracking is redacted at once', () => {
  const bomb = `a=${'&a='.repeat(40)} x`;
  expect(elapsed(() => redactBody(bomb, 'application/octet-stream', new SecretRegistry()))).toBeLessThan(100);
});

test('2 MB of letters costs the token scan a fraction of a second', () => {
  const raw = `{"access_token": "${'a'.repeat(2_000_000)}`;
  expect(elapsed(() => registerResponseSecrets(new SecretRegistry(), readResponseBody(raw, 'application/json'), raw))).toBeLessThan(1_500);
});

test('a token response nested 100,000 levels deep is not read as JSON', () => {
  const body = readResponseBody(deeplyNestedJson(100_000, { access_token: 'deep-token-1234' }), 'application/json');
  expect(body.kind).toBe('text');
  expect(body.kind === 'text' && body.jsonError).toMatch(/nested more than 64 levels/);
});

test('a JSON syntax error names the place, never the text around it', () => {
  const secret = 'SNTLjsonsecret0123456789';
  for (const text of [secret, `{"a": ${secret}}`, `{"client_secret": "${secret}",}`]) {
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).not.toContain(secret.slice(0, 6));
  }
  const positioned = parseJsonText('{\n  "a": 1\n  "b": 2}');
  expect(!positioned.ok && positioned.reason).toContain('line 3, column 3');
});
