import { parse as parseYaml } from 'yaml';
import type { Fault } from '../../../examples/reference-plugin/options.ts';
import type { RunningReferencePlugin } from '../../../examples/reference-plugin/start.ts';
import { expect } from '../support/fixtures.ts';
import { at, request, type HttpResult } from '../support/http.ts';
import type { FaultCase } from './fault-case.ts';

const manifestOf = (plugin: RunningReferencePlugin) => request(`${plugin.url}/.well-known/ai-plugin.json`);
const openApiOf = (plugin: RunningReferencePlugin) => request(`${plugin.url}/openapi.yaml`);

function yamlOf(result: HttpResult): unknown {
  return parseYaml(result.text);
}

/** Every description and summary in the document, wherever it is. */
function descriptions(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    (key === 'description' || key === 'summary') && typeof child === 'string' ? [child] : descriptions(child),
  );
}

export const discoveryCases = {
  'manifest-text-plain': {
    async check(plugin, faulty) {
      const result = await manifestOf(plugin);
      expect(result.headers.get('content-type')).toMatch(faulty ? /^text\/plain/ : /^application\/json/);
      expect(at(result.json, 'schema_version')).toBe('v1');
    },
  },
  'manifest-not-json': {
    async check(plugin, faulty) {
      const result = await manifestOf(plugin);
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toMatch(/^application\/json/);
      if (faulty) {
        expect(result.json).toBeUndefined();
        expect(() => parseYaml(result.text)).toThrow();
      } else {
        expect(at(result.json, 'schema_version')).toBe('v1');
      }
    },
  },
  'manifest-missing-fields': {
    async check(plugin, faulty) {
      const { json } = await manifestOf(plugin);
      for (const field of ['api', 'name_for_model']) {
        if (faulty) expect(json).not.toHaveProperty(field);
        else expect(json).toHaveProperty(field);
      }
      expect(at(json, 'auth', 'type')).toBe('oauth');
    },
  },
  'manifest-over-limits': {
    async check(plugin, faulty) {
      const { json } = await manifestOf(plugin);
      const nameLength = String(at(json, 'name_for_human')).length;
      const descriptionLength = String(at(json, 'description_for_human')).length;
      if (faulty) {
        expect([nameLength, descriptionLength]).toEqual([30, 150]);
      } else {
        expect(nameLength).toBeLessThanOrEqual(20);
        expect(descriptionLength).toBeLessThanOrEqual(100);
      }
    },
  },
  'manifest-api-other-domain': {
    async check(plugin, faulty) {
      const { json } = await manifestOf(plugin);
      const host = faulty ? `localhost:${plugin.port}` : `127.0.0.1:${plugin.port}`;
      expect(at(json, 'api', 'url')).toBe(`http://${host}/openapi.yaml`);
      expect(at(json, 'auth', 'client_url')).toBe(`${plugin.url}/oauth/authorize`);
    },
  },
  'manifest-api-https-on-http-port': {
    async check(plugin, faulty) {
      const { json } = await manifestOf(plugin);
      expect(at(json, 'api', 'url')).toBe(`${faulty ? plugin.url.replace(/^http:/, 'https:') : plugin.url}/openapi.yaml`);
    },
  },
  'manifest-no-verification-token': {
    async check(plugin, faulty) {
      const { json } = await manifestOf(plugin);
      if (faulty) expect(at(json, 'auth')).not.toHaveProperty('verification_tokens');
      else expect(at(json, 'auth', 'verification_tokens')).toEqual({ openai: 'reference-verification-token' });
    },
  },
  'manifest-swapped-auth-urls': {
    async check(plugin, faulty) {
      const { json } = await manifestOf(plugin);
      const authorize = `${plugin.url}/oauth/authorize`;
      const token = `${plugin.url}/oauth/token`;
      expect(at(json, 'auth', 'client_url')).toBe(faulty ? token : authorize);
      expect(at(json, 'auth', 'authorization_url')).toBe(faulty ? authorize : token);
    },
  },
  'openapi-unreachable': {
    async check(plugin, faulty) {
      for (const path of ['/openapi.yaml', '/openapi.json']) {
        expect((await request(`${plugin.url}${path}`)).status).toBe(faulty ? 404 : 200);
      }
      expect((await manifestOf(plugin)).status).toBe(200);
    },
  },
  'openapi-invalid': {
    async check(plugin, faulty) {
      const document = yamlOf(await openApiOf(plugin));
      if (faulty) expect(document).toEqual({ hello: 'world' });
      else expect(at(document, 'openapi')).toBe('3.0.1');
    },
  },
  'openapi-over-limits': {
    async check(plugin, faulty) {
      const document = yamlOf(await openApiOf(plugin));
      const longest = Math.max(...descriptions(document).map((text) => text.length));
      expect(longest).toBe(faulty ? 250 : longest);
      if (faulty) expect(String(at(document, 'paths', '/todos', 'get', 'description')).length).toBe(250);
      else expect(longest).toBeLessThanOrEqual(200);
    },
  },
  'openapi-server-mismatch': {
    async check(plugin, faulty) {
      const document = yamlOf(await openApiOf(plugin));
      expect(at(document, 'servers', 0, 'url')).toBe(faulty ? 'https://api.example.net' : plugin.url);
      expect(at(document, 'paths', '/todos', 'get', 'operationId')).toBe('listTodos');
    },
  },
  'manifest-not-found': {
    async check(plugin, faulty) {
      expect((await manifestOf(plugin)).status).toBe(faulty ? 404 : 200);
      expect((await openApiOf(plugin)).status).toBe(200);
    },
  },
  'manifest-stale-verification-token': {
    async check(plugin, faulty) {
      const { json } = await manifestOf(plugin);
      const expected = faulty ? 'stale-reference-verification-token' : 'reference-verification-token';
      expect(at(json, 'auth', 'verification_tokens', 'openai')).toBe(expected);
    },
  },
  'openapi-http-server': {
    async check(plugin, faulty) {
      const document = yamlOf(await openApiOf(plugin));
      expect(at(document, 'servers', 0, 'url')).toBe(faulty ? 'http://api.example.net' : plugin.url);
    },
  },
  'openapi-without-security': {
    async check(plugin, faulty) {
      const document = yamlOf(await openApiOf(plugin));
      if (faulty) {
        expect(at(document, 'security')).toBeUndefined();
        for (const [path, method] of [['/todos', 'get'], ['/todos', 'post'], ['/todos/{id}', 'delete'], ['/me', 'get']] as const) {
          expect(at(document, 'paths', path, method, 'security')).toBeUndefined();
        }
      } else expect(at(document, 'security')).toEqual([{ oauth: [] }]);
      // The API needs the token all the same.
      expect((await request(`${plugin.url}/todos`)).status).toBe(401);
    },
  },
  'operation-without-security': {
    async check(plugin, faulty) {
      const document = yamlOf(await openApiOf(plugin));
      const securityOf = (path: string, method: string) => at(document, 'paths', path, method, 'security');
      if (faulty) {
        expect(at(document, 'security')).toBeUndefined();
        for (const [path, method] of [['/todos', 'get'], ['/todos', 'post'], ['/todos/{id}', 'delete']] as const) {
          expect(securityOf(path, method)).toEqual([{ oauth: [] }]);
        }
      } else {
        expect(at(document, 'security')).toEqual([{ oauth: [] }]);
        expect(securityOf('/todos', 'get')).toBeUndefined();
      }
      expect(securityOf('/me', 'get')).toBeUndefined();
      // Only the document changes: the API still wants a token.
      expect((await request(`${plugin.url}/me`)).status).toBe(401);
    },
  },
  'token-url-other-domain': {
    async check(plugin, faulty) {
      const settings = plugin.actionSettings();
      expect(settings.tokenUrl).toBe(faulty ? `http://localhost:${plugin.port}/oauth/token` : `${plugin.url}/oauth/token`);
      expect(settings.authorizationUrl).toBe(`${plugin.url}/oauth/authorize`);
      expect(settings.openapiUrl).toBe(`${plugin.url}/openapi.yaml`);
      // The manifest, which a plugin host reads instead, is not the fault's.
      expect(at((await manifestOf(plugin)).json, 'auth', 'authorization_url')).toBe(`${plugin.url}/oauth/token`);
    },
  },
} satisfies Partial<Record<Fault, FaultCase>>;
