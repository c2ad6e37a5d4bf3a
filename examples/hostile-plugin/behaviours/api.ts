import { defineBehaviours } from '../behaviour.ts';
import { PATHS } from '../documents.ts';
import { HTML_ERROR_PAGE, hugeBody, hugeHeaders, neverAnswer, redirect, resetMidResponse, sendHtml, sendJson, slowDrip } from '../raw-answers.ts';

/** The API call the host makes with the token it got (the baseline API answers only this server's tokens). */
export const apiBehaviours = defineBehaviours({
  'api-never-answers': {
    description: 'the API never answers',
    answers: { api: neverAnswer },
  },
  'api-slow-drip': {
    description: 'the API answer arrives one byte every 50 ms, for ever',
    answers: { api: slowDrip('application/json') },
  },
  'api-connection-reset': {
    description: 'the connection is reset half-way through the API answer',
    answers: { api: resetMidResponse('application/json', JSON.stringify({ items: [{ id: 1, text: 'a reset is coming' }] })) },
  },
  'api-huge-body': {
    description: 'the API answers 200 with a 50 MB body',
    answers: { api: hugeBody('application/json', '{"items": "') },
  },
  'api-huge-headers': {
    description: 'the API answer carries about 80 KB of headers',
    answers: { api: hugeHeaders },
  },
  'api-redirect-loop': {
    description: 'the API redirects to itself, for ever',
    answers: { api: (_req, res, ctx) => redirect(res, `${PATHS.api}?hop=${Number(ctx.url.searchParams.get('hop') ?? 0) + 1}`) },
  },
  'api-redirect-other-host': {
    description: 'the API redirects an authenticated call to another origin (the same server under its other loopback name)',
    answers: { api: (_req, res, ctx) => (ctx.url.host === new URL(ctx.origin).host ? redirect(res, `${ctx.otherOrigin}${PATHS.api}`) : sendJson(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer' })) },
  },
  'api-html-error-page': {
    description: 'the API answers 502 with an HTML error page',
    answers: { api: (_req, res) => sendHtml(res, 502, HTML_ERROR_PAGE) },
  },
  'api-echoes-token': {
    description: 'the API answers 500 quoting the bearer token it was sent, in the body and a header',
    answers: {
      api: (req, res) => {
        const authorization = req.headers.authorization ?? '';
        sendJson(res, 500, { error: 'server_error', error_description: `could not use ${authorization}`, debug: { authorization } }, { 'x-debug-authorization': authorization });
      },
    },
  },
});
