import { expect, test } from '@playwright/test';
import type { AuthorizeParameter } from '../../../mock-host/profiles/host-profile.ts';
import { buildAuthorizationRequest } from '../../../mock-host/oauth/authorization-request.ts';
import { parseCallback } from '../../../mock-host/oauth/callback.ts';
import { s256Challenge } from '../../../mock-host/oauth/pkce.ts';

const ALL: AuthorizeParameter[] = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'resource', 'prompt'];
const base = { authorizeUrl: 'https://as.example/authorize', clientId: 'client-1', redirectUri: 'https://host.example/cb', scope: 'read write' };

test('an MCP host: every parameter in its order, a fresh state, S256 PKCE and resource', () => {
  const r = buildAuthorizationRequest({ ...base, shape: { parameterOrder: ALL, sendsEmptyScope: false, pkce: 'S256' }, resource: 'https://mcp.example/mcp', prompt: 'consent' });
  const url = new URL(r.url);
  expect([...url.searchParams.keys()]).toEqual(ALL);
  expect(url.origin + url.pathname).toBe('https://as.example/authorize');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    response_type: 'code',
    client_id: 'client-1',
    redirect_uri: 'https://host.example/cb',
    scope: 'read write',
    state: r.state,
    code_challenge: s256Challenge(r.codeVerifier ?? ''),
    code_challenge_method: 'S256',
    resource: 'https://mcp.example/mcp',
    prompt: 'consent',
  });
  expect(r.state).toMatch(/^[0-9a-f-]{36}$/);
  expect(r.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(r).toEqual({ url: r.url, state: r.state, redirectUri: 'https://host.example/cb', clientId: 'client-1', scope: 'read write', codeVerifier: r.codeVerifier, resource: 'https://mcp.example/mcp' });
  const again = buildAuthorizationRequest({ ...base, shape: { parameterOrder: ALL, sendsEmptyScope: false, pkce: 'S256' } });
  expect(again.state).not.toBe(r.state);
  expect(again.codeVerifier).not.toBe(r.codeVerifier);
});

test('a plugin host: no PKCE, no resource, only the parameters it sends, in its order', () => {
  const order: AuthorizeParameter[] = ['state', 'client_id', 'response_type', 'redirect_uri', 'scope'];
  const r = buildAuthorizationRequest({ ...base, shape: { parameterOrder: order, sendsEmptyScope: false, pkce: 'none' }, resource: 'https://ignored.example', prompt: 'login' });
  const url = new URL(r.url);
  expect([...url.searchParams.keys()]).toEqual(order);
  expect(r.codeVerifier).toBeUndefined();
  expect('codeVerifier' in r).toBe(false);
  // The resource is remembered for the token request even when the URL does not carry it.
  expect(r.resource).toBe('https://ignored.example');
});

test('an empty scope is left out unless the host sends scope= anyway', () => {
  const shape = { parameterOrder: ALL, pkce: 'none' as const };
  const without = new URL(buildAuthorizationRequest({ ...base, scope: '', shape: { ...shape, sendsEmptyScope: false } }).url);
  expect(without.searchParams.has('scope')).toBe(false);
  const withEmpty = buildAuthorizationRequest({ ...base, scope: '', shape: { ...shape, sendsEmptyScope: true } });
  expect(new URL(withEmpty.url).searchParams.get('scope')).toBe('');
  expect(withEmpty.scope).toBe('');
  // A non-empty scope is sent either way.
  expect(new URL(buildAuthorizationRequest({ ...base, shape: { ...shape, sendsEmptyScope: false } }).url).searchParams.get('scope')).toBe('read write');
});

test('no resource and no prompt: neither in the URL nor in the result', () => {
  const r = buildAuthorizationRequest({ ...base, shape: { parameterOrder: ALL, sendsEmptyScope: false, pkce: 'S256' } });
  const url = new URL(r.url);
  expect(url.searchParams.has('resource')).toBe(false);
  expect(url.searchParams.has('prompt')).toBe(false);
  expect('resource' in r).toBe(false);
});

test('parameters already in the authorization URL are kept; the host\'s own values replace a clashing one', () => {
  const r = buildAuthorizationRequest({
    ...base,
    authorizeUrl: 'https://as.example/authorize?tenant=t1&client_id=other&client_id=again',
    shape: { parameterOrder: ['response_type', 'client_id'], sendsEmptyScope: false, pkce: 'none' },
  });
  const url = new URL(r.url);
  expect([...url.searchParams]).toEqual([
    ['tenant', 't1'],
    ['response_type', 'code'],
    ['client_id', 'client-1'],
  ]);
});

test('probe overrides: null leaves a parameter out, a string replaces its value', () => {
  const r = buildAuthorizationRequest({
    ...base,
    authorizeUrl: 'https://as.example/authorize?state=preset',
    shape: { parameterOrder: ALL, sendsEmptyScope: false, pkce: 'S256' },
    overrides: { state: null, code_challenge_method: 'plain', scope: undefined },
  });
  const params = new URL(r.url).searchParams;
  // state: null drops the host's value but keeps what the URL itself carried.
  expect(params.getAll('state')).toEqual(['preset']);
  expect(params.get('code_challenge_method')).toBe('plain');
  expect(params.get('scope')).toBe('read write');
  expect(params.get('code_challenge')).toBe(s256Challenge(r.codeVerifier ?? ''));
});

test('the callback URL is read parameter by parameter, with repeats and every code', () => {
  expect(parseCallback('https://host.example/cb?code=c1&state=s1&iss=https%3A%2F%2Fas.example')).toEqual({
    url: 'https://host.example/cb?code=c1&state=s1&iss=https%3A%2F%2Fas.example',
    code: 'c1',
    state: 's1',
    error: null,
    errorDescription: null,
    iss: 'https://as.example',
    codes: ['c1'],
    repeated: [],
  });
  const denied = parseCallback('https://host.example/cb?error=access_denied&error_description=no+thanks&state=s&state=t&error=x&iss=a&iss=b&code=1&code=2');
  expect(denied).toMatchObject({ code: '1', state: 's', error: 'access_denied', errorDescription: 'no thanks', iss: 'a', codes: ['1', '2'] });
  expect(denied.repeated).toEqual(['code', 'state', 'error', 'iss']);
  expect(parseCallback('https://host.example/cb?error_description=a&error_description=b').repeated).toEqual([]);
});
