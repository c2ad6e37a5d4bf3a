import express, { type ErrorRequestHandler, type Express } from 'express';
import { apiRoutes } from './api-routes.ts';
import { authorizeRoutes } from './authorize-routes.ts';
import { PluginClock } from './clock.ts';
import { createPluginContext } from './context.ts';
import { controlRoutes } from './control-routes.ts';
import { loginRoutes } from './login-routes.ts';
import { manifestRoute } from './manifest.ts';
import { openApiRoutes } from './openapi.ts';
import {
  resolveReferencePluginOptions,
  type ReferencePluginOptions,
  type ResolvedReferencePluginOptions,
} from './options.ts';
import { siteRoutes } from './site-routes.ts';
import { ReferenceStore } from './store.ts';
import { tokenRoute } from './token-route.ts';

export interface ReferencePlugin {
  readonly app: Express;
  readonly clock: PluginClock;
  readonly store: ReferenceStore;
  readonly options: ResolvedReferencePluginOptions;
}

const unexpectedError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  console.error('reference plugin: unexpected error', error);
  res.status(500).json({ error: 'server_error', error_description: 'Unexpected error' });
};

/** Builds the app without listening; throws ReferencePluginOptionsError on bad options. */
export function createReferencePlugin(input: ReferencePluginOptions = {}): ReferencePlugin {
  const options = resolveReferencePluginOptions(input);
  const clock = new PluginClock();
  const store = new ReferenceStore(options.credentialPrefix);
  store.addUser(options.username, options.password);
  const ctx = createPluginContext(options, clock, store);

  const app = express();
  app.disable('x-powered-by');
  app.use(siteRoutes());
  app.use(manifestRoute(ctx));
  app.use(openApiRoutes(ctx));
  // With a provider doing OAuth, the plugin's own authorization server would only be a second, unused way in.
  if (!options.oauthProvider) {
    app.use(loginRoutes(ctx));
    app.use(authorizeRoutes(ctx));
    app.use(tokenRoute(ctx));
  }
  app.use(apiRoutes(ctx));
  if (options.exposeControl) app.use(controlRoutes(ctx));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use(unexpectedError);
  return { app, clock, store, options };
}
