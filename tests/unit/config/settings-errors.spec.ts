import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ConfigError } from '../../../mock-host/config/config-error.ts';
import { loadSettings } from '../../../mock-host/config/settings.ts';

// Every kind of bad input gives one ConfigError (exit code 2) whose message names the setting or file (with the
// line for a file), shows what was given and says what is expected, and never repeats a secret.

interface BadInput {
  name: string;
  env?: Record<string, string>;
  /** A config file, passed through PLUGIN_CONFIG. */
  file?: string;
  /** Each must appear in the message. */
  says: (string | RegExp)[];
  /** Must not appear in the message. */
  secret?: string;
}

const SECRET = 'hunter2-secret-value';

const CASES: BadInput[] = [
  { name: 'URL of another scheme', env: { PLUGIN_URL: 'ftp://example.test' }, says: ['PLUGIN_URL (environment)', 'expected an http:// or https:// URL', 'got "ftp://example.test"'] },
  { name: 'credentials written into a bad URL', env: { PLUGIN_URL: `ftp://user:${SECRET}@example.test` }, says: ['PLUGIN_URL', 'got "ftp://***@example.test"'], secret: SECRET },
  { name: 'credentials written into a good URL', env: { PLUGIN_URL: `https://user:${SECRET}@example.test` }, says: ['PLUGIN_URL', 'expected a URL without user:password@', 'got "https://***@example.test"'], secret: SECRET },
  { name: 'unknown profile', env: { PLUGIN_PROFILE: 'chatgpt' }, says: ['PLUGIN_PROFILE', 'got "chatgpt"', /expected one of "chatgpt-plugin"\|"gpt-action"/] },
  { name: 'malformed plugin id', env: { PLUGIN_ID: 'abc' }, says: ['PLUGIN_ID', 'got "abc"', 'expected "plugin-<uuid>"'] },
  { name: 'unknown redirect mode', env: { PLUGIN_REDIRECT: 'sideways' }, says: ['PLUGIN_REDIRECT', 'got "sideways"', /"production"\|"local"/] },
  { name: 'operationId with a space', env: { PLUGIN_OPERATION: 'list todos' }, says: ['PLUGIN_OPERATION', 'got "list todos"', 'expected an operationId'] },
  { name: 'unknown provider', env: { PLUGIN_PROVIDER: 'myspace' }, says: ['PLUGIN_PROVIDER', 'got "myspace"', /"google"/] },
  { name: 'OpenAPI URL that is not a URL', env: { PLUGIN_OPENAPI_URL: 'openapi.yaml' }, says: ['PLUGIN_OPENAPI_URL', 'got "openapi.yaml"', 'expected an http'] },
  { name: 'javascript: authorization URL', env: { PLUGIN_AUTHORIZATION_URL: 'javascript:alert(1)' }, says: ['PLUGIN_AUTHORIZATION_URL', 'got "javascript:alert(1)"', 'expected an http'] },
  { name: 'token URL (a URL, shown)', env: { PLUGIN_TOKEN_URL: 'ftp://token.example' }, says: ['PLUGIN_TOKEN_URL', 'got "ftp://token.example"'] },
  { name: 'unknown token exchange method', env: { PLUGIN_TOKEN_EXCHANGE_METHOD: 'basic' }, says: ['PLUGIN_TOKEN_EXCHANGE_METHOD', 'got "basic"', /"default_post"\|"basic_auth_header"/] },
  { name: 'expiry wait not a number', env: { PLUGIN_EXPIRY_WAIT_MAX_SECONDS: 'soon' }, says: ['PLUGIN_EXPIRY_WAIT_MAX_SECONDS', 'got "soon"', 'expected number'] },
  { name: 'expiry wait out of range', env: { PLUGIN_EXPIRY_WAIT_MAX_SECONDS: '99999' }, says: ['PLUGIN_EXPIRY_WAIT_MAX_SECONDS', 'got "99999"', '<=3600'] },
  { name: 'expiry wait not whole', env: { PLUGIN_EXPIRY_WAIT_MAX_SECONDS: '1.5' }, says: ['PLUGIN_EXPIRY_WAIT_MAX_SECONDS', 'expected whole seconds'] },
  { name: 'unknown fail-on level', env: { PLUGIN_FAIL_ON: 'always' }, says: ['PLUGIN_FAIL_ON', 'got "always"', /"error"\|"warning"\|"never"/] },
  { name: 'login script that does not exist', env: { PLUGIN_LOGIN_SCRIPT: 'no/such/login.mjs' }, says: ['PLUGIN_LOGIN_SCRIPT', 'file not found: no/such/login.mjs'] },
  { name: 'storage state that does not exist', env: { PLUGIN_STORAGE_STATE: 'no/such/state.json' }, says: ['PLUGIN_STORAGE_STATE', 'file not found: no/such/state.json'] },
  { name: 'blank reports dir', env: { PLUGIN_REPORTS_DIR: '   ' }, says: ['PLUGIN_REPORTS_DIR', 'must not be empty'] },
  { name: 'gpt-action without its OpenAPI URL', env: { PLUGIN_PROFILE: 'gpt-action', PLUGIN_URL: 'https://a.example' }, says: ['PLUGIN_OPENAPI_URL', 'required with PLUGIN_PROFILE=gpt-action'] },
  { name: 'config file that does not exist', env: { PLUGIN_CONFIG: 'no-such-config.json' }, says: ['PLUGIN_CONFIG', 'file not found: no-such-config.json'] },
  {
    name: 'config file with a JSON syntax error next to a secret',
    file: `{\n  "PLUGIN_URL": "https://a.example",\n  "PLUGIN_CLIENT_SECRET": ${SECRET}\n}\n`,
    says: [/config\.json: is not valid JSON/, 'line 3, column 27'],
    secret: SECRET.slice(0, 6),
  },
  { name: 'config file with a comment', file: `{\n  // the plugin\n  "PLUGIN_URL": "https://a.example"\n}\n`, says: ['is not valid JSON', 'line 2'] },
  { name: 'config file that is a list', file: '["PLUGIN_URL"]', says: ['config.json', 'expected a JSON object of PLUGIN_* settings'] },
  { name: 'config file with an unknown key', file: `{\n  "PLUGIN_URL": "https://a.example",\n  "PLUGIN_CLIENTSECRET": "${SECRET}"\n}\n`, says: [/config\.json:3: unknown setting PLUGIN_CLIENTSECRET/, 'expected one of'], secret: SECRET },
  { name: 'config file with a value of the wrong type', file: `{\n  "PLUGIN_URL": "https://a.example",\n  "PLUGIN_EXPIRY_WAIT_MAX_SECONDS": [1]\n}\n`, says: [/config\.json:3: PLUGIN_EXPIRY_WAIT_MAX_SECONDS: expected a string or a number; got \[1\]/] },
  { name: 'config file with a count that is not a whole number', file: `{\n  "PLUGIN_EXPIRY_WAIT_MAX_SECONDS": 2.5\n}\n`, says: [/PLUGIN_EXPIRY_WAIT_MAX_SECONDS \(.*config\.json:2\): expected whole seconds; got 2\.5/] },
  { name: 'config file with a secret of the wrong type', file: `{\n  "PLUGIN_CLIENT_SECRET": ["${SECRET}"]\n}\n`, says: [/config\.json:2: PLUGIN_CLIENT_SECRET: expected a string or a number; got a value \(hidden\)/], secret: SECRET },
  { name: 'config file with a number as the secret', file: `{\n  "PLUGIN_CLIENT_SECRET": 4242424242\n}\n`, says: [/PLUGIN_CLIENT_SECRET \(.*config\.json:2\): .*expected string/, 'got a value (hidden)'], secret: '4242424242' },
  { name: 'blank password in the config file', file: `{ "PLUGIN_LOGIN_PASSWORD": "   " }`, says: ['PLUGIN_LOGIN_PASSWORD', 'must not be empty', 'got a value (hidden)'] },
];

function configError(input: BadInput): ConfigError {
  const dir = mkdtempSync(join(tmpdir(), 'settings-errors-'));
  const env: Record<string, string> = { ...input.env };
  if (input.file !== undefined) {
    writeFileSync(join(dir, 'config.json'), input.file);
    env.PLUGIN_CONFIG = 'config.json';
  }
  try {
    loadSettings(env, dir);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`${input.name}: loadSettings accepted it`);
}

for (const input of CASES) {
  test(`bad input: ${input.name}`, () => {
    const err = configError(input);
    expect(err.exitCode).toBe(2);
    for (const part of input.says) {
      if (typeof part === 'string') expect(err.message).toContain(part);
      else expect(err.message).toMatch(part);
    }
    if (input.secret) expect(err.message).not.toContain(input.secret);
  });
}
