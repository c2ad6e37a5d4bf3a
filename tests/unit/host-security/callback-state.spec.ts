import { test, expect } from '@playwright/test';
import { completeInstall } from '../../../mock-host/engine/install.ts';
import { LifecycleAbort } from '../../../mock-host/model/lifecycle-abort.ts';
import { parseCallback } from '../../../mock-host/oauth/callback.ts';
import { beginLocalInstall, callbackUrl, discoveredSession, startedHost } from './support.ts';

// Rule: the callback route acts only on a state it issued. Unknown, missing or repeated state is refused with a
// 400 page and the code in that callback is never sent to the token endpoint.
test('callbacks with an unknown, a missing or a repeated state are refused without a token request', async () => {
  const host = await startedHost();
  try {
    const session = discoveredSession(host);
    const cases: [string, (state: string) => string][] = [
      ['unknown', () => callbackUrl(host, session, { code: 'code-unknown-1', state: 'a-state-never-issued' })],
      ['missing', () => callbackUrl(host, session, { code: 'code-missing-1' })],
      ['repeated', (state) => `${callbackUrl(host, session, { code: 'code-repeated-1', state })}&state=injected&code=injected`],
    ];
    for (const [name, url] of cases) {
      const install = await beginLocalInstall(host, session);
      const res = await install.callback(url(install.sent.state));
      expect(res.status, name).toBe(400);
      expect(await install.settled, name).not.toBe('installed');
    }
    expect(session.findings.codes().sort()).toEqual(['STATE_MISMATCH', 'STATE_NOT_RETURNED']);
    expect(session.recorder.byPhase('token')).toHaveLength(0);
    // Nothing left waiting: a refused callback still uses up the install it was judged against.
    const stray = await fetch(callbackUrl(host, session, { code: 'code-stray-1', state: 'another-unknown-state' }));
    expect(stray.status).toBe(400);
    expect(await stray.text()).toContain('matches no install in progress');
  } finally {
    await host.close();
  }
});

// Rule: a callback only ever answers the install of the browser that started it. Another install's state, a stray
// callback and a late one neither complete nor cancel an install in progress (the interleaving two scenarios on
// one shared mock host produce).
test('a callback carrying another install\'s state, or none of its cookie, leaves the other install untouched', async () => {
  const host = await startedHost();
  try {
    const alice = discoveredSession(host);
    const bob = discoveredSession(host);
    const a = await beginLocalInstall(host, alice);
    const b = await beginLocalInstall(host, bob);

    // Bob's browser comes back with Alice's state: judged against Bob's own install only.
    const crossed = await b.callback(callbackUrl(host, bob, { code: 'code-crossed-1', state: a.sent.state }));
    expect(crossed.status).toBe(400);
    expect(await b.settled).toContain('state did not match');
    expect(bob.findings.codes()).toEqual(['STATE_MISMATCH']);

    // A stray callback without any install's cookie, even with Alice's real state, is refused and touches nothing.
    const stray = await fetch(callbackUrl(host, alice, { code: 'code-stray-2', state: a.sent.state }));
    expect(stray.status).toBe(400);
    expect(await stray.text()).toContain('matches no install in progress');
    // Bob's cookie again, now late: Bob's install is over, and Alice's is not Bob's to end.
    const late = await b.callback(callbackUrl(host, alice, { code: 'code-late-3', state: a.sent.state }));
    expect(late.status).toBe(400);

    expect(alice.findings.codes()).toEqual([]);
    expect(alice.recorder.byPhase('token')).toHaveLength(0);
    const pending = await Promise.race([a.settled, new Promise<string>((r) => setTimeout(() => r('still waiting'), 200))]);
    expect(pending).toBe('still waiting');

    // Alice's own callback still completes her install: the code reaches the (closed) token endpoint.
    await a.callback(callbackUrl(host, alice, { code: 'code-alice-4', state: a.sent.state }));
    expect(await a.settled).not.toBe('still waiting');
    expect(alice.recorder.byPhase('token')).toHaveLength(1);
  } finally {
    await host.close();
  }
});

// Rule: a state this session issued for another install still in progress is no match for this one. Two installs
// pending on one session (a reconnect while the first one waits): the second's callback with the first's state is
// STATE_MISMATCH, and its code is never exchanged.
test('a callback carrying the state of another pending install of the same session is refused before any token request', async () => {
  const host = await startedHost();
  try {
    const session = discoveredSession(host);
    const first = await session.beginInstall();
    const second = await session.beginInstall();
    expect(first.state).not.toBe(second.state);
    const crossed = parseCallback(callbackUrl(host, session, { code: 'code-crossed-5', state: first.state }));
    const outcome = await completeInstall(session, crossed, second).then(() => 'installed', (err: unknown) => err);
    expect(outcome).toBeInstanceOf(LifecycleAbort);
    expect((outcome as LifecycleAbort).message).toContain('the callback state did not match');
    expect(session.findings.codes()).toEqual(['STATE_MISMATCH']);
    expect(session.recorder.byPhase('token')).toHaveLength(0);
  } finally {
    await host.close();
  }
});
