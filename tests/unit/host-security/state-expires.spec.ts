import { test, expect } from '@playwright/test';
import { PendingStates } from '../../../mock-host/engine/pending-installs.ts';
import { beginLocalInstall, callbackUrl, discoveredSession, startedHost } from './support.ts';

// Rule: a state expires (the profile's stateTtlSeconds, on the host's clock). A late callback is refused as
// STATE_MISMATCH and its code is never exchanged.
test('a callback after the state TTL is refused and its code never exchanged', async () => {
  let now = 0;
  const states = new PendingStates<string>(1_000, () => now);
  states.issue('s1', 'install');
  now = 1_001;
  expect(states.consume('s1')).toEqual({ ok: false, reason: 'expired' });

  const host = await startedHost();
  try {
    const session = discoveredSession(host);
    const install = await beginLocalInstall(host, session);
    session.clock.advance(session.profile.flow.authorization.stateTtlSeconds + 1);
    const late = await install.callback(callbackUrl(host, session, { code: 'late-code-123', state: install.sent.state }));
    expect(late.status).toBe(400);
    expect(await install.settled).toContain('state did not match');
    expect(session.findings.list().map((f) => [f.code, f.message.includes('expired')])).toEqual([['STATE_MISMATCH', true]]);
    expect(session.recorder.byPhase('token')).toHaveLength(0);
  } finally {
    await host.close();
  }
});
