import { test, expect } from '@playwright/test';
import { PendingStates } from '../../../mock-host/engine/pending-installs.ts';
import { beginLocalInstall, callbackUrl, discoveredSession, startedHost } from './support.ts';

// Rule: a state is good for one callback. A replayed callback (same state, a second time) is refused before any
// code reaches the token endpoint, even when the first attempt failed.
test('a state is consumed by its first callback; a replay is refused without a second token request', async () => {
  const states = new PendingStates<string>(60_000);
  states.issue('s1', 'install');
  expect(states.consume('s1')).toEqual({ ok: true, value: 'install' });
  expect(states.consume('s1')).toEqual({ ok: false, reason: 'unknown' });

  const host = await startedHost();
  try {
    const session = discoveredSession(host);
    const install = await beginLocalInstall(host, session);
    const url = callbackUrl(host, session, { code: 'first-code-123', state: install.sent.state });
    const first = await install.callback(url);
    const tokenRequests = session.recorder.byPhase('token').length;
    expect(tokenRequests).toBe(1);
    const replay = await install.callback(url);
    expect([first.status, replay.status]).toEqual([400, 400]);
    expect(await replay.text()).toContain('matches no install in progress');
    expect(session.recorder.byPhase('token')).toHaveLength(tokenRequests);
  } finally {
    await host.close();
  }
});
