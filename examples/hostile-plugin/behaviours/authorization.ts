import { defineBehaviours } from '../behaviour.ts';
import { LOGIN_PAGE, PATHS } from '../documents.ts';
import { HTML_ERROR_PAGE, neverAnswer, redirect, sendHtml } from '../raw-answers.ts';

/** The callback URL with these parameters appended in this order (repeats kept: that is the point). */
function callback(redirectUri: string, params: [string, string][]): string {
  const url = new URL(redirectUri);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.toString();
}

/** The browser part: the authorization page, the login page and the redirect back to the host. */
export const authorizationBehaviours = defineBehaviours({
  'authorize-never-answers': {
    description: 'the authorization page never answers',
    answers: { authorize: neverAnswer },
  },
  'authorize-redirect-loop': {
    description: 'the authorization page redirects to itself, for ever',
    answers: { authorize: (_req, res, ctx) => redirect(res, `${PATHS.authorize}${ctx.url.search}&hop=1`) },
  },
  'authorize-5xx': {
    description: 'the authorization page answers 500 with an HTML error page',
    answers: { authorize: (_req, res) => sendHtml(res, 500, HTML_ERROR_PAGE) },
  },
  'login-never-redirects': {
    description: 'the login page accepts any password and shows itself again, never redirecting to the host',
    answers: { authorize: (_req, res) => sendHtml(res, 200, LOGIN_PAGE), login: (_req, res) => sendHtml(res, 200, LOGIN_PAGE) },
  },
  'login-button-does-nothing': {
    description: 'the login page has a "Sign in" button that does nothing (no submit, no navigation)',
    answers: { authorize: (_req, res) => sendHtml(res, 200, LOGIN_PAGE.replace('<button type="submit">', '<button type="button">')) },
  },
  'callback-injected-params': {
    description: 'the callback repeats code and state with injected values, and tries CR LF in another parameter',
    answers: {
      authorize: (_req, res, ctx) => {
        const q = ctx.url.searchParams;
        const location = callback(q.get('redirect_uri') ?? '', [
          ['code', ctx.credentials.code()],
          ['state', q.get('state') ?? ''],
          ['code', 'injected-code'],
          ['state', 'injected-state'],
          ['note', 'x\r\nSet-Cookie: injected=1'],
        ]);
        redirect(res, location);
      },
    },
  },
  'callback-error-markup': {
    description: 'the callback carries error=access_denied with a <script> and CR LF in error_description',
    answers: {
      authorize: (_req, res, ctx) => {
        const q = ctx.url.searchParams;
        const location = callback(q.get('redirect_uri') ?? '', [
          ['error', 'access_denied'],
          ['error_description', '<script>window.__pwned=3</script>\r\nSet-Cookie: injected=1'],
          ['state', q.get('state') ?? ''],
        ]);
        redirect(res, location);
      },
    },
  },
});
