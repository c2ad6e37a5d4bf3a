import { test, expect } from '@playwright/test';
import { parseOpenApi, toApiOperations } from '../../../mock-host/plugin/openapi.ts';
import { parseStructuredText } from '../../../mock-host/text/structured-text.ts';
import { conformantOpenApiYaml, ORIGIN } from './fixtures.ts';

const source = (text: string, extra: { contentType?: string; documentUrl?: string } = {}) => ({
  text,
  documentUrl: extra.documentUrl ?? `${ORIGIN}/openapi.yaml`,
  fallbackOrigin: ORIGIN,
  ...(extra.contentType ? { contentType: extra.contentType } : {}),
});

const minimal = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: {} } } }, ...extra });

test.describe('parseOpenApi', () => {
  test('lists the operations of a YAML document with refs, path parameters and security', () => {
    const result = parseOpenApi(source(conformantOpenApiYaml(), { contentType: 'application/yaml' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(toApiOperations(result.spec)).toEqual([
      { operationId: 'listTodos', method: 'GET', path: '/todos', serverUrl: ORIGIN, needsInput: false, requiresAuth: true, summary: 'List todos', description: "List the signed-in user's todos." },
      { operationId: 'addTodo', method: 'POST', path: '/todos', serverUrl: ORIGIN, needsInput: true, requiresAuth: true, summary: 'Add a todo' },
      { operationId: 'deleteTodo', method: 'DELETE', path: '/todos/{id}', serverUrl: ORIGIN, needsInput: true, requiresAuth: true, summary: 'Delete a todo' },
      { operationId: 'GET /health', method: 'GET', path: '/health', serverUrl: ORIGIN, needsInput: false, requiresAuth: false, summary: 'Liveness' },
    ]);
    expect(result.spec.operations[2]?.parameters).toEqual([{ name: 'id', in: 'path', required: true, description: 'The id of the todo.' }]);
  });

  test('server URLs: relative ones resolve against the document, variables take their defaults, none falls back to the origin', () => {
    const relative = parseOpenApi(source(minimal({ servers: [{ url: '/api/v1/' }] }), { documentUrl: 'https://api.example.com/specs/openapi.json' }));
    expect(relative.ok && relative.spec.serverUrl).toBe('https://api.example.com/api/v1');
    const templated = parseOpenApi(source(minimal({ servers: [{ url: 'https://{region}.example.com', variables: { region: { default: 'eu' } } }] })));
    expect(templated.ok && templated.spec.serverUrl).toBe('https://eu.example.com');
    const none = parseOpenApi(source(minimal()));
    expect(none.ok && none.spec.serverUrl).toBe(ORIGIN);
    expect(none.ok && none.spec.declaredServerUrl).toBe(undefined);
  });

  test('security: operation-level wins, [] opts out, [{}] means anonymous, global applies otherwise', () => {
    const doc = JSON.stringify({
      openapi: '3.0.3',
      security: [{ oauth: [] }],
      paths: {
        '/a': { get: { responses: {} }, post: { security: [], responses: {} }, put: { security: [{}], responses: {} } },
      },
    });
    const result = parseOpenApi(source(doc));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.operations.map((o) => [o.method, o.requiresAuth, o.securitySource])).toEqual([
      ['GET', true, 'global'],
      ['POST', false, 'operation'],
      ['PUT', false, 'operation'],
    ]);
  });

  const invalid: [string, string, RegExp][] = [
    ['Swagger 2.0', JSON.stringify({ swagger: '2.0', paths: {} }), /Swagger 2\.0/],
    ['an unquoted YAML version', 'openapi: 3.1\npaths: {}', /number 3\.1/],
    ['OpenAPI 4', JSON.stringify({ openapi: '4.0.0', paths: {} }), /not 3\.x/],
    ['no operations', JSON.stringify({ openapi: '3.0.0', paths: { '/a': {} } }), /no operations/],
    ['no paths', JSON.stringify({ openapi: '3.0.0' }), /paths/],
    ['a list', '[1,2]', /expected an OpenAPI object, got a list/],
    ['a bad parameter', JSON.stringify({ openapi: '3.0.0', paths: { '/a': { get: { parameters: [{ in: 'query' }] } } } }), /paths\.\/a\.get\.parameters\.0\.name/],
    ['a javascript: server', minimal({ servers: [{ url: 'javascript:alert(1)' }] }), /javascript: URL/],
    ['broken JSON', '{"openapi": "3.0.0",', /not parseable as JSON/],
    ['broken YAML', 'openapi: "3.0.0"\npaths: [\n', /not parseable as YAML/],
    ['an empty body', '  ', /empty/],
    ['{"hello":"world"}', '{"hello":"world"}', /openapi: missing/],
  ];
  for (const [name, text, reason] of invalid) {
    test(`rejects ${name}`, () => {
      const result = parseOpenApi(source(text));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    });
  }

  test('a truncated body is reported as cut off, not parsed', () => {
    const result = parseOpenApi({ ...source(minimal()), truncatedAtBytes: 2_000_000 });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/larger than 2,000,000 bytes/) });
  });
});

test.describe('hostile documents', () => {
  test('a 5,000-deep JSON document is refused quickly', () => {
    const started = performance.now();
    const deep = `{"openapi":"3.0.0","paths":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const result = parseOpenApi(source(deep, { contentType: 'application/json' }));
    expect(result).toEqual({ ok: false, reason: 'the JSON is nested more than 64 levels deep' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a 5,000-deep YAML document fails without a crash', () => {
    const result = parseOpenApi(source(`openapi: 3.0.0\npaths: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, { contentType: 'application/yaml' }));
    expect(result.ok).toBe(false);
  });

  test('a self-referencing YAML alias is cut at the depth limit', () => {
    const result = parseOpenApi(source('openapi: 3.0.0\npaths: &p\n  /a: { get: { x: *p } }\n'));
    expect(result).toEqual({ ok: false, reason: 'the YAML is nested more than 64 levels deep' });
  });

  test('a YAML alias bomb is stopped at the alias budget', () => {
    let bomb = 'openapi: "3.0.0"\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    bomb += 'paths: { "/x": { get: { summary: *a9 } } }\n';
    const started = performance.now();
    const result = parseOpenApi(source(bomb, { contentType: 'text/yaml' }));
    expect(result).toEqual({ ok: false, reason: 'the YAML expands more than 100 aliases (a YAML "billion laughs" document)' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('content type first, then the other format', () => {
    expect(parseStructuredText('openapi: "3.0.0"', 'application/json')).toMatchObject({ ok: true, format: 'yaml' });
    expect(parseStructuredText('{"a":1}', 'text/plain')).toMatchObject({ ok: true, format: 'json' });
    // Plain text also reads as a YAML string; the JSON syntax error is the more useful report.
    expect(parseStructuredText('{"a":', 'application/json')).toMatchObject({ ok: false, format: 'json', kind: 'syntax' });
  });
});
