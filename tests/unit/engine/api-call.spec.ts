import { test, expect } from '@playwright/test';
import nock from 'nock';
import { useNock } from '../token/token-harness.ts';
import { defaultSettings } from '../../../mock-host/config/settings.ts';

import { HostSession } from '../../../mock-host/engine/session.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';

const ORIGIN = 'https://api.plugin.example';
const OP = { operationId: 'listTodos', method: 'GET', path: '/todos', serverUrl: ORIGIN, needsInput: false, requiresAuth: true };

useNock(test);

function session(): HostSession {
  return new HostSession({ scenario: 'unit', profile: PROFILES['chatgpt-plugin'], settings: defaultSettings({ url: ORIGIN }), origin: ORIGIN });
}

test('a redirect whose Location is no URL ends the chain with the 3xx, no crash', async () => {
  nock(ORIGIN).get('/todos').reply(302, '', { Location: 'http://[not-a-host' });
  const call = await PROFILES['chatgpt-plugin'].flow.call.call(session(), OP, 'Bearer t0ken-123456', 'call listTodos');
  expect(call.outcome.response?.status).toBe(302);
  expect(call.drafts).toEqual([]);
});

test('a redirect to another origin is followed without the Authorization header and reported', async () => {
  nock(ORIGIN).get('/todos').reply(302, '', { Location: 'https://elsewhere.example/todos' });
  nock('https://elsewhere.example', { badheaders: ['authorization'] }).get('/todos').reply(401, '{}');
  const call = await PROFILES['chatgpt-plugin'].flow.call.call(session(), OP, 'Bearer t0ken-123456', 'call listTodos');
  expect(call.authDropped).toBe(true);
  expect(call.drafts.map((d) => d.code)).toEqual(['API_REDIRECT_DROPS_AUTH']);
  expect(call.outcome.response?.status).toBe(401);
});
