import { defineBehaviours } from '../behaviour.ts';
import { baselineTokens, PATHS } from '../documents.ts';
import { deeplyNestedJson, HTML_ERROR_PAGE, hugeBody, hugeHeaders, neverAnswer, redirect, resetMidResponse, sendHtml, sendJson, slowDrip } from '../raw-answers.ts';

/** The token endpoint's answer to the host's code exchange (a plain GET, discovery's probe, still gets 405). */
export const tokenBehaviours = defineBehaviours({
  'token-never-answers': {
    description: 'the token endpoint never answers',
    answers: { token: neverAnswer },
  },
  'token-slow-drip': {
    description: 'the token response arrives one byte every 50 ms, for ever',
    answers: { token: slowDrip('application/json') },
  },
  'token-connection-reset': {
    description: 'the connection is reset half-way through the token response',
    answers: {
      token: (req, res, ctx) => {
        const { accessToken, refreshToken } = ctx.credentials.tokens();
        resetMidResponse('application/json', JSON.stringify(baselineTokens(accessToken, refreshToken)))(req, res);
      },
    },
  },
  'token-huge-body': {
    description: 'the token response is a 50 MB JSON body',
    answers: { token: hugeBody('application/json', '{"access_token": "') },
  },
  'token-huge-headers': {
    description: 'the token response carries about 80 KB of headers',
    answers: { token: hugeHeaders },
  },
  'token-deeply-nested': {
    description: 'a valid token response with an extra field nested 100,000 levels deep',
    answers: {
      token: (_req, res, ctx) => {
        const { accessToken, refreshToken } = ctx.credentials.tokens();
        sendJson(res, 200, deeplyNestedJson(100_000, baselineTokens(accessToken, refreshToken), 'profile'));
      },
    },
  },
  'token-html-error-page': {
    description: 'the token endpoint answers 500 with an HTML error page',
    answers: { token: (_req, res) => sendHtml(res, 500, HTML_ERROR_PAGE) },
  },
  'token-redirect-other-host': {
    description: 'the token endpoint answers 307 to another host (following it would hand over the code and the client secret)',
    answers: { token: (_req, res) => redirect(res, `https://attacker.invalid${PATHS.token}`, 307) },
  },
  'token-backtracking-bomb': {
    description: 'a 130-byte token answer shaped to make a backtracking regular expression run for hours',
    answers: {
      token: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(`a=${'&a='.repeat(40)} x`);
      },
    },
  },
  'token-header-injection': {
    description: 'the access token carries CR LF and a header line, aimed at the API call that will send it',
    answers: {
      token: (_req, res, ctx) => {
        const { accessToken, refreshToken } = ctx.credentials.tokens(`hostile-access\r\nX-Injected: 1`);
        sendJson(res, 200, baselineTokens(accessToken, refreshToken));
      },
    },
  },
});
