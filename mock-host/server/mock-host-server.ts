import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import type { AuthorizationRequest } from '../engine/authorize-url.ts';
import { completeInstall, parseCallback } from '../engine/install.ts';
import { LifecycleAbort } from '../model/lifecycle-abort.ts';
import type { HostSession } from '../engine/session.ts';
import { escapeHtml, page } from './html.ts';
import { interactiveRoutes } from './interactive-routes.ts';
import { allowedHosts, hostGuard, sameOriginGuard, securityHeaders } from './request-guards.ts';

interface PendingCallback {
  session: HostSession;
  sent: AuthorizationRequest;
  settle: (error?: unknown) => void;
}

// Header a same-origin script must send to the control API: a cross-origin page cannot set it without a CORS
// preflight, which this server never grants, so the plugin's login page cannot drive the host (no CSRF).
export const CONTROL_HEADER = 'x-conformance-control';

/**
 * The mock host's HTTP face: the OAuth callback route (PLUGIN_REDIRECT=local), a status page, and a small control
 * API. It binds 127.0.0.1 unless told otherwise. All lifecycle work is delegated to the engine (HostSession).
 */
export class MockHostServer {
  readonly #pending = new Map<string, PendingCallback[]>();
  readonly #sessions = new Set<HostSession>();
  #server?: Server;
  #interactive?: express.Router;
  /** Host header values answered; set by start() (an app used without start() cannot know its port). */
  #hosts?: ReadonlySet<string>;
  origin = '';

  app(): express.Express {
    const app = express();
    app.disable('x-powered-by');
    app.use(securityHeaders, hostGuard(() => this.#hosts));
    app.get('/healthz', (_req, res) => void res.type('text/plain').send('ok'));
    app.get('/aip/:pluginId/oauth/callback', (req, res) => void this.#callback(req, res));

    app.use('/api', sameOriginGuard(() => this.#hosts), express.json({ limit: '16kb' }), (req, res, next) => {
      if (req.get(CONTROL_HEADER) !== '1' || !req.is('application/json')) {
        res.status(403).json({ error: `control requests need Content-Type: application/json and ${CONTROL_HEADER}: 1` });
        return;
      }
      next();
    });
    // After the guard: the interactive UI's /api routes must carry the control header like the others.
    app.use((req, res, next) => (this.#interactive ? this.#interactive(req, res, next) : next()));
    app.get('/', (_req, res) => void res.type('html').send(this.#statusPage()));
    app.get('/api/sessions', (_req, res) => void res.json([...this.#sessions].map(describe)));
    app.post('/api/clock/advance', (req, res) => {
      const seconds = Number((req.body as { seconds?: unknown } | undefined)?.seconds);
      if (!Number.isFinite(seconds) || seconds < 0 || seconds > 10 * 365 * 86_400) {
        res.status(400).json({ error: 'seconds must be a number between 0 and ten years' });
        return;
      }
      for (const s of this.#sessions) s.clock.advance(seconds);
      res.json([...this.#sessions].map(describe));
    });
    return app;
  }

  async start(options: { host?: string; port?: number } = {}): Promise<string> {
    const app = this.app();
    const host = options.host ?? '127.0.0.1';
    this.#server = await new Promise<Server>((resolve, reject) => {
      const server = app.listen(options.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    });
    const { port } = this.#server.address() as AddressInfo;
    this.#hosts = allowedHosts(host, port);
    this.origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return this.origin;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** `npm run host`: serve the interactive UI for this one session (its routes take precedence). */
  enableInteractive(session: HostSession): void {
    this.#interactive = interactiveRoutes(session, this);
  }

  track(session: HostSession): void {
    this.#sessions.add(session);
  }

  untrack(session: HostSession): void {
    this.#sessions.delete(session);
  }

  /** Resolves once this host's callback route has completed (or failed) the install started with `sent`. */
  expectCallback(session: HostSession, sent: AuthorizationRequest): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const list = this.#pending.get(session.settings.pluginId) ?? [];
      list.push({ session, sent, settle: (error) => (error ? reject(error) : resolve()) });
      this.#pending.set(session.settings.pluginId, list);
    });
  }

  async #callback(req: Request, res: Response): Promise<void> {
    const pluginId = String(req.params.pluginId);
    const list = this.#pending.get(pluginId) ?? [];
    const state = typeof req.query.state === 'string' ? req.query.state : undefined;
    // The real host ties a callback to the user's own install in progress; a state that matches none of them is
    // still judged against the latest one, so a dropped or altered state is reported, not silently ignored.
    const index = list.findIndex((p) => p.sent.state === state);
    const pending = index >= 0 ? list.splice(index, 1)[0] : list.pop();
    if (!pending) {
      res.status(400).type('html').send(page('Install failed', '<p>This callback matches no install in progress (unknown or expired state).</p>'));
      return;
    }
    const url = `${this.origin}${req.originalUrl}`;
    try {
      await completeInstall(pending.session, parseCallback(url), pending.sent);
      pending.settle();
      const name = pending.session.target?.nameForHuman ?? 'the plugin';
      res.type('html').send(page('Installed', `<p>${escapeHtml(name)} is installed in the mock host. You can close this window.</p>`));
    } catch (err) {
      pending.settle(err);
      const message = err instanceof LifecycleAbort ? err.message : 'the install failed';
      res.status(400).type('html').send(page('Install failed', `<p>${escapeHtml(message)}</p>`));
    }
  }

  #statusPage(): string {
    const rows = [...this.#sessions]
      .map((s) => {
        const d = describe(s);
        return `<tr><td>${escapeHtml(d.scenario)}</td><td>${escapeHtml(d.target)}</td><td>${escapeHtml(d.installed ? 'installed' : 'not installed')}</td><td>${escapeHtml(d.clockOffsetSeconds)} s</td><td>${escapeHtml(d.findings.join(', ') || '-')}</td></tr>`;
      })
      .join('');
    return page(
      'plugin-conformance mock host',
      `<table><thead><tr><th>scenario</th><th>target</th><th>state</th><th>clock offset</th><th>findings</th></tr></thead><tbody>${rows || '<tr><td colspan="5">no session</td></tr>'}</tbody></table>`,
    );
  }
}

function describe(s: HostSession) {
  return {
    scenario: s.scenario,
    target: s.origin,
    installed: !!s.credentials,
    clockOffsetSeconds: s.clock.offsetSeconds(),
    findings: s.findings.codes(),
  };
}
