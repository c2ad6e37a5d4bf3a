import { test, expect } from '@playwright/test';
import { startReferencePlugin } from '../../../examples/reference-plugin/start.ts';
import { API } from '../../../mock-host/debugger/wire/controls.ts';
import { controlAnswerSchema } from '../../../mock-host/debugger/wire/controls.ts';
import { startDebugger } from '../../e2e/debugger-support.ts';
import { CREDENTIAL_PREFIX, scanText, SENTINEL_NEEDLES, SENTINELS } from '../../e2e/secret-scan.ts';
import { signInByFetch } from './fetch-browser.ts';
import { debuggerClient } from './http-client.ts';

// Rule: the debugger shows secrets only as fingerprints. A whole session against a plugin holding sentinel secrets
// (every control, two installs, a revoke the plugin cannot take, an export), and every byte the API answered and the
// event stream sent is scanned for them in every spelling.
test('no token, secret or code in any API answer or event of a whole session', async () => {
  test.setTimeout(120_000);
  const plugin = await startReferencePlugin({ ...SENTINELS, credentialPrefix: CREDENTIAL_PREFIX });
  const running = await startDebugger({ profile: 'chatgpt-plugin', target: { kind: 'url', url: plugin.url, clientId: SENTINELS.clientId, clientSecret: SENTINELS.clientSecret } });
  const client = await debuggerClient(running.host.origin);
  const stream = await client.events();
  try {
    const step = async (body: unknown) => {
      const answer = controlAnswerSchema.parse(await client.post(API.step, body));
      if (answer.startUrl) {
        const back = await signInByFetch(answer.startUrl, { username: plugin.options.username, password: SENTINELS.password });
        expect(back.text).toContain('is installed in the mock host');
      }
      return client.settled();
    };
    await step({ action: 'install' });
    await step({ action: 'use' });
    await step({ action: 'expire' });
    await step({ action: 'refresh' });
    await step({ action: 'use', operation: 'listTodos', input: { limit: 1 } });
    await step({ action: 'revoke' });
    await step({ action: 'reconnect' });
    await step({ action: 'use' });
    const view = await step({ action: 'disconnect' });
    expect(view.timeline.map((s) => [s.action, s.status])).toEqual([
      ['discover', 'passed'],
      ['install', 'passed'],
      ['use', 'passed'],
      ['expire', 'passed'],
      ['refresh', 'passed'],
      ['use', 'passed'],
      // A legacy plugin's manifest names no revocation endpoint: the host has nothing to send.
      ['revoke', 'stopped'],
      ['reconnect', 'passed'],
      ['use', 'passed'],
      ['disconnect', 'passed'],
    ]);
    const ids = view.timeline.flatMap((s) => s.exchanges.map((x) => x.id));
    expect(ids.length).toBeGreaterThan(12);
    for (const id of ids) await client.get(API.exchange(id));
    await client.get(API.summary);
    await client.post(API.export, { html: false });
    // Secrets did pass through: the token exchange carried the client secret, and its curl names it as a variable.
    const exchange = JSON.stringify(await client.get(API.exchange(view.timeline[1]?.exchanges.find((x) => x.label === 'exchange code')?.id ?? '')));
    expect(exchange).toContain('$PLUGIN_CLIENT_SECRET');
    expect(exchange).toContain('[redacted sha256:');

    // The stream coalesces views and lags the API on a loaded machine: wait for it to carry the whole session.
    await expect.poll(() => stream.views().at(-1)?.timeline.length, { timeout: 30_000 }).toBe(view.timeline.length);
    expect(stream.views().length).toBeGreaterThan(3);
    const hits = [...client.transcript.bodies.flatMap((body, i) => scanText(body, `API answer ${i}`, SENTINEL_NEEDLES)), ...scanText(stream.text(), 'the event stream', SENTINEL_NEEDLES)];
    expect(hits, hits.map((h) => `${h.needle} in ${h.where}: …${h.context}…`).join('\n')).toEqual([]);
  } finally {
    await stream.close();
    await running.close();
    await plugin.close();
  }
});
