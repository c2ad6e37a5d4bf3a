import { test, expect } from '@playwright/test';
import nock from 'nock';
import { buildTokenRequest, sendTokenRequest } from '../../../mock-host/oauth/token-request.ts';
import { chatgptPlugin } from '../../../mock-host/profiles/chatgpt-plugin/index.ts';
import { CLIENT_ID, CLIENT_SECRET, CODE, ORIGIN, REDIRECT_URI, REFRESH_TOKEN, TOKEN_PATH, codeParams, newRecorder, refreshParams, useNock } from './token-harness.ts';

useNock(test);

interface Seen {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Intercepts one POST and keeps exactly what arrived (nock hands JSON over parsed, form bodies raw). */
function capture(): Seen {
  const seen: Seen = { body: undefined, headers: {} };
  nock(ORIGIN)
    .post(TOKEN_PATH)
    .reply(function (_uri, body) {
      seen.body = body;
      seen.headers = this.req.headers;
      return [400, JSON.stringify({ error: 'invalid_grant' }), { 'content-type': 'application/json' }];
    });
  return seen;
}

const basicOf = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${new URLSearchParams([['', id]]).toString().slice(1)}:${new URLSearchParams([['', secret]]).toString().slice(1)}`).toString('base64')}`;

const CASES = [
  {
    grant: 'authorization_code' as const,
    fields: [['grant_type', 'authorization_code'], ['client_id', CLIENT_ID], ['client_secret', CLIENT_SECRET], ['code', CODE], ['redirect_uri', REDIRECT_URI]],
    params: codeParams,
  },
  {
    grant: 'refresh_token' as const,
    fields: [['grant_type', 'refresh_token'], ['refresh_token', REFRESH_TOKEN], ['client_id', CLIENT_ID], ['client_secret', CLIENT_SECRET]],
    params: refreshParams,
  },
];

for (const c of CASES) {
  for (const encoding of ['form', 'json'] as const) {
    for (const clientAuth of ['client_secret_post', 'client_secret_basic'] as const) {
      test(`${c.grant} request: ${encoding} body, client auth in ${clientAuth}`, async () => {
        const seen = capture();
        const recorder = newRecorder();
        const outcome = await sendTokenRequest(recorder, c.params({ encoding, authMethod: clientAuth }));
        const expectedFields = clientAuth === 'client_secret_basic' ? c.fields.filter(([k]) => k !== 'client_id' && k !== 'client_secret') : c.fields;
        if (encoding === 'form') {
          const raw = new URLSearchParams(expectedFields as [string, string][]).toString();
          expect(seen.body).toBe(raw);
          expect(outcome.request.body).toBe(raw);
          expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
        } else {
          const raw = JSON.stringify(Object.fromEntries(expectedFields));
          expect(outcome.request.body).toBe(raw);
          expect(Object.keys(seen.body as object)).toEqual(expectedFields.map(([k]) => k));
          expect(JSON.stringify(seen.body)).toBe(raw);
          expect(seen.headers['content-type']).toBe('application/json');
        }
        expect(seen.headers.accept).toBe('*/*');
        if (clientAuth === 'client_secret_basic') expect(seen.headers.authorization).toBe(basicOf(CLIENT_ID, CLIENT_SECRET));
        else expect(seen.headers.authorization).toBeUndefined();
        expect(outcome.request).toMatchObject({
          method: 'POST',
          phase: c.grant === 'authorization_code' ? 'token' : 'refresh',
          timeoutMs: chatgptPlugin.timeouts.tokenMs,
          maxBodyBytes: chatgptPlugin.limits.maxBodyBytes,
        });
      });
    }
  }
}

test('Basic credentials are form-encoded before base64 (RFC 6749 §2.3.1)', async () => {
  const seen = capture();
  await sendTokenRequest(newRecorder(), codeParams({ authMethod: 'client_secret_basic', clientId: 'my client:1', clientSecret: 'a+b/c:d=e f' }));
  const header = String(seen.headers.authorization);
  expect(header.startsWith('Basic ')).toBe(true);
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  expect(decoded).toBe('my+client%3A1:a%2Bb%2Fc%3Ad%3De+f');
  // Exactly one unencoded colon: the separator, so a colon inside the id cannot split it wrongly.
  expect(decoded.split(':')).toHaveLength(2);
  expect(header).not.toBe(`Basic ${Buffer.from('my client:1:a+b/c:d=e f').toString('base64')}`);
});

test('overrides replace fields in place, append new ones, and undefined leaves a field out', () => {
  const req = buildTokenRequest(
    codeParams({ overrides: { client_secret: 'wrong-secret-000', redirect_uri: 'https://attacker.example/cb', scope: 'extra', code: undefined } }),
  );
  expect(req.body).toBe(
    new URLSearchParams([
      ['grant_type', 'authorization_code'],
      ['client_id', CLIENT_ID],
      ['client_secret', 'wrong-secret-000'],
      ['redirect_uri', 'https://attacker.example/cb'],
      ['scope', 'extra'],
    ]).toString(),
  );
});

test('a client_secret override also reaches the Basic header; header overrides drop or replace headers', () => {
  const req = buildTokenRequest(
    refreshParams({ authMethod: 'client_secret_basic', encoding: 'json', overrides: { client_secret: 'wrong-secret-000' }, headerOverrides: { accept: undefined, 'User-Agent': 'probe' } }),
  );
  expect(req.headers?.Authorization).toBe(basicOf(CLIENT_ID, 'wrong-secret-000'));
  expect(req.body).toBe(JSON.stringify({ grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN }));
  expect(req.headers).toEqual({ 'Content-Type': 'application/json', Authorization: basicOf(CLIENT_ID, 'wrong-secret-000'), 'User-Agent': 'probe' });
});

test('sendTokenRequest registers the request secrets before sending, probe values included', async () => {
  capture();
  const recorder = newRecorder();
  await sendTokenRequest(recorder, codeParams({ authMethod: 'client_secret_basic', overrides: { code_verifier: 'verifier-probe-1234' } }));
  const known = recorder.secrets.values();
  for (const v of [CLIENT_SECRET, CODE, 'verifier-probe-1234', basicOf(CLIENT_ID, CLIENT_SECRET).slice(6)]) expect(known).toContain(v);
});
