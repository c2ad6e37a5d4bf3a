import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import type { AuthorizationRequest } from '../model/authorization.ts';
import { parseCallback } from '../oauth/callback.ts';
import { completeInstall } from '../engine/install.ts';
import { LifecycleAbort } from '../model/lifecycle-abort.ts';
import type { HostSession } from '../engine/session.ts';
import type { DocumentPublisher } from '../profiles/host-profile.ts';
import { escapeHtml, page } from './html.ts';
import { CONTROL_HEADER } from '../debugger/wire/controls.ts';
import { allowedHosts, hostGuard, sameOriginGuard, securityHeaders } from './request-guards.ts';

interface PendingCallback {
  id: string;
  session: HostSession;
  sent: AuthorizationRequest;
  /** The path of the redirect URI: where the browser comes back. */
  path: string;
  /** The browser is the user's own (the debugger), which no one else watches: the host records where it touches it. */
  recordHops: boolean;
  settle: (error?: unknown) => void;
}

/** An install the mock host's own callback route will complete: open `startUrl` in the user's browser. */
export interface ExpectedCallback {
  /** Sets the install's cookie in the browser, then redirects to the authorization request. */
  startUrl: string;
  /** Settles when the callback route has completed (or failed) this install. */
  done: Promise<void>;
}

const INSTALL_COOKIE = 'conformance-install-';

function cookiesOf(req: Request): Set<string> {
  const names = new Set<string>();
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name?.startsWith(INSTALL_COOKIE)) names.add(name.slice(INSTALL_COOKIE.length));
  }
  return names;
}

/**
 * The mock host's HTTP face: the OAuth callback route (PLUGIN_REDIRECT=local), a status page, and a small control
 * API. It binds 127.0.0.1 unless told otherwise. All lifecycle work is delegated to the engine (HostSession).
 *
 * A callback is tied to the install of the browser that started it, as the real host ties it to the user's
 * session: the install's start URL sets a cookie, and only a callback carrying it is judged against that install.
 * A stray or late callback (no cookie, or one of a finished install) is refused and touches no install in progress.
 */
export class MockHostServer implements DocumentPublisher {
  readonly #pending = new Map<string, PendingCallback>();
  /** Documents targets fetch from the host: its client metadata documents and their JWKS. */
  readonly #documents = new Map<string, string>();
  readonly #sessions = new Set<HostSession>();
  #server?: Server;
  #debugger?: express.Router;
  /** Host header values answered; set by start() (an app used without start() cannot know its port). */
  #hosts?: ReadonlySet<string>;
  origin = '';

