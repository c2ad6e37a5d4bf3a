import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { toAuthConfig } from '../../../mock-host/plugin/auth-config.ts';
import { manifestAuthSchema, manifestJsonSchema } from '../../../mock-host/plugin/manifest-schema.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { conformantManifest } from './fixtures.ts';

test.describe('manifest schema', () => {
  test('the published ai-plugin.schema.json is current (regenerate: npx tsx mock-host/plugin/write-schema.ts)', () => {
    const published: unknown = JSON.parse(readFileSync(new URL('../../../mock-host/plugin/ai-plugin.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(manifestJsonSchema());
  });

  test('the JSON schema keeps auth as a oneOf over the four types and allows extra fields', () => {
    const schema = manifestJsonSchema() as { properties: { auth: { oneOf: { properties: { type: { const: string } } }[] } }; additionalProperties: unknown };
    expect(schema.properties.auth.oneOf.map((o) => o.properties.type.const)).toEqual(['none', 'user_http', 'service_http', 'oauth']);
    expect(schema.additionalProperties).toEqual({});
  });
});

test.describe('toAuthConfig', () => {
  const oauth = manifestAuthSchema.parse(conformantManifest().auth);

  test('oauth: client_url is the authorize page, authorization_url the token endpoint', () => {
    expect(toAuthConfig(oauth, PROFILES['chatgpt-plugin'])).toEqual({
      type: 'oauth',
      authorizeUrl: 'http://127.0.0.1:4100/oauth/authorize',
      tokenUrl: 'http://127.0.0.1:4100/oauth/token',
      scope: 'todos:read todos:write',
      tokenBodyEncoding: 'json',
      verificationTokens: { openai: 'verif-0123456789abcdef' },
    });
  });

  test('a profile that always sends forms wins over the manifest content type', () => {
    expect(toAuthConfig(oauth, PROFILES['gpt-action'])).toMatchObject({ tokenBodyEncoding: 'form' });
  });

  test('http auth types keep their authorization type; missing tokens become {}', () => {
    expect(toAuthConfig(manifestAuthSchema.parse({ type: 'service_http', authorization_type: 'basic' }), PROFILES['chatgpt-plugin'])).toEqual({
      type: 'service_http',
      authorizationType: 'basic',
      verificationTokens: {},
    });
    expect(toAuthConfig(manifestAuthSchema.parse({ type: 'user_http', authorization_type: 'bearer' }), PROFILES['chatgpt-plugin'])).toEqual({ type: 'user_http', authorizationType: 'bearer' });
    expect(toAuthConfig({ type: 'none' }, PROFILES['chatgpt-plugin'])).toEqual({ type: 'none' });
  });
});
