import { test, expect } from '@playwright/test';
import { checkActionDomains } from '../../../mock-host/checks/discovery/action-domains.ts';
import { checkOpenApiReachable, checkOpenApiValid } from '../../../mock-host/checks/discovery/openapi-document.ts';
import { checkOpenApiLimits } from '../../../mock-host/checks/discovery/openapi-limits.ts';
import { checkOperationSecurity } from '../../../mock-host/checks/discovery/openapi-security.ts';
import { checkOpenApiServer } from '../../../mock-host/checks/discovery/openapi-servers.ts';
import { parseOpenApi } from '../../../mock-host/plugin/openapi.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { conformantOpenApiYaml, ORIGIN, outcome, REF, response, specOf } from './fixtures.ts';

const plugin = PROFILES['chatgpt-plugin'];
const action = PROFILES['gpt-action'];
const openapiUrl = `${ORIGIN}/openapi.yaml`;

const docWith = (operation: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ openapi: '3.0.3', paths: { '/todos': { get: { operationId: 'listTodos', responses: {}, ...operation } } }, ...extra });

test.describe('OPENAPI_UNREACHABLE and OPENAPI_INVALID', () => {
  test('a 404 and a timeout are unreachable; a 200 is not', () => {
    const notFound = response(404, '{"error":"not_found"}');
    expect(checkOpenApiReachable({ fetch: { kind: 'response', outcome: outcome('x2', openapiUrl, notFound), response: notFound, url: openapiUrl }, ref: { id: 'x2' }, timeoutMs: 15_000 })).toMatchObject([
      { code: 'OPENAPI_UNREACHABLE', message: `The OpenAPI document cannot be fetched: GET ${openapiUrl} answered 404`, evidence: ['x2'] },
    ]);
    const timeout = { kind: 'timeout' as const, message: 'slow' };
    expect(checkOpenApiReachable({ fetch: { kind: 'error', outcome: outcome('x2', openapiUrl, { error: timeout }), url: openapiUrl, error: timeout }, ref: REF, timeoutMs: 250 })[0]?.message).toMatch(/within the host's 0\.3 s limit/);
    const ok = response(200, 'openapi: 3.0.0');
    expect(checkOpenApiReachable({ fetch: { kind: 'response', outcome: outcome('x2', openapiUrl, ok), response: ok, url: openapiUrl }, ref: REF, timeoutMs: 15_000 })).toEqual([]);
  });

  test('an unreadable document is invalid with the reason; a valid one is not', () => {
    const bad = parseOpenApi({ text: '{"hello":"world"}', documentUrl: openapiUrl, fallbackOrigin: ORIGIN });
    expect(checkOpenApiValid({ result: bad, url: openapiUrl, ref: REF })).toMatchObject([
      { code: 'OPENAPI_INVALID', message: `The OpenAPI document at ${openapiUrl} is unusable: openapi: missing; expected a version string like "3.1.0"`, reproduce: REF.curl },
    ]);
    const good = parseOpenApi({ text: conformantOpenApiYaml(), documentUrl: openapiUrl, fallbackOrigin: ORIGIN });
    expect(checkOpenApiValid({ result: good, url: openapiUrl, ref: REF })).toEqual([]);
  });
});

test.describe('OPENAPI_LIMITS', () => {
  test('the conformant document is within both profiles', () => {
    expect(checkOpenApiLimits({ spec: specOf(conformantOpenApiYaml()), limits: plugin.limits, ref: REF })).toEqual([]);
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a long description', { description: 'd'.repeat(250) }, /^the description of listTodos \(GET \/todos\) is 250 characters .*; the host allows 200$/],
    ['a long summary', { summary: 's'.repeat(201) }, /^the summary of listTodos \(GET \/todos\) is 201 characters/],
    ['a long parameter description', { parameters: [{ name: 'q', in: 'query', description: 'p'.repeat(201) }] }, /^the description of query parameter "q" of listTodos \(GET \/todos\) is 201 characters/],
  ];
  for (const [name, operation, message] of cases) {
    test(`flags ${name} on the plugin profile`, () => {
      const drafts = checkOpenApiLimits({ spec: specOf(docWith(operation)), limits: plugin.limits, ref: REF });
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ code: 'OPENAPI_LIMITS', evidence: ['x1'] });
      expect(drafts[0]?.message).toMatch(message);
    });
  }

  test('the action profile allows 300 / 700', () => {
    const spec = specOf(docWith({ description: 'd'.repeat(250), parameters: [{ name: 'q', in: 'query', description: 'p'.repeat(600) }] }));
    expect(checkOpenApiLimits({ spec, limits: action.limits, ref: REF })).toEqual([]);
    expect(checkOpenApiLimits({ spec, limits: plugin.limits, ref: REF })).toHaveLength(2);
  });
});

