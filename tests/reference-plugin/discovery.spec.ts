import { parse as parseYaml } from 'yaml';
import { DEFAULT_REDIRECT_URI } from '../../examples/reference-plugin/options.ts';
import { expect, test } from './support/fixtures.ts';
import { at, getWithHost, request } from './support/http.ts';

test.describe('discovery: manifest and OpenAPI', () => {
  test('serves a complete v1 OAuth manifest with URLs on the request origin', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const result = await request(`${plugin.url}/.well-known/ai-plugin.json`);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(result.json).toEqual({
      schema_version: 'v1',
      name_for_human: 'Reference Todos',
      name_for_model: 'reference_todos',
      description_for_human: expect.any(String),
      description_for_model: expect.any(String),
      auth: {
        type: 'oauth',
        client_url: `${plugin.url}/oauth/authorize`,
        scope: 'todos:read todos:write',
        authorization_url: `${plugin.url}/oauth/token`,
        authorization_content_type: 'application/json',
        verification_tokens: { openai: 'reference-verification-token' },
      },
      api: { type: 'openapi', url: `${plugin.url}/openapi.yaml`, is_user_authenticated: false },
      logo_url: `${plugin.url}/logo.png`,
      contact_email: 'support@example.com',
      legal_info_url: `${plugin.url}/legal`,
    });
    expect(String(at(result.json, 'description_for_human')).length).toBeLessThanOrEqual(100);
    expect(String(at(result.json, 'name_for_human')).length).toBeLessThanOrEqual(20);
  });

  test('manifest follows the options and the Host header', async ({ startPlugin }) => {
    const plugin = await startPlugin({
      scope: 'todos:read',
      contentType: 'application/x-www-form-urlencoded',
      verificationToken: 'vt-42',
    });
    const viaLocalhost = `http://localhost:${plugin.port}`;
    const result = await getWithHost(`${plugin.url}/.well-known/ai-plugin.json`, `localhost:${plugin.port}`);
    expect(at(result.json, 'auth')).toMatchObject({
      scope: 'todos:read',
      authorization_content_type: 'application/x-www-form-urlencoded',
      verification_tokens: { openai: 'vt-42' },
      client_url: `${viaLocalhost}/oauth/authorize`,
    });
  });

  test('serves OpenAPI 3.0.1 as YAML and JSON with the four operations, global OAuth security and short descriptions', async ({
    startPlugin,
  }) => {
    const plugin = await startPlugin();
    const yaml = await request(`${plugin.url}/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(yaml.text).not.toContain('*a'); // no YAML aliases
    const fromYaml: unknown = parseYaml(yaml.text);
    const json = await request(`${plugin.url}/openapi.json`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.json).toEqual(fromYaml);

    expect(at(fromYaml, 'openapi')).toBe('3.0.1');
    expect(at(fromYaml, 'servers')).toEqual([{ url: plugin.url }]);
    expect(at(fromYaml, 'security')).toEqual([{ oauth: [] }]);
    expect(at(fromYaml, 'components', 'securitySchemes', 'oauth', 'type')).toBe('oauth2');
    const operations = [
      ['/todos', 'get', 'listTodos'],
      ['/todos', 'post', 'addTodo'],
      ['/todos/{id}', 'delete', 'deleteTodo'],
      ['/me', 'get', 'getProfile'],
    ] as const;
    for (const [path, method, operationId] of operations) {
      expect(at(fromYaml, 'paths', path, method, 'operationId')).toBe(operationId);
    }
    const descriptions = [...yaml.text.matchAll(/^\s+(?:description|summary): (.*)$/gm)].map((match) => match[1] ?? '');
    expect(descriptions.length).toBeGreaterThan(8);
    for (const description of descriptions) expect(description.length).toBeLessThanOrEqual(200);
  });

  test('serves a PNG logo, a legal page, a health check and JSON 404s', async ({ startPlugin }) => {
    const plugin = await startPlugin();
    const logo = await fetch(`${plugin.url}/logo.png`);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await logo.arrayBuffer()).subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const legal = await request(`${plugin.url}/legal`);
    expect(legal.status).toBe(200);
    expect(legal.text).toContain('Legal information');
    const health = await request(`${plugin.url}/healthz`);
    expect([health.status, health.text]).toEqual([200, 'ok']);
    const missing = await request(`${plugin.url}/nope`);
    expect([missing.status, missing.json]).toEqual([404, { error: 'not_found' }]);
  });

  test('the default redirect URI is the production ChatGPT callback', () => {
    expect(DEFAULT_REDIRECT_URI).toBe(
      'https://chat.openai.com/aip/plugin-00000000-0000-4000-8000-000000000000/oauth/callback',
    );
  });
});
