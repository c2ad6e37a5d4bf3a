import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import { LifecycleAbort } from '../model/lifecycle-abort.ts';
import type { HostSession } from '../engine/session.ts';
import { runStep } from '../steps/run-step.ts';
import type { StepAction } from '../steps/step-vocabulary.ts';
import { escapeHtml } from './html.ts';
import type { MockHostServer } from './mock-host-server.ts';

/** The steps the page's buttons run: the same dispatcher as the scenario files (`npm test`). */
const BUTTONS: readonly { action: StepAction; label: string }[] = [
  { action: 'discover', label: 'Discover' },
  { action: 'use', label: 'Use' },
  { action: 'expire', label: 'Expire token' },
  { action: 'refresh', label: 'Refresh now' },
];

function page(session: HostSession, nonce: string): string {
  const findings = session.findings
    .list()
    .map((f) => `<li><b>${escapeHtml(f.severity)} ${escapeHtml(f.code)}</b>: ${escapeHtml(f.message)}<br><i>fix:</i> ${escapeHtml(f.fix)}</li>`)
    .join('');
  const c = session.credentials;
  const state = c ? `installed; ${c.refreshToken ? 'refresh token held' : 'NO refresh token'}; clock offset ${session.clock.offsetSeconds()} s` : 'not installed';
  const buttons = BUTTONS.map((b) => `<button data-action="${b.action}">${escapeHtml(b.label)}</button>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plugin-conformance mock host</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'">
<style>body{font:15px system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}button,a.b{margin-right:.5rem}</style></head><body>
<h1>Mock host</h1><p>Target: <code>${escapeHtml(session.origin)}</code> (${escapeHtml(session.target?.nameForHuman ?? 'not discovered')}). State: ${escapeHtml(state)}.</p>
<p><a class="b" href="/install">Install (log in)</a>${buttons}</p>
<pre id="out"></pre><h2>Findings</h2><ul>${findings || '<li>none yet</li>'}</ul>
<script nonce="${nonce}">
for (const b of document.querySelectorAll('button[data-action]')) b.addEventListener('click', async () => {
  const r = await fetch('/api/step', { method: 'POST', headers: { 'content-type': 'application/json', 'x-conformance-control': '1' }, body: JSON.stringify({ action: b.dataset.action }) });
  document.getElementById('out').textContent = (await r.json()).note; setTimeout(() => location.reload(), 800);
});
</script></body></html>`;
}

/** The interactive UI of `npm run host`: one session, driven from a page served by the host itself. */
export function interactiveRoutes(session: HostSession, server: MockHostServer): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    res.type('html').send(page(session, nonce));
  });
  router.get('/install', async (_req, res) => {
    try {
      if (!session.target) await session.discover();
      const sent = await session.beginInstall();
      const expected = server.expectCallback(session, sent);
      expected.done.catch(() => undefined);
      res.redirect(expected.startUrl);
    } catch (err) {
      res.status(400).type('text/plain').send(err instanceof LifecycleAbort ? err.message : 'the install could not start');
    }
  });
  router.post('/api/step', async (req, res) => {
    const action = (req.body as { action?: unknown } | undefined)?.action;
    const button = BUTTONS.find((b) => b.action === action);
    if (!button) {
      res.status(400).json({ ok: false, note: `unknown step; expected one of ${BUTTONS.map((b) => b.action).join(', ')}` });
      return;
    }
    try {
      res.json({ ok: true, note: await runStep({ action: button.action }, { session, mockHost: server }) });
    } catch (err) {
      if (!(err instanceof LifecycleAbort)) throw err;
      res.status(409).json({ ok: false, note: err.message });
    }
  });
  return router;
}
