import { Router } from 'express';
import { z } from 'zod';
import type { ServerContext } from './context.ts';
import { sendHtml } from './html-response.ts';
import { currentSession, safeReturnPath, startSession } from './login-session.ts';
import { errorPage, homePage, loginPage } from './pages.ts';
import { bodyText, parseForm } from './request-body.ts';

const loginFormSchema = z.object({
  username: z.array(z.string()).default([]),
  password: z.array(z.string()).default([]),
  return_to: z.array(z.string()).default([]),
});

/** The sign-in page /authorize sends a browser without a session to, and the home page. */
export function loginRoutes(ctx: ServerContext): Router {
  const { store } = ctx;
  const router = Router();

  router.get('/', (_req, res) => sendHtml(res, 200, homePage(ctx.urls.mcp)));

  router.get('/login', (req, res) => {
    sendHtml(res, 200, loginPage({ returnTo: safeReturnPath(req.query['return_to']) }));
  });

  router.post('/login', (req, res) => {
    const form = loginFormSchema.safeParse(parseForm(bodyText(req)));
    if (!form.success) {
      sendHtml(res, 400, errorPage('invalid_request', 'The sign-in form was malformed.'));
      return;
    }
    const [username = '', password = '', returnTo = '/'] = [form.data.username[0], form.data.password[0], form.data.return_to[0]];
    const target = safeReturnPath(returnTo);
    const user = store.authenticate(username, password);
    if (user === undefined) {
      sendHtml(res, 401, loginPage({ returnTo: target, username, error: 'Wrong email or password.' }));
      return;
    }
    // Signing in again as someone else replaces the session: the harness switches accounts this way.
    if (currentSession(req, store)?.userId !== user.id) startSession(req, res, store, user.id);
    res.redirect(302, target);
  });

  return router;
}
