import { test, expect } from '@playwright/test';
import { callbackUrl, discoveredSession, startedHost } from './support.ts';

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
      const sent = session.beginInstall();
      const settled = host.expectCallback(session, sent).then(() => 'installed', () => 'refused');
      const res = await fetch(url(sent.state));
      expect(res.status, name).toBe(400);
      expect(await settled, name).toBe('refused');
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
