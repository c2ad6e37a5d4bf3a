import { expect, test } from '@playwright/test';
import { bearerChallenge, parseWwwAuthenticate } from '../../../mock-host/oauth/www-authenticate.ts';

test('several challenges, each with its quoted params, scheme and names lower-cased', () => {
  expect(parseWwwAuthenticate('Bearer realm="x", error="invalid_token", resource_metadata="https://a.example/.well-known/oauth-protected-resource", Basic Realm="Y"')).toEqual([
    { scheme: 'bearer', params: { realm: 'x', error: 'invalid_token', resource_metadata: 'https://a.example/.well-known/oauth-protected-resource' } },
    { scheme: 'basic', params: { realm: 'Y' } },
  ]);
  expect(parseWwwAuthenticate('BEARER ERROR="Invalid_Token"')).toEqual([{ scheme: 'bearer', params: { error: 'Invalid_Token' } }]);
});

test('bare values end at a comma or whitespace; spaces around "=" are allowed', () => {
  expect(parseWwwAuthenticate('Bearer realm=x,error=invalid_token  scope=read')).toEqual([{ scheme: 'bearer', params: { realm: 'x', error: 'invalid_token', scope: 'read' } }]);
  expect(parseWwwAuthenticate('Bearer realm  =  "x" ,  error =  y')).toEqual([{ scheme: 'bearer', params: { realm: 'x', error: 'y' } }]);
});

test('quoted strings keep commas and honour backslash escapes; an unterminated one runs to the end', () => {
  expect(parseWwwAuthenticate('Bearer scope="a, b", error_description="a \\"quoted\\" \\\\ word"')).toEqual([
    { scheme: 'bearer', params: { scope: 'a, b', error_description: 'a "quoted" \\ word' } },
  ]);
  expect(parseWwwAuthenticate('Bearer realm="abc')).toEqual([{ scheme: 'bearer', params: { realm: 'abc' } }]);
  // A backslash as the very last character has nothing to escape and is kept.
  expect(parseWwwAuthenticate('Bearer realm="abc\\')).toEqual([{ scheme: 'bearer', params: { realm: 'abc\\' } }]);
  expect(parseWwwAuthenticate('Bearer realm="", error="e"')).toEqual([{ scheme: 'bearer', params: { realm: '', error: 'e' } }]);
});

test('characters that start no token are skipped; a param before any scheme is dropped', () => {
  expect(parseWwwAuthenticate(';;; Bearer')).toEqual([{ scheme: 'bearer', params: {} }]);
  expect(parseWwwAuthenticate('realm="x", Bearer error="e"')).toEqual([{ scheme: 'bearer', params: { error: 'e' } }]);
  expect(parseWwwAuthenticate('Bearer, Basic')).toEqual([
    { scheme: 'bearer', params: {} },
    { scheme: 'basic', params: {} },
  ]);
});

test('no header, an empty one or only separators: no challenge', () => {
  expect(parseWwwAuthenticate(undefined)).toEqual([]);
  expect(parseWwwAuthenticate('')).toEqual([]);
  expect(parseWwwAuthenticate(' , ,\t')).toEqual([]);
});

test('a huge header is read only up to its first 8192 characters', () => {
  const header = `Bearer realm="${'a'.repeat(9000)}", error="invalid_token"`;
  const [challenge] = parseWwwAuthenticate(header);
  expect(challenge?.params.realm).toBe('a'.repeat(8192 - 'Bearer realm="'.length));
  expect(challenge?.params.error).toBeUndefined();
});

test('bearerChallenge picks the Bearer challenge wherever it is, else none', () => {
  expect(bearerChallenge('Basic realm="y", Bearer error="insufficient_scope", scope="files:read"')).toEqual({ scheme: 'bearer', params: { error: 'insufficient_scope', scope: 'files:read' } });
  expect(bearerChallenge('Basic realm="y"')).toBeUndefined();
  expect(bearerChallenge(undefined)).toBeUndefined();
});

test('scheme and param names may use every RFC 9110 token character', () => {
  expect(parseWwwAuthenticate("X-Custom.Auth_1 a!#$%&'*+.^_`|~9-z=\"v\"")).toEqual([{ scheme: 'x-custom.auth_1', params: { "a!#$%&'*+.^_`|~9-z": 'v' } }]);
});
