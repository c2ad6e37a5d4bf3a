import type { MockHostServer } from '../../mock-host/server/mock-host-server.ts';
import { expect } from '@playwright/test';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultSettings, type Settings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { test } from '../../scenarios/fixtures.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';

const quiet: ScenarioReporting = { step: (_title, body) => body(), attach: async () => undefined };
const SERVICE_TOKEN = 'svc-token-0123456789';

type Auth = { type: 'none' } | { type: 'service_http'; authorization_type: 'bearer'; verification_tokens: { openai: string } } | { type: 'user_http'; authorization_type: 'bearer' };

/** A minimal plugin without OAuth: the manifest, an OpenAPI document and one operation. */
async function startPlugin(auth: Auth): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.get('/.well-known/ai-plugin.json', (req, res) => {
    const origin = `${req.protocol}://${req.get('host')}`;
    res.json({
      schema_version: 'v1',
      name_for_human: 'Plain Todos',
      name_for_model: 'plain_todos',
      description_for_human: 'Todos without OAuth.',
      description_for_model: 'Lists todos.',
      auth,
      api: { type: 'openapi', url: `${origin}/openapi.json`, is_user_authenticated: false },
      logo_url: `${origin}/logo.png`,
      contact_email: 'support@example.com',
      legal_info_url: `${origin}/legal`,
    });
  });
  app.get('/openapi.json', (req, res) => {
    const origin = `${req.protocol}://${req.get('host')}`;
    const secured = auth.type !== 'none';
    res.json({
      openapi: '3.0.1',
      info: { title: 'Plain Todos', version: '1.0.0' },
      servers: [{ url: origin }],
      ...(secured ? { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, security: [{ bearer: [] }] } : {}),
      paths: { '/todos': { get: { operationId: 'listTodos', summary: 'List todos', responses: { '200': { description: 'ok' } } } } },
    });
  });
  app.get('/todos', (req, res) => {
    if (auth.type !== 'none' && !/^bearer\s+svc-token-0123456789$/i.test(req.get('authorization') ?? '')) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="plain"').json({ error: 'invalid_token' });
      return;
    }
    res.json({ todos: [] });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function runAll(settings: Settings, origin: string, mockHost: MockHostServer, browser: import('playwright').Browser) {
  const results = [];
  for (const scenario of loadScenarioFiles().filter((s) => s.kind === 'conformance')) {
    const session = new HostSession({ scenario: scenario.id, profile: PROFILES['chatgpt-plugin'], settings, origin, hostOrigin: mockHost.origin });
    const context = await browser.newContext();
    try {
      results.push(await runScenario({ scenario, session, context, mockHost, reporting: quiet }));
    } finally {
      await context.close();
    }
  }
  return results;
}

for (const auth of [
  { type: 'none' },
  { type: 'service_http', authorization_type: 'bearer', verification_tokens: { openai: 'verify-me-123456' } },
  { type: 'user_http', authorization_type: 'bearer' },
] as Auth[]) {
  test(`auth type ${auth.type}: OAuth scenarios are skipped with a reason, the rest pass`, async ({ mockHost, browser }) => {
    const plugin = await startPlugin(auth);
    try {
      const settings = defaultSettings({
        url: plugin.url,
        ...(auth.type === 'service_http' ? { serviceToken: SERVICE_TOKEN, verificationToken: 'verify-me-123456' } : {}),
        ...(auth.type === 'user_http' ? { userToken: SERVICE_TOKEN } : {}),
      });
      const results = await runAll(settings, plugin.url, mockHost, browser);
      const status = Object.fromEntries(results.map((r) => [r.id, r.status]));
      expect(status.discovery).toBe('passed');
      expect(status['install-and-use']).toBe('passed');
      expect(status['expired-token-refresh']).toBe('skipped');
      expect(status['invalid-token']).toBe(auth.type === 'none' ? 'skipped' : 'passed');
      expect(results.filter((r) => r.status === 'failed' || r.status === 'inconclusive').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
      expect(results.every((r) => r.target.authType === auth.type)).toBe(true);
    } finally {
      await plugin.close();
    }
  });
}

test('a service_http plugin without PLUGIN_SERVICE_TOKEN is inconclusive, naming the setting', async ({ mockHost, browser }) => {
  const plugin = await startPlugin({ type: 'service_http', authorization_type: 'bearer', verification_tokens: { openai: 'verify-me-123456' } });
  try {
    const results = await runAll(defaultSettings({ url: plugin.url }), plugin.url, mockHost, browser);
    const use = results.find((r) => r.id === 'install-and-use');
    expect(use?.status).toBe('inconclusive');
    expect(use?.reason).toContain('PLUGIN_SERVICE_TOKEN');
  } finally {
    await plugin.close();
  }
});
