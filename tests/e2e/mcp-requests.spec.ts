import { createHash } from 'node:crypto';
import { expect } from '@playwright/test';
import type { ReferenceMcpServerOptions } from '../../examples/reference-mcp-server/options.ts';
import type { RequestLogEntry } from '../../examples/reference-mcp-server/request-log.ts';
import { startReferenceMcpServer } from '../../examples/reference-mcp-server/start.ts';
import { defaultSettings } from '../../mock-host/config/settings.ts';
import { HostSession } from '../../mock-host/engine/session.ts';
import { PROFILES } from '../../mock-host/profiles/registry.ts';
import { test } from '../../scenarios/fixtures.ts';
import { runScenario, type ScenarioReporting } from '../../scenarios/run-scenario.ts';
import { loadScenarioFiles } from '../../scenarios/scenario-loader.ts';

const quiet: ScenarioReporting = { step: (_title, body) => body(), attach: async () => undefined };
const scenario = loadScenarioFiles().find((s) => s.id === 'expired-token-refresh');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const one = (values: readonly string[] | undefined) => values?.[0];

/**
 * What each MCP host sends, asserted where it arrives: the reference MCP server's request log. One install, use,
 * expiry, refresh and use again per host; with CIMD (the server's default) and with dynamic registration.
 */
for (const [how, options] of [
  ['CIMD', {}],
  ['dynamic registration', { clientIdMetadataDocuments: false }],
] as const satisfies readonly (readonly [string, ReferenceMcpServerOptions])[]) {
  for (const id of ['chatgpt-app', 'claude-connector', 'claude-code'] as const) {
    test(`${id} with ${how}: PKCE S256, resource, form bodies, its registration, Bearer and the Streamable HTTP headers on the wire`, async ({ browser, mockHost }) => {
      if (!scenario) throw new Error('expired-token-refresh.yaml is missing');
      const server = await startReferenceMcpServer(options);
      const context = await browser.newContext();
      try {
        const settings = defaultSettings({ url: server.mcpUrl, profiles: [id], login: { username: 'demo@example.com', password: 'demo-password' } });
        const session = new HostSession({ scenario: scenario.id, profile: PROFILES[id], settings, origin: server.mcpUrl, hostOrigin: mockHost.origin, documents: mockHost, targetClock: server.clock });
        const result = await runScenario({ scenario, session, context, mockHost, reporting: quiet });
        await session.dispose();
        expect(result.status, result.reason).toBe('passed');
        const log = server.requestLog.entries();

        const authorize = log.filter((e) => e.path === '/authorize' && e.query.code_challenge);
        expect(authorize.length).toBeGreaterThan(0);
        const tokenCalls = log.filter((e) => e.path === '/token');
        const exchange = tokenCalls.find((e) => one(e.form?.grant_type) === 'authorization_code');
        const refreshes = tokenCalls.filter((e) => one(e.form?.grant_type) === 'refresh_token');
        // PKCE S256 whose verifier matches, and the canonical MCP URL as resource on authorize, token and refresh.
        expect(one(authorize[0]?.query.code_challenge_method)).toBe('S256');
        expect(one(authorize[0]?.query.code_challenge)).toBe(s256(one(exchange?.form?.code_verifier) ?? ''));
        expect(one(authorize[0]?.query.resource)).toBe(server.mcpUrl);
        expect(one(exchange?.form?.resource)).toBe(server.mcpUrl);
        expect(refreshes.length).toBe(2);
        for (const r of refreshes) {
          expect(one(r.form?.resource)).toBe(server.mcpUrl);
          // No scope on refresh: the hosts never send one (Entra then fails: REFRESH_NEEDS_SCOPE).
          expect(r.form?.scope).toBeUndefined();
        }
        for (const t of tokenCalls) expect(t.headers['content-type']).toBe('application/x-www-form-urlencoded');

        const registrations = log.filter((e) => e.path === '/register');
        if (how === 'dynamic registration') {
          expect(registrations).toHaveLength(1);
          const body = registrations[0]?.json as Record<string, unknown>;
          expect(body).toMatchObject({ grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] });
          expect(body.redirect_uris).toEqual([one(authorize[0]?.query.redirect_uri)]);
          expect(body.token_endpoint_auth_method).toBe(id === 'claude-connector' ? 'client_secret_post' : 'none');
          if (id === 'claude-code') expect(body.application_type).toBe('native');
        } else {
          expect(registrations).toEqual([]);
          // The client_id is the host's document, which the server fetched from the mock host.
          expect(one(authorize[0]?.query.client_id)).toMatch(new RegExp(`^${mockHost.origin}/documents/cimd/`));
        }

        const mcp = log.filter((e: RequestLogEntry) => e.path === '/mcp');
        const authenticated = mcp.filter((e) => e.method !== 'POST' || e.headers.authorization !== undefined);
        // One request without a token (the discovery probe); every other MCP request carries Bearer.
        expect(mcp.length - authenticated.length).toBe(1);
        for (const e of authenticated) {
          expect(e.headers.authorization).toMatch(/^Bearer /);
          if (e.method === 'POST') {
            expect(e.headers.accept).toContain('application/json');
            expect(e.headers.accept).toContain('text/event-stream');
            expect(e.headers['content-type']).toContain('application/json');
          }
        }
        const calls = server.requestLog.mcpCalls('tools/call');
        expect(calls.length).toBe(3);
        for (const c of calls) {
          expect(c.headers['mcp-session-id']).toBeTruthy();
          expect(c.headers['mcp-protocol-version']).toBe('2025-11-25');
        }
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
}
