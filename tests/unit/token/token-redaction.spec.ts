import { test, expect } from '@playwright/test';
import { Recorder } from '../../../mock-host/recorder/recorder.ts';
import { SecretRegistry } from '../../../mock-host/recorder/secrets.ts';
import { CLIENT_ID, CLIENT_SECRET, CODE, REFRESH_TOKEN, runExchange, useNock, type Run } from './token-harness.ts';

useNock(test);

const formEncode = (v: string): string => new URLSearchParams([['', v]]).toString().slice(1);

/** Every spelling a secret can take on the wire. */
function spellings(value: string): string[] {
  return [...new Set([value, formEncode(value), encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

test('no secret value reaches recorded exchanges, messages, fixes, failures or curls', async () => {
  const recorder = new Recorder(new SecretRegistry());
  const NESTED_AT = 'xoxp-nested-access-7f3a9c';
  const NESTED_RT = 'xoxe-nested-refresh-2b8d4e';
  const CAMEL_AT = 'camel-access-token-5e6f7a';
  const XML_AT = 'XMLaccess1234567890';
  const HTML_ECHO = 'echoed-token-in-html-9a8b';
  const FORM_AT = 'gho_formEncodedToken0123456789';
  const runs: Run[] = [];
  const both = { recorder };
  runs.push(await runExchange({ body: { ok: true, authed_user: { access_token: NESTED_AT, refresh_token: NESTED_RT, expires_in: 43200 } } }, both));
  runs.push(await runExchange({ body: { accessToken: CAMEL_AT, expiresIn: 3600 } }, { ...both, params: { authMethod: 'client_secret_basic', encoding: 'json' } }));
  runs.push(await runExchange({ body: `<?xml version="1.0"?><Access_Token><Token>${XML_AT}</Token></Access_Token>`, headers: { 'content-type': 'application/xml' } }, both));
  runs.push(await runExchange({ body: `access_token=${FORM_AT}&token_type=bearer`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, both));
  runs.push(
    await runExchange(
      { status: 500, body: `<html><head><title>Error ${HTML_ECHO}</title></head><body>access_token: ${HTML_ECHO}</body></html>`, headers: { 'content-type': 'text/html' } },
      { ...both, grant: 'refresh_token' },
    ),
  );
  runs.push(await runExchange({ status: 400, body: { error: 'invalid_grant', error_description: `code ${CODE} was already used` } }, both));
  runs.push(await runExchange({ body: { error: 'bad_verification_code', error_description: `code ${CODE} is wrong` } }, both));
  runs.push(await runExchange({ body: { access_token: 'plain-access-token-42', expires_in: 60 } }, { ...both, params: { overrides: { client_secret: 'wrong+secret/probe=1' } } }));

  const basic = Buffer.from(`${formEncode(CLIENT_ID)}:${formEncode(CLIENT_SECRET)}`).toString('base64');
  const secrets = [CLIENT_SECRET, CODE, REFRESH_TOKEN, NESTED_AT, NESTED_RT, CAMEL_AT, XML_AT, HTML_ECHO, FORM_AT, 'plain-access-token-42', 'wrong+secret/probe=1', basic];
  const drafts = runs.flatMap((r) => r.drafts);
  expect(drafts.length).toBeGreaterThan(5);
  const texts = [
    JSON.stringify(recorder.exchanges()),
    ...drafts.flatMap((d) => [d.message, d.fix, d.reproduce ?? '']),
    ...runs.flatMap((r) => [r.failure ?? '', JSON.stringify(r.rejection ?? {})]),
  ];
  for (const text of texts) for (const s of secrets) for (const spelled of spellings(s)) expect(text, `leaked ${spelled}`).not.toContain(spelled);
  // The host still gets the real values where it needs them.
  expect(runs[7]?.tokens?.accessToken).toBe('plain-access-token-42');
});
