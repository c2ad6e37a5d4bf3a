import { expect, test } from '@playwright/test';
import { describeBodyKind, readResponseBody } from '../../../mock-host/oauth/response-body.ts';
import { locateTokenFields, roleOfKey, walkJson } from '../../../mock-host/oauth/token-locations.ts';
import { readTokenSet } from '../../../mock-host/oauth/token-set.ts';

test('JSON by content or by media type; a JSON syntax error is kept for the message', () => {
  expect(readResponseBody('{"a":1}', undefined)).toEqual({ kind: 'json', value: { a: 1 } });
  expect(readResponseBody('  [1,2]', 'text/plain')).toEqual({ kind: 'json', value: [1, 2] });
  expect(readResponseBody('"str"', 'application/json')).toEqual({ kind: 'json', value: 'str' });
  expect(readResponseBody('"str"', 'text/plain')).toEqual({ kind: 'text' });
  const broken = readResponseBody('{"a":', 'application/json');
  expect(broken.kind).toBe('text');
  expect(broken.kind === 'text' && broken.jsonError).toBeTruthy();
  expect(readResponseBody('not json', 'application/json')).toMatchObject({ kind: 'text', jsonError: expect.any(String) });
});

test('a hostile JSON nesting is refused with the parser\'s reason, as more than a token response can be', () => {
  const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
  expect(readResponseBody(deep, 'application/json')).toEqual({ kind: 'text', jsonError: 'the JSON is nested more than 64 levels deep, more than a token response can be' });
  const syntax = readResponseBody('{oops}', 'application/json');
  expect(syntax.kind === 'text' && syntax.jsonError).not.toContain('more than a token response');
});

test('empty and whitespace-only bodies', () => {
  expect(readResponseBody('', 'application/json')).toEqual({ kind: 'empty' });
  expect(readResponseBody(' \n\t ', undefined)).toEqual({ kind: 'empty' });
});

test('HTML: by media type, doctype, <html> or a head/body/title tag; the title when there is one', () => {
  expect(readResponseBody('<!DOCTYPE html><html><head><title> Sign in </title></head></html>', undefined)).toEqual({ kind: 'html', title: 'Sign in' });
  expect(readResponseBody('<html lang="en"><body>x</body></html>', undefined)).toEqual({ kind: 'html' });
  expect(readResponseBody('<div><body>hi</body></div>', undefined)).toEqual({ kind: 'html' });
  expect(readResponseBody('Error page', 'text/html')).toEqual({ kind: 'html' });
  expect(readResponseBody('<p>x</p><title>T</title>', 'text/html')).toEqual({ kind: 'html', title: 'T' });
  expect(readResponseBody('<title></title>', 'text/html')).toEqual({ kind: 'html' });
});

test('XML: by a leading < or the media type, with its root element', () => {
  expect(readResponseBody('<?xml version="1.0"?><OAuth><access_token>x</access_token></OAuth>', undefined)).toEqual({ kind: 'xml', root: 'OAuth' });
  expect(readResponseBody('<ns:Response/>', undefined)).toEqual({ kind: 'xml', root: 'ns:Response' });
  expect(readResponseBody('access_token=x', 'application/xml')).toEqual({ kind: 'xml' });
  expect(readResponseBody('<>', undefined)).toEqual({ kind: 'xml' });
});

test('form bodies: by media type, or by looking like one (no whitespace, every pair name=value)', () => {
  expect(readResponseBody('access_token=abc&token_type=bearer\n', undefined)).toEqual({ kind: 'form', fields: [['access_token', 'abc'], ['token_type', 'bearer']] });
  expect(readResponseBody('a=1&b=', 'text/plain')).toEqual({ kind: 'form', fields: [['a', '1'], ['b', '']] });
  expect(readResponseBody('just words', 'application/x-www-form-urlencoded')).toEqual({ kind: 'form', fields: [['just words', '']] });
  expect(readResponseBody('a=1&b', undefined)).toEqual({ kind: 'text' });
  expect(readResponseBody('a=1 b=2', undefined)).toEqual({ kind: 'text' });
  expect(readResponseBody('=1', undefined)).toEqual({ kind: 'text' });
  expect(readResponseBody('plain', undefined)).toEqual({ kind: 'text' });
  // Longer than the form sniff allows: text, not a form.
  expect(readResponseBody(`a=${'x'.repeat(70_000)}`, undefined)).toEqual({ kind: 'text' });
});

test('each body kind described for messages', () => {
  expect(describeBodyKind({ kind: 'json', value: {} })).toBe('JSON');
  expect(describeBodyKind({ kind: 'form', fields: [['a', '1'], ['b', '2']] })).toBe('a form-encoded body (fields: a, b)');
  expect(describeBodyKind({ kind: 'form', fields: [] })).toBe('a form-encoded body (fields: none)');
  expect(describeBodyKind({ kind: 'xml', root: 'OAuth' })).toBe('an XML document (<OAuth>)');
  expect(describeBodyKind({ kind: 'xml' })).toBe('an XML document');
  expect(describeBodyKind({ kind: 'html', title: 'T'.repeat(100) })).toBe(`an HTML page ("${'T'.repeat(80)}")`);
  expect(describeBodyKind({ kind: 'html' })).toBe('an HTML page');
  expect(describeBodyKind({ kind: 'text', jsonError: 'Unexpected end' })).toBe('text that does not parse as JSON (Unexpected end)');
  expect(describeBodyKind({ kind: 'text' })).toBe('plain text');
  expect(describeBodyKind({ kind: 'empty' })).toBe('an empty body');
});

