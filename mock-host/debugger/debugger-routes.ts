import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { sameOriginGuard } from '../server/request-guards.ts';
import { browserModule, vendorFile } from './browser-modules.ts';
import { streamViews } from './event-stream.ts';
import { DebuggerBusyError, DebuggerInputError } from './debugger-errors.ts';
import type { HostDebugger } from './host-debugger.ts';
import { PageTokens } from './page-tokens.ts';
import { API, configureRequestSchema, exportRequestSchema, PAGE_TOKEN_HEADER, PAGE_TOKEN_PARAM, scenarioRequestSchema, stepRequestSchema, type ControlAnswer } from './wire/controls.ts';

const SHELL = readFileSync(new URL('./ui/shell.html', import.meta.url), 'utf8');

/** Scripts only from this origin or with this page's nonce (the import map), no eval; nothing framed, nothing posted away. */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function refuse(res: Response): void {
  res.status(403).json({ error: 'this API answers only a debugger page the mock host served: reload the page' });
}

/** A control: its body validated, its answer one line; bad input 400, a step already running 409. */
function control(handle: (body: unknown) => Promise<ControlAnswer>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      res.json(await handle(req.body));
    } catch (err) {
      if (err instanceof z.ZodError) res.status(400).json({ ok: false, note: z.prettifyError(err) });
      else if (err instanceof DebuggerInputError) res.status(400).json({ ok: false, note: err.message });
      else if (err instanceof DebuggerBusyError) res.status(409).json({ ok: false, note: err.message });
      else {
        console.error(err);
        res.status(500).json({ ok: false, note: 'the debugger failed; see the mock host console' });
      }
    }
  };
}

/**
 * The debugger's routes: the page shell, its modules (the UI's TypeScript, types stripped; preact, htm and zod from
 * node_modules), the JSON API under /api/debugger (behind the mock host's /api guard: same origin and the control
 * header) and the event stream. Every API request and the stream also need the page's per-load secret: the header
 * for fetch, a query parameter for EventSource, which cannot send headers (and is refused cross-origin by fetch
 * metadata first). No response carries Access-Control-Allow-Origin, so no other origin reads any of it.
 */
export function debuggerRoutes(app: HostDebugger, hosts: () => ReadonlySet<string> | undefined): Router {
  const tokens = new PageTokens();
  const router = express.Router();

  router.get('/', (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    const page = SHELL.replaceAll('%NONCE%', nonce).replaceAll('%PAGE_TOKEN%', tokens.issue());
    res.set('content-security-policy', contentSecurityPolicy(nonce)).type('html').send(page);
  });
  // The browser asks for one; an empty answer keeps a 404 out of the page's console.
  router.get('/favicon.ico', (_req, res) => void res.status(204).end());
  router.get('/app/*splat', async (req, res, next) => {
    const file = await browserModule((req.params as { splat: string[] }).splat.join('/'));
    if (!file) return next();
    res.set('cache-control', 'no-cache').type(file.contentType).send(file.body);
  });
  router.get('/vendor/:pkg/*splat', (req, res, next) => {
    const params = req.params as { pkg: string; splat: string[] };
    const file = vendorFile(params.pkg, params.splat.join('/'));
    if (!file) return next();
    res.set('cache-control', 'max-age=3600').type(file.contentType).send(file.body);
  });
  router.get(API.events, sameOriginGuard(hosts), (req, res) => (tokens.valid(req.query[PAGE_TOKEN_PARAM]) ? streamViews(app, res) : refuse(res)));

  const api = express.Router();
  api.use((req, res, next) => (tokens.valid(req.get(PAGE_TOKEN_HEADER)) ? next() : refuse(res)));
  api.get('/view', (_req, res) => void res.json(app.view()));
  api.get('/exchanges/:id', (req, res) => {
    const detail = app.exchange(String(req.params.id));
    if (detail) res.json(detail);
    else res.status(404).json({ error: 'no such exchange in this session' });
  });
  api.get('/export/summary.json', (_req, res) => {
    res.set('content-disposition', 'attachment; filename="summary.json"').type('application/json').send(`${JSON.stringify(app.summary(), null, 2)}\n`);
  });
  api.post(
    '/configure',
    control(async (body) => {
      await app.configure(configureRequestSchema.parse(body));
      return { ok: true, note: 'a new session on the target' };
    }),
  );
  api.post('/step', control((body) => app.step(stepRequestSchema.parse(body))));
  api.post('/scenario', control((body) => app.runScenario(scenarioRequestSchema.parse(body).id)));
  api.post('/cancel-install', control(async () => app.cancelInstall()));
  api.post(
    '/export',
    control(async (body) => {
      const written = await app.export(exportRequestSchema.parse(body));
      return { ok: written.problems.length === 0, note: `wrote ${written.files.join(', ')} to ${written.dir}${written.problems.length ? `; ${written.problems.join('; ')}` : ''}` };
    }),
  );
  router.use('/api/debugger', api);
  return router;
}
