import { test, expect } from '@playwright/test';
import { checkAuthUrlsNotSwapped, type UrlProbe } from '../../../mock-host/checks/discovery/auth-urls-swapped.ts';
import type { HttpResponse } from '../../../mock-host/recorder/exchange.ts';
import { ORIGIN, outcome, response } from './fixtures.ts';

const html = { 'content-type': 'text/html; charset=utf-8' };
const json = { 'content-type': 'application/json' };
const LOGIN_PAGE = '<html><body><form method="post" action="/login"><input name="username"><input type="password" name="password"></form></body></html>';

function probe(id: string, path: string, res: HttpResponse | undefined): UrlProbe {
  const url = `${ORIGIN}${path}`;
  return { url, outcome: res ? outcome(id, url, res) : outcome(id, url, { error: { kind: 'network', message: 'ECONNREFUSED' } }), ref: { id, curl: `curl ${url}` } };
}

// Typical answers to a bare GET: [client_url probe, authorization_url probe].
const conformant: [string, HttpResponse | undefined, HttpResponse | undefined][] = [
  ['authorize 400 HTML, token 404 JSON (the reference plugin)', response(400, '<h1>invalid_client</h1>', html), response(404, '{"error":"not_found"}', json)],
  ['authorize 302 to login, token 405', response(302, '', { location: '/login' }), response(405, '', {})],
  ['authorize shows a login page, token 400 invalid_request', response(200, LOGIN_PAGE, html), response(400, '{"error":"invalid_request"}', json)],
  ['authorize JSON invalid_request, token JSON error', response(400, '{"error":"invalid_request"}', json), response(400, '{"error":"unsupported_grant_type"}', json)],
  ['authorize JSON error, token answers plain text: one weak sign is not enough', response(400, '{"error":"invalid_request"}', json), response(404, 'Cannot GET', { 'content-type': 'text/plain' })],
  ['both unreachable', undefined, undefined],
];

const swapped: [string, HttpResponse | undefined, HttpResponse | undefined, RegExp, string[]][] = [
  ['the reference plugin swapped: JSON 404 where a page belongs, HTML error where JSON belongs', response(404, '{"error":"not_found"}', json), response(400, '<h1>invalid_client</h1>', html), /client_url\) answered 404 JSON \{"error":"not_found"\}.*authorization_url\) answered 400 with an HTML page/, ['c', 'a']],
  ['client_url answers 405', response(405, '', {}), response(400, '{"error":"x"}', json), /answered 405 Method Not Allowed/, ['c']],
  ['client_url answers unsupported_grant_type', response(400, '{"error":"unsupported_grant_type"}', json), undefined, /\{"error":"unsupported_grant_type"\}/, ['c']],
  ['authorization_url serves a password form', response(400, '<h1>?</h1>', html), response(200, LOGIN_PAGE, html), /authorization_url\) answered an HTML page with a password field/, ['a']],
  ['authorization_url redirects to a sign-in page', undefined, response(302, '', { location: 'https://example.com/u/login?state=x' }), /redirected to the sign-in page/, ['a']],
];

test.describe('MANIFEST_AUTH_URLS_SWAPPED', () => {
  for (const [name, client, authorization] of conformant) {
    test(`not flagged: ${name}`, () => {
      expect(checkAuthUrlsNotSwapped({ clientUrl: probe('c', '/oauth/authorize', client), authorizationUrl: probe('a', '/oauth/token', authorization) })).toEqual([]);
    });
  }
  for (const [name, client, authorization, message, evidence] of swapped) {
    test(`flagged: ${name}`, () => {
      const drafts = checkAuthUrlsNotSwapped({ clientUrl: probe('c', '/oauth/token', client), authorizationUrl: probe('a', '/oauth/authorize', authorization) });
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ code: 'MANIFEST_AUTH_URLS_SWAPPED', evidence });
      expect(drafts[0]?.message).toMatch(message);
      expect(drafts[0]?.fix).toContain(`client_url=${ORIGIN}/oauth/token, authorization_url=${ORIGIN}/oauth/authorize`);
      // One exchange shows it: that request is the reproduction; two together have none.
      expect(drafts[0]?.reproduce).toBe(evidence.length === 1 ? `curl ${ORIGIN}${evidence[0] === 'c' ? '/oauth/token' : '/oauth/authorize'}` : undefined);
    });
  }
});

test('the page sniff reads only the top of a page: a password field past the first 64 KiB is not looked for', () => {
  // Counted in characters, not timed: the same password field, once inside the sniffed prefix and once after it.
  const padding = '<p>x</p>'.repeat(65_536 / 8);
  const near = response(200, `<html><body>${LOGIN_PAGE}${padding}</body></html>`, html);
  const far = response(200, `<html><body>${padding}${LOGIN_PAGE}</body></html>`, html);
  const check = (page: HttpResponse) => checkAuthUrlsNotSwapped({ clientUrl: probe('c', '/oauth/authorize', undefined), authorizationUrl: probe('a', '/oauth/token', page) });
  expect(check(near).map((d) => d.message)).toEqual([expect.stringMatching(/answered an HTML page with a password field/)]);
  // Past the cap only the weak "an HTML page" sign is left, which alone is no finding.
  expect(check(far)).toEqual([]);
});
