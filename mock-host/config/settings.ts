import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error.ts';

export const DEFAULT_PLUGIN_ID = 'plugin-00000000-0000-4000-8000-000000000000';
export const CONFIG_FILE_NAME = 'plugin-conformance.config.json';

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^/\s]+/i.test(v) && URL.canParse(v), 'expected an http:// or https:// URL');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Every setting of DESIGN.md, by its environment variable name. */
export const settingsSchema = z
  .object({
    PLUGIN_URL: httpUrl.optional(),
    PLUGIN_PROFILE: z.enum(['chatgpt-plugin', 'gpt-action']).default('chatgpt-plugin'),
    PLUGIN_CLIENT_ID: nonEmpty.optional(),
    PLUGIN_CLIENT_SECRET: nonEmpty.optional(),
    PLUGIN_ID: z
      .string()
      .trim()
      .regex(/^(plugin-|g-)[A-Za-z0-9-]+$/, 'expected "plugin-<uuid>" (plugins) or "g-<hex>" (GPT Actions)')
      .default(DEFAULT_PLUGIN_ID),
    PLUGIN_REDIRECT: z.enum(['production', 'local']).default('production'),
    PLUGIN_LOGIN_USERNAME: nonEmpty.optional(),
    PLUGIN_LOGIN_PASSWORD: nonEmpty.optional(),
    PLUGIN_LOGIN_SCRIPT: nonEmpty.optional(),
    PLUGIN_STORAGE_STATE: nonEmpty.optional(),
    PLUGIN_SERVICE_TOKEN: nonEmpty.optional(),
    PLUGIN_USER_TOKEN: nonEmpty.optional(),
    PLUGIN_VERIFICATION_TOKEN: nonEmpty.optional(),
    PLUGIN_OPERATION: z.string().trim().regex(/^[A-Za-z0-9_.-]+$/, 'expected an operationId').optional(),
    PLUGIN_PROVIDER: z
      .enum(['google', 'auth0', 'entra', 'okta', 'dropbox', 'salesforce', 'github', 'slack', 'meta', 'keycloak', 'cognito', 'zoom', 'atlassian'])
      .optional(),
    PLUGIN_OPENAPI_URL: httpUrl.optional(),
    PLUGIN_AUTHORIZATION_URL: httpUrl.optional(),
    PLUGIN_TOKEN_URL: httpUrl.optional(),
    PLUGIN_SCOPE: z.string().optional(),
    PLUGIN_TOKEN_EXCHANGE_METHOD: z.enum(['default_post', 'basic_auth_header']).default('default_post'),
    PLUGIN_REPORTS_DIR: nonEmpty.default('reports'),
    PLUGIN_EXPIRY_WAIT_MAX_SECONDS: z.coerce.number().int('expected whole seconds').min(0).max(3600).default(90),
  })
  .superRefine((s, ctx) => {
    for (const [path, file] of [['PLUGIN_LOGIN_SCRIPT', s.PLUGIN_LOGIN_SCRIPT], ['PLUGIN_STORAGE_STATE', s.PLUGIN_STORAGE_STATE]] as const) {
      if (file && !existsSync(resolve(file))) ctx.addIssue({ code: 'custom', path: [path], message: `file not found: ${file}` });
    }
    if (s.PLUGIN_PROFILE === 'gpt-action' && s.PLUGIN_URL && !s.PLUGIN_OPENAPI_URL) {
      // An action has no manifest: the OpenAPI URL defaults to <PLUGIN_URL>/openapi.yaml only when given explicitly.
      ctx.addIssue({ code: 'custom', path: ['PLUGIN_OPENAPI_URL'], message: 'required with PLUGIN_PROFILE=gpt-action' });
    }
  });

export type RawSettings = z.infer<typeof settingsSchema>;

