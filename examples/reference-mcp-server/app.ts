import express, { type ErrorRequestHandler, type Express } from 'express';
import { authorizationServerMetadataRoutes } from './authorization-server-metadata.ts';
import { authorizeRoutes } from './authorize-routes.ts';
import { ServerClock } from './clock.ts';
import { createServerContext, type ServerContext } from './context.ts';
import { controlRoutes } from './control-routes.ts';
import { loginRoutes } from './login-routes.ts';
import { mcpRoutes } from './mcp-routes.ts';
import { McpSessions } from './mcp-sessions.ts';
import { NotesStore } from './notes-store.ts';
import { OAuthStore } from './oauth-store.ts';
import {
  ReferenceMcpServerOptionsError,
  resolveReferenceMcpServerOptions,
  type ReferenceMcpServerOptions,
  type ResolvedReferenceMcpServerOptions,
} from './options.ts';
import { protectedResourceMetadataRoutes } from './protected-resource-metadata.ts';
import { registrationRoute } from './registration-route.ts';
import { RequestLog, recordRequests } from './request-log.ts';
import { revocationRoute } from './revocation-route.ts';
import { generateSigningKey } from './signing-keys.ts';
import { tokenRoute } from './token-route.ts';

export interface ReferenceMcpServer {
  readonly app: Express;
  readonly context: ServerContext;
  readonly clock: ServerClock;
  readonly requestLog: RequestLog;
  readonly options: ResolvedReferenceMcpServerOptions;
  /** Ends every MCP session (open SSE streams included). */
  closeSessions(): Promise<void>;
}

const unexpectedError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  console.error('reference MCP server: unexpected error', error);
  res.status(500).json({ error: 'server_error', error_description: 'Unexpected error' });
};

/**
 * Builds the app without listening. `options.origin` is required here: the issuer, the PRM resource and every
 * token's audience derive from it. Throws ReferenceMcpServerOptionsError on bad options.
 */
export function createReferenceMcpServer(input: ReferenceMcpServerOptions): ReferenceMcpServer {
  const options = resolveReferenceMcpServerOptions(input);
  if (options.origin === undefined) {
    throw new ReferenceMcpServerOptionsError('createReferenceMcpServer needs options.origin (startReferenceMcpServer fills it in)');
  }
  const clock = new ServerClock();
  const store = new OAuthStore(options.credentialPrefix);
  const notes = new NotesStore();
  for (const user of options.users) {
    const added = store.addUser(user.username, user.password, user.name);
    notes.seed(added.id, `Welcome, ${user.name}! This note belongs to ${user.username}.`);
  }
  const requestLog = new RequestLog();
  const context = createServerContext(options, options.origin, { clock, store, notes, log: requestLog, key: generateSigningKey() });
  const sessions = new McpSessions(context);

  const app = express();
  app.disable('x-powered-by');
  app.use(recordRequests(requestLog, clock));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.use(protectedResourceMetadataRoutes(context));
  app.use(mcpRoutes(context, sessions));
  // With an external AS, a second, unused way in would only confuse: the built-in one is not mounted.
  if (options.authorizationServer === undefined) {
    app.use(authorizationServerMetadataRoutes(context));
    app.use(loginRoutes(context));
    app.use(authorizeRoutes(context));
    app.use(tokenRoute(context));
    if (!context.has('no-client-registration')) app.use(registrationRoute(context));
    if (!context.has('revocation-endpoint-missing')) app.use(revocationRoute(context));
  }
  if (options.exposeControl) app.use(controlRoutes(context));
  app.use((_req, res) => void res.status(404).json({ error: 'not_found' }));
  app.use(unexpectedError);
  return { app, context, clock, requestLog, options, closeSessions: () => sessions.closeAll() };
}