test.describe('OPENAPI_SERVER_MISMATCH', () => {
  test('a server on the root domain or a subdomain passes; none passes (calls go to the origin)', () => {
    expect(checkOpenApiServer({ spec: specOf(conformantOpenApiYaml()), rootDomain: '127.0.0.1', ref: REF })).toEqual([]);
    expect(checkOpenApiServer({ spec: specOf(docWith({}, { servers: [{ url: 'https://api.example.com/v1' }] })), rootDomain: 'example.com', ref: REF })).toEqual([]);
    expect(checkOpenApiServer({ spec: specOf(docWith({})), rootDomain: '127.0.0.1', ref: REF })).toEqual([]);
  });

  test('a server elsewhere is flagged with both hosts', () => {
    const drafts = checkOpenApiServer({ spec: specOf(docWith({}, { servers: [{ url: 'https://api.example.net' }] })), rootDomain: '127.0.0.1', ref: REF });
    expect(drafts).toMatchObject([{ code: 'OPENAPI_SERVER_MISMATCH', evidence: ['x1'] }]);
    expect(drafts[0]?.message).toBe('servers[0].url https://api.example.net resolves to api.example.net, not on the root domain 127.0.0.1: every call would go there');
  });

  test('localhost is another root than 127.0.0.1', () => {
    expect(checkOpenApiServer({ spec: specOf(conformantOpenApiYaml('http://localhost:4100')), rootDomain: '127.0.0.1', ref: REF })).toHaveLength(1);
  });
});

test.describe('OPENAPI_NO_SECURITY', () => {
  const unsecured = docWith({}, { paths: { '/todos': { get: { operationId: 'listTodos', responses: {} }, post: { operationId: 'addTodo', security: [], responses: {} } } } });

  test('flags operations without any requirement when the host needs one and the API has user auth', () => {
    const drafts = checkOperationSecurity({ spec: specOf(unsecured), authType: 'oauth', required: true, ref: REF });
    expect(drafts).toMatchObject([{ code: 'OPENAPI_NO_SECURITY', evidence: ['x1'] }]);
    // addTodo opted out explicitly with `security: []` and is not listed.
    expect(drafts[0]?.message).toBe("1 of 2 operations have no security requirement, so the host calls them without the user's oauth token: listTodos (GET /todos)");
  });

  test('not on the plugin profile, not without auth, not when covered', () => {
    expect(checkOperationSecurity({ spec: specOf(unsecured), authType: 'oauth', required: plugin.requiresOperationSecurity, ref: REF })).toEqual([]);
    expect(checkOperationSecurity({ spec: specOf(unsecured), authType: 'none', required: true, ref: REF })).toEqual([]);
    expect(checkOperationSecurity({ spec: specOf(conformantOpenApiYaml()), authType: 'oauth', required: true, ref: REF })).toEqual([]);
  });
});

test.describe('ACTION_DOMAIN_MISMATCH', () => {
  const rule = action.oauthDomainRule;
  test('same registrable domain or an exempt sign-in domain passes', () => {
    expect(checkActionDomains({ authorizeUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://example.com/token', apiUrl: 'https://api.example.com', rule, ref: REF })).toEqual([]);
    expect(checkActionDomains({ authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth', tokenUrl: 'https://oauth2.googleapis.com/token', apiUrl: 'https://api.example.com', rule, ref: REF })).toEqual([]);
  });

  test('a token URL on another domain is flagged', () => {
    const drafts = checkActionDomains({ authorizeUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://tenant.auth0.com/oauth/token', apiUrl: 'https://api.example.com', rule, ref: REF });
    expect(drafts).toMatchObject([{ code: 'ACTION_DOMAIN_MISMATCH' }]);
    expect(drafts[0]?.message).toBe('Token URL https://tenant.auth0.com/oauth/token is on auth0.com, but the API host api.example.com is on example.com; the GPT editor refuses this ("must share a root domain")');
  });

  test('not checked when the profile has no such rule', () => {
    expect(checkActionDomains({ authorizeUrl: 'https://a.other.net/', tokenUrl: 'https://b.other.net/', apiUrl: 'https://api.example.com', rule: plugin.oauthDomainRule, ref: REF })).toEqual([]);
  });
});

test.describe('hostile sizes', () => {
  test('thousands of over-long descriptions become 21 drafts, names clipped', () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) paths[`/${'p'.repeat(300)}${i}`] = { get: { operationId: `op${i}`, description: 'd'.repeat(201), responses: {} } };
    const drafts = checkOpenApiLimits({ spec: specOf(JSON.stringify({ openapi: '3.0.0', paths })), limits: plugin.limits, ref: REF });
    expect(drafts).toHaveLength(21);
    expect(drafts[20]?.message).toBe('…and 1980 more descriptions over the limit not listed separately');
    expect(Math.max(...drafts.map((d) => d.message.length))).toBeLessThan(300);
  });
});