  app(): express.Express {
    const app = express();
    app.disable('x-powered-by');
    app.use(securityHeaders, hostGuard(() => this.#hosts));
    app.get('/healthz', (_req, res) => void res.type('text/plain').send('ok'));
    app.get('/install/begin/:id', (req, res) => this.#begin(req, res));
    app.get('/documents/*splat', (req, res) => {
      const body = this.#documents.get(req.path.slice('/documents/'.length));
      if (body === undefined) res.status(404).json({ error: 'not_found' });
      else res.type('application/json').send(body);
    });
    // Before the control API's guard: a host's callback path may lie under /api (Claude's /api/mcp/auth_callback),
    // and a callback is a navigation from the target's pages, which that guard refuses. The callback has its own
    // guard: only the browser that started the install (its cookie) with the state it was sent.
    app.get('/*splat', (req, res, next) => (this.#isCallbackPath(req.path) ? void this.#callback(req, res) : next()));

    app.use('/api', sameOriginGuard(() => this.#hosts), express.json({ limit: '16kb' }), (req, res, next) => {
      // A read has no body to type; it still needs the header, which no other origin can send without a preflight.
      const typed = req.method === 'GET' || req.method === 'HEAD' || req.is('application/json');
      if (req.get(CONTROL_HEADER) !== '1' || !typed) {
        res.status(403).json({ error: `control requests need ${CONTROL_HEADER}: 1 (and Content-Type: application/json with a body)` });
        return;
      }
      next();
    });
    // After the guard: the debugger's /api routes must carry the control header like the others.
    app.use((req, res, next) => (this.#debugger ? this.#debugger(req, res, next) : next()));
    app.get(['/', '/status'], (_req, res) => void res.type('html').send(this.#statusPage()));
    app.get('/api/sessions', (_req, res) => void res.json([...this.#sessions].map(describe)));
    app.post('/api/clock/advance', (req, res) => {
      const seconds = Number((req.body as { seconds?: unknown } | undefined)?.seconds);
      if (!Number.isFinite(seconds) || seconds < 0 || seconds > 10 * 365 * 86_400) {
        res.status(400).json({ error: 'seconds must be a number between 0 and ten years' });
        return;
      }
      for (const s of this.#sessions) s.advanceClock(seconds);
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

  /** `npm run host`: serve the debugger's app and its API (its routes take precedence; the status page moves to /status). */
  enableDebugger(routes: express.Router): void {
    this.#debugger = routes;
  }

  /** The Host header values this server answers to (undefined before start(), or when bound to every interface). */
  readonly hostNames = (): ReadonlySet<string> | undefined => this.#hosts;

  track(session: HostSession): void {
    this.#sessions.add(session);
  }

  untrack(session: HostSession): void {
    this.#sessions.delete(session);
  }

  publish(path: string, body: unknown): string {
    this.#documents.set(path, JSON.stringify(body));
    return this.urlOf(path);
  }

  urlOf(path: string): string {
    if (!this.origin) throw new Error('the mock host must be started before it serves documents');
    return `${this.origin}/documents/${path}`;
  }

  /**
   * Registers an install whose callback this host's route completes; the browser must open `startUrl` first. With
   * `recordHops` (a browser nobody else watches) the start and the callback are recorded as the browser's hops.
   */
  expectCallback(session: HostSession, sent: AuthorizationRequest, options: { recordHops?: boolean } = {}): ExpectedCallback {
    const id = randomUUID();
    const recordHops = options.recordHops === true;
    const done = new Promise<void>((resolve, reject) => {
      this.#pending.set(id, { id, session, sent, path: new URL(sent.redirectUri).pathname, recordHops, settle: (error) => (error ? reject(error) : resolve()) });
    });
    // On the redirect URI's own origin, so the cookie comes back with the callback (localhost and 127.0.0.1 differ).
    return { startUrl: `${new URL(sent.redirectUri).origin}/install/begin/${id}`, done };
  }

  /** Gives up on an install whose callback never came (the browser stopped, or the target never redirected). */
  abandon(startUrl: string, reason = 'the browser reached the callback, but the mock host never received it (a proxy, a redirect through another host, or a blocked request)'): void {
    const id = startUrl.split('/').pop() ?? '';
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    pending.settle(new LifecycleAbort(reason, 'inconclusive'));
  }

  #begin(req: Request, res: Response): void {
    const id = String(req.params.id);
    const pending = this.#pending.get(id);
    if (!pending) {
      res.status(404).type('html').send(page('Install not found', '<p>This install is not in progress.</p>'));
      return;
    }
    res.cookie(`${INSTALL_COOKIE}${id}`, '1', { httpOnly: true, sameSite: 'lax', path: '/' });
    if (pending.recordHops) {
      pending.session.recorder.recordBrowserHop({ method: 'GET', url: this.#requestUrl(req), status: 302, location: pending.sent.url, label: "browser (install): your browser starts the install", phase: 'install' });
    }
    res.redirect(302, pending.sent.url);
  }

  #requestUrl(req: Request): string {
    return `${req.protocol}://${req.get('host') ?? ''}${req.originalUrl}`;
  }

  #isCallbackPath(path: string): boolean {
    for (const p of this.#pending.values()) if (p.path === path) return true;
    // A path some install used to wait on, or the legacy shape: still answered (refused), never passed on.
    return /callback/i.test(path);
  }

  async #callback(req: Request, res: Response): Promise<void> {
    const state = typeof req.query.state === 'string' ? req.query.state : undefined;
    const mine = [...cookiesOf(req)].map((id) => this.#pending.get(id)).filter((p): p is PendingCallback => p !== undefined && p.path === req.path);
    // The browser's own installs on this path; with several, the state picks one. A bad state is judged against the
    // install it came back to, so a dropped or altered state is reported, not silently ignored.
    const pending = mine.find((p) => p.sent.state === state) ?? (mine.length === 1 ? mine[0] : undefined);
    if (!pending) {
      res.status(400).type('html').send(page('Install failed', '<p>This callback matches no install in progress (unknown or expired state).</p>'));
      return;
    }
    this.#pending.delete(pending.id);
    res.clearCookie(`${INSTALL_COOKIE}${pending.id}`, { path: '/' });
    const url = this.#requestUrl(req);
    const exchangeId = pending.recordHops ? pending.session.recorder.recordBrowserHop({ method: 'GET', url, label: "browser (install): back at the mock host's callback", phase: 'install' }) : undefined;
    // Static text only: where the debugger runs, this is the way back to it.
    const back = '<p><a href="/" autofocus>Back to the mock host</a></p>';
    try {
      await completeInstall(pending.session, parseCallback(url), pending.sent, exchangeId);
      pending.settle();
      const name = pending.session.target?.nameForHuman ?? 'the plugin';
      res.type('html').send(page('Installed', `<p>${escapeHtml(name)} is installed in the mock host. You can close this window.</p>${back}`));
    } catch (err) {
      pending.settle(err);
      const message = err instanceof LifecycleAbort ? err.message : 'the install failed';
      res.status(400).type('html').send(page('Install failed', `<p>${escapeHtml(message)}</p>${back}`));
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