export interface Settings {
  url?: string;
  profile: RawSettings['PLUGIN_PROFILE'];
  clientId?: string;
  clientSecret?: string;
  pluginId: string;
  redirect: RawSettings['PLUGIN_REDIRECT'];
  login: { username?: string; password?: string; script?: string; storageState?: string };
  serviceToken?: string;
  userToken?: string;
  verificationToken?: string;
  operation?: string;
  provider?: RawSettings['PLUGIN_PROVIDER'];
  action: { openapiUrl?: string; authorizationUrl?: string; tokenUrl?: string; scope?: string; tokenExchangeMethod: RawSettings['PLUGIN_TOKEN_EXCHANGE_METHOD'] };
  reportsDir: string;
  /** The longest real wait for a token to expire before probing API_ACCEPTS_EXPIRED_TOKEN against a real target. */
  expiryWaitMaxSeconds: number;
}

const SETTING_NAMES = Object.keys(settingsSchema.shape) as (keyof RawSettings)[];

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: cannot be read (${(err as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: is not valid JSON (${(err as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`${path}: expected a JSON object of PLUGIN_* settings`);
  const unknown = Object.keys(parsed).filter((k) => !(SETTING_NAMES as string[]).includes(k));
  if (unknown.length) throw new ConfigError(`${path}: unknown setting ${unknown.join(', ')}; expected one of ${SETTING_NAMES.join(', ')}`);
  return parsed as Record<string, unknown>;
}

/** Describes a setting's value for an error message without echoing secrets. */
function shownValue(name: string, value: unknown): string {
  if (value === undefined) return 'nothing';
  if (/SECRET|PASSWORD|TOKEN/.test(name)) return 'a value (hidden)';
  return JSON.stringify(value);
}

/**
 * Reads the settings: the config file (PLUGIN_CONFIG or ./plugin-conformance.config.json, when present), then the
 * environment on top. Empty environment variables count as unset. Any invalid value is a ConfigError naming it.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Settings {
  const configPath = env.PLUGIN_CONFIG ? resolve(cwd, env.PLUGIN_CONFIG) : resolve(cwd, CONFIG_FILE_NAME);
  if (env.PLUGIN_CONFIG && !existsSync(configPath)) throw new ConfigError(`PLUGIN_CONFIG: file not found: ${env.PLUGIN_CONFIG}`);
  const fromFile = existsSync(configPath) ? readConfigFile(configPath) : {};
  const merged: Record<string, unknown> = { ...fromFile };
  for (const name of SETTING_NAMES) {
    const value = env[name];
    if (value !== undefined && value !== '') merged[name] = value;
  }
  const result = settingsSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'settings');
      const source = env[name] ? 'environment' : name in fromFile ? configPath : 'settings';
      return `${name} (${source}): ${issue.message}; got ${shownValue(name, merged[name])}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return toSettings(result.data);
}

/** The normalised view of validated settings. */
function toSettings(s: RawSettings): Settings {
  return {
    url: s.PLUGIN_URL?.replace(/\/+$/, ''),
    profile: s.PLUGIN_PROFILE,
    clientId: s.PLUGIN_CLIENT_ID,
    clientSecret: s.PLUGIN_CLIENT_SECRET,
    pluginId: s.PLUGIN_ID,
    redirect: s.PLUGIN_REDIRECT,
    login: { username: s.PLUGIN_LOGIN_USERNAME, password: s.PLUGIN_LOGIN_PASSWORD, script: s.PLUGIN_LOGIN_SCRIPT, storageState: s.PLUGIN_STORAGE_STATE },
    serviceToken: s.PLUGIN_SERVICE_TOKEN,
    userToken: s.PLUGIN_USER_TOKEN,
    verificationToken: s.PLUGIN_VERIFICATION_TOKEN,
    operation: s.PLUGIN_OPERATION,
    provider: s.PLUGIN_PROVIDER,
    action: {
      openapiUrl: s.PLUGIN_OPENAPI_URL,
      authorizationUrl: s.PLUGIN_AUTHORIZATION_URL,
      tokenUrl: s.PLUGIN_TOKEN_URL,
      scope: s.PLUGIN_SCOPE,
      tokenExchangeMethod: s.PLUGIN_TOKEN_EXCHANGE_METHOD,
    },
    reportsDir: s.PLUGIN_REPORTS_DIR,
    expiryWaitMaxSeconds: s.PLUGIN_EXPIRY_WAIT_MAX_SECONDS,
  };
}

/** Every setting at its default: a base for tests and for in-process runs. */
export function defaultSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...toSettings(settingsSchema.parse({})), ...overrides };
}
