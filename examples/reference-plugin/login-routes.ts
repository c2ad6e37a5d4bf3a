import express, { Router } from 'express';
import { z } from 'zod';
import type { PluginContext } from './context.ts';
import { sendHtml } from './html-response.ts';
import { errorPage, loginPage } from './pages.ts';
import { safeReturnPath, startSession } from './session.ts';

const loginFormSchema = z.object({
  username: z.string().default(''),
  password: z.string().default(''),
  return_to: z.string().optional(),
});

/** The sign-in page the authorize endpoint sends a browser without a session to. */
export function loginRoutes({ store, has }: PluginContext): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    sendHtml(res, 200, loginPage({ returnTo: safeReturnPath(req.query['return_to']) }));
  });

  router.post('/login', express.urlencoded({ extended: false }), (req, res) => {
    const form = loginFormSchema.safeParse(req.body ?? {});
    if (!form.success) {
      sendHtml(res, 400, errorPage('invalid_request', 'The sign-in form was malformed.'));
      return;
    }
    const returnTo = safeReturnPath(form.data.return_to);
    const user = store.authenticate(form.data.username, form.data.password);
    if (user === undefined) {
      const page = loginPage({ returnTo, username: form.data.username, error: 'Wrong email or password.' });
      sendHtml(res, 401, page);
      return;
    }
    startSession(req, res, store, user.id);
    // The fault: a sign-in that forgets where it came from, so the authorization request never resumes.
    res.redirect(302, has('login-drops-return-to') ? '/' : returnTo);
  });

  return router;
}