test('token roles by key, ignoring case and separators', () => {
  expect(roleOfKey('Access-Token')).toBe('access_token');
  expect(roleOfKey('access token')).toBe('access_token');
  expect(roleOfKey('bearerToken')).toBe('access_token');
  expect(roleOfKey('REFRESH_TOKEN')).toBe('refresh_token');
  expect(roleOfKey('expires_at')).toBe('expires_in');
  expect(roleOfKey('TokenType')).toBe('token_type');
  expect(roleOfKey('id_token')).toBeUndefined();
  expect(roleOfKey('scope')).toBeUndefined();
});

test('walkJson visits every pair depth first with its path', () => {
  const seen: string[] = [];
  walkJson({ a: { b: 1 }, c: [{ d: 2 }] }, (key, _value, path) => seen.push(`${key}@${JSON.stringify(path)}`));
  expect(seen).toEqual(['a@["a"]', 'b@["a","b"]', 'c@["c"]', 'd@["c",0,"d"]']);
  const none: string[] = [];
  walkJson('text', (key) => none.push(key));
  walkJson(null, (key) => none.push(key));
  expect(none).toEqual([]);
});

test('walkJson stops below 32 levels', () => {
  let value: unknown = { leaf: 1 };
  for (let i = 0; i < 40; i++) value = { n: value };
  const depths: number[] = [];
  walkJson(value, (_k, _v, path) => depths.push(path.length));
  expect(Math.max(...depths)).toBe(33);
});

test('token fields are located with printable paths; only the exact top-level name is standard', () => {
  expect(
    locateTokenFields({
      access_token: 'a',
      data: { 'access token': 'b', items: [{ token: 'c' }], $ref: { refreshToken: 'r' } },
      expires_in: 3600,
      ExpiresIn: '60',
      expiry: ' ',
      tokenType: 'bearer',
      token_type: 7,
      'refresh-token': '',
    }),
  ).toEqual([
    { role: 'access_token', path: 'access_token', standard: true },
    { role: 'access_token', path: 'data["access token"]', standard: false },
    { role: 'access_token', path: 'data.items[0].token', standard: false },
    { role: 'refresh_token', path: 'data.$ref.refreshToken', standard: false },
    { role: 'expires_in', path: 'expires_in', standard: true },
    { role: 'expires_in', path: 'ExpiresIn', standard: false },
    { role: 'token_type', path: 'tokenType', standard: false },
  ]);
  expect(locateTokenFields([{ access_token: 'x' }])).toEqual([{ role: 'access_token', path: '[0].access_token', standard: false }]);
  expect(locateTokenFields({ '1st': { access_token: 'x' } })).toEqual([{ role: 'access_token', path: '["1st"].access_token', standard: false }]);
});

test('the host\'s token set: top-level RFC 6749 names only, field by field', () => {
  expect(readTokenSet({ access_token: 'at', refresh_token: 'rt', expires_in: 3600, token_type: 'Bearer', scope: 'a b' })).toEqual({
    accessToken: 'at',
    refreshToken: 'rt',
    expiresInSeconds: 3600,
    tokenType: 'Bearer',
    scope: 'a b',
  });
  expect(readTokenSet({ access_token: 'at', expires_in: ' 3600 ' })).toEqual({ accessToken: 'at', expiresInSeconds: 3600 });
  expect(readTokenSet({ access_token: 'at', refresh_token: '  ', expires_in: '1h', token_type: 5, scope: null })).toEqual({ accessToken: 'at' });
  expect(readTokenSet({ access_token: 'at', expires_in: Number.POSITIVE_INFINITY })).toEqual({ accessToken: 'at' });
  expect(readTokenSet({ access_token: ' ' })).toBeUndefined();
  expect(readTokenSet({ accessToken: 'at' })).toBeUndefined();
  expect(readTokenSet({ access_token: 'at', token_type: '', scope: '' })).toEqual({ accessToken: 'at', tokenType: '', scope: '' });
});

test('sniffing looks only at the start: leading blanks past the window, a title far down, a look-alike tag', () => {
  // Whitespace fills the 4096-character window: not empty, and nothing JSON-like seen at its start.
  expect(readResponseBody(`${' '.repeat(5000)}{"a":1}`, undefined)).toEqual({ kind: 'text' });
  expect(readResponseBody(`<html>${'x'.repeat(70_000)}<title>Late</title></html>`, 'text/html')).toEqual({ kind: 'html' });
  expect(readResponseBody('<htmlish>x</htmlish>', undefined)).toEqual({ kind: 'xml', root: 'htmlish' });
  expect(readResponseBody('<HTML>', undefined)).toEqual({ kind: 'html' });
  expect(readResponseBody(`<title>${'t'.repeat(250)}</title>`, 'text/html')).toEqual({ kind: 'html', title: 't'.repeat(200) });
});
