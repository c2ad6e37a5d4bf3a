import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describeJsonSyntaxError, lineOfJsonKey } from '../text/json-errors.ts';
import { ConfigError } from './config-error.ts';
import { BUNDLED_RUN_PROFILES, isProfileId, PROFILES, PROFILE_IDS, type ProfileId } from '../profiles/registry.ts';

export const DEFAULT_PLUGIN_ID = 'plugin-00000000-0000-4000-8000-000000000000';
export const CONFIG_FILE_NAME = 'plugin-conformance.config.json';
export const BASELINE_FILE_NAME = 'plugin-conformance.baseline.json';

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^/\s]+/i.test(v) && URL.canParse(v), 'expected an http:// or https:// URL')
  // fetch refuses such URLs anyway, and the URL is printed in every report: the password would be too.
  .refine((v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password), 'expected a URL without user:password@ (credentials go in their own settings)');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/**
 * Every setting of DESIGN.md, by its environment variable name. The descriptions are the CLI's --help text and the
 * published config JSON schema's, so a setting added here gets its flag, its Action input and its docs at once.
 */
export const settingsSchema = z
  .object({
    PLUGIN_URL: httpUrl.optional().describe('the MCP server URL as users enter it in the host, or a legacy plugin origin with its manifest at <url>/.well-known/ai-plugin.json (unset: the bundled reference targets)'),
    PLUGIN_PROFILE: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const ids = v.split(',').map((id) => id.trim()).filter(Boolean);
        const unknown = ids.filter((id) => !isProfileId(id));
        if (!ids.length || unknown.length) {
          ctx.addIssue({ code: 'custom', message: `expected one of ${PROFILE_IDS.map((id) => `"${id}"`).join('|')}, or several joined by commas${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}` });
          return z.NEVER;
        }
        return [...new Set(ids)] as ProfileId[];
      })
      .optional()
      .describe(`host profiles to imitate, comma-separated: ${PROFILE_IDS.join(', ')} (unset: detected from the target; every host for the bundled targets)`),
    PLUGIN_CLIENT_ID: nonEmpty.optional().describe('OAuth client id registered for the host'),
    PLUGIN_CLIENT_SECRET: nonEmpty.optional().describe('OAuth client secret registered for the host'),
    PLUGIN_ID: z
      .string()
      .trim()
      .regex(/^(plugin-|g-)[A-Za-z0-9-]+$/, 'expected "plugin-<uuid>" (plugins) or "g-<hex>" (GPT Actions)')
      .default(DEFAULT_PLUGIN_ID)
      .describe('plugin id in the redirect URI'),
    PLUGIN_REDIRECT: z
      .enum(['production', 'local'])
      .default('production')
      .describe("production: the host's exact callback URL, caught in the browser; local: the mock host's own"),
    PLUGIN_LOGIN_USERNAME: nonEmpty.optional().describe('test account for the login page'),
    PLUGIN_LOGIN_PASSWORD: nonEmpty.optional().describe('password of the test account'),
    PLUGIN_LOGIN_USERNAME_2: nonEmpty.optional().describe('a second test account (probe-rs-second-user: one user\'s token must never act as the other)'),
    PLUGIN_LOGIN_PASSWORD_2: nonEmpty.optional().describe('password of the second test account'),
    PLUGIN_LOGIN_SCRIPT: nonEmpty.optional().describe('module exporting async (page, ctx) => void that gets through login and consent'),
    PLUGIN_STORAGE_STATE: nonEmpty.optional().describe('saved Playwright storage state (already logged in)'),
    PLUGIN_SERVICE_TOKEN: nonEmpty.optional().describe('token for service_http plugins'),
    PLUGIN_USER_TOKEN: nonEmpty.optional().describe('token for user_http plugins'),
    PLUGIN_VERIFICATION_TOKEN: nonEmpty.optional().describe('expected auth.verification_tokens.openai'),
    PLUGIN_OPERATION: z.string().trim().regex(/^[A-Za-z0-9_.-]+$/, 'expected an operationId').optional().describe('operationId to call in the "use" steps'),
    PLUGIN_PROVIDER: z
      .enum(['google', 'auth0', 'entra', 'okta', 'dropbox', 'salesforce', 'github', 'slack', 'meta', 'keycloak', 'cognito', 'zoom', 'atlassian'])
      .optional()
      .describe('OAuth provider behind the plugin, when detection is not enough'),
    PLUGIN_OPENAPI_URL: httpUrl.optional().describe('gpt-action: the OpenAPI document'),
    PLUGIN_AUTHORIZATION_URL: httpUrl.optional().describe('gpt-action: the authorization page'),
    PLUGIN_TOKEN_URL: httpUrl.optional().describe('gpt-action: the token endpoint'),
    PLUGIN_SCOPE: z.string().optional().describe('gpt-action: the scope to request'),
    PLUGIN_TOKEN_EXCHANGE_METHOD: z.enum(['default_post', 'basic_auth_header']).default('default_post').describe('gpt-action: client authentication at the token endpoint'),
    PLUGIN_REPORTS_DIR: nonEmpty.default('reports').describe('where summary.json, summary.md, junit.xml and the Allure results and reports go'),
    PLUGIN_EXPIRY_WAIT_MAX_SECONDS: z.coerce
      .number()
      .int('expected whole seconds')
      .min(0)
      .max(3600)
      .default(90)
      .describe('longest real wait for a token to expire before probing a real target'),
    PLUGIN_FAIL_ON: z
      .enum(['error', 'warning', 'never'])
      .default('error')
      .describe('which findings fail the run: error findings, warnings too, or none (report only)'),
    PLUGIN_BASELINE: nonEmpty
      .optional()
      .describe(`baseline of accepted findings (default: ./${BASELINE_FILE_NAME} when present)`),
  })
  .superRefine((s, ctx) => {
    for (const [path, file] of [['PLUGIN_LOGIN_SCRIPT', s.PLUGIN_LOGIN_SCRIPT], ['PLUGIN_STORAGE_STATE', s.PLUGIN_STORAGE_STATE]] as const) {
      if (file && !existsSync(resolve(file))) ctx.addIssue({ code: 'custom', path: [path], message: `file not found: ${file}` });
    }
    for (const id of s.PLUGIN_PROFILE ?? []) {
      for (const issue of PROFILES[id].flow.discovery.settingsIssues?.({ url: s.PLUGIN_URL, openapiUrl: s.PLUGIN_OPENAPI_URL }) ?? []) {
        ctx.addIssue({ code: 'custom', path: [issue.setting], message: `${issue.message} with PLUGIN_PROFILE=${id}` });
      }
    }
  });

export type RawSettings = z.infer<typeof settingsSchema>;

export interface Settings {
  url?: string;
  /** The hosts the run imitates, each scenario once per host (never empty). */
  profiles: ProfileId[];
  /** PLUGIN_PROFILE was given; when not, a run against PLUGIN_URL detects the hosts from the target. */
  profilesGiven: boolean;
  clientId?: string;
  clientSecret?: string;
  pluginId: string;
  redirect: RawSettings['PLUGIN_REDIRECT'];
  login: { username?: string; password?: string; script?: string; storageState?: string };
  /** A second test account (PLUGIN_LOGIN_USERNAME_2/PASSWORD_2), for the user-separation probe. */
  secondLogin?: { username?: string; password?: string };
  serviceToken?: string;
  userToken?: string;
  verificationToken?: string;
  operation?: string;
  provider?: RawSettings['PLUGIN_PROVIDER'];
  action: { openapiUrl?: string; authorizationUrl?: string; tokenUrl?: string; scope?: string; tokenExchangeMethod: RawSettings['PLUGIN_TOKEN_EXCHANGE_METHOD'] };
  reportsDir: string;
  /** Which findings fail the run (mock-host/gate/apply-gate.ts). */
  failOn: RawSettings['PLUGIN_FAIL_ON'];
  /** The baseline file as given (relative to the working directory); the default file is looked up by the gate. */
  baseline?: string;
  /** The longest real wait for a token to expire before probing API_ACCEPTS_EXPIRED_TOKEN against a real target. */
  expiryWaitMaxSeconds: number;
}

export type SettingName = keyof RawSettings;
export const SETTING_NAMES = Object.keys(settingsSchema.shape) as SettingName[];

/** The config file's JSON schema: the settings plus `$schema`, so editors can validate and complete it. */
export function settingsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(settingsSchema, { io: 'input' }) as Record<string, unknown> & { properties: Record<string, unknown> };
  return {
    ...schema,
    title: CONFIG_FILE_NAME,
    properties: { $schema: { type: 'string', description: 'this JSON schema, for editors' }, ...schema.properties },
    additionalProperties: false,
  };
}

interface ConfigFile {
  settings: Record<string, unknown>;
  /** `path:line` of a setting in the file, for messages. */
  where: (name: string) => string;
}

function readConfigFile(path: string): ConfigFile {
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
    // Not V8's message as is: it quotes the text around the error, which may be a secret.
    throw new ConfigError(`${path}: is not valid JSON: ${describeJsonSyntaxError(err, text)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`${path}: expected a JSON object of PLUGIN_* settings`);
  // `$schema` points editors at config.schema.json; it is not a setting.
  const { $schema: _schema, ...settings } = parsed as Record<string, unknown>;
  const where = (name: string): string => {
    const line = lineOfJsonKey(text, name);
    return line === undefined ? path : `${path}:${line}`;
  };
  const unknown = Object.keys(settings).filter((k) => !(SETTING_NAMES as string[]).includes(k));
  if (unknown.length) throw new ConfigError(`${where(unknown[0] ?? '')}: unknown setting ${unknown.join(', ')}; expected one of ${SETTING_NAMES.join(', ')}`);
  // Every setting is text (as in the environment) or, for counts, a number. Checked here because the schema coerces
  // counts, and Number([1]) or Number(true) would quietly pass.
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new ConfigError(`${where(name)}: ${name}: expected a string or a number; got ${shownValue(name, value)}`);
    }
  }
  return { settings, where };
}

/**
 * Describes a setting's value for an error message without echoing secrets: secret settings are hidden (by name:
 * PLUGIN_TOKEN_URL is a URL, PLUGIN_USER_TOKEN a secret), and so are credentials written into a URL.
 */
function shownValue(name: string, value: unknown): string {
  if (value === undefined) return 'nothing';
  if (/SECRET|PASSWORD|_TOKEN$/.test(name)) return 'a value (hidden)';
  return JSON.stringify(value).replace(/(\/\/)[^/@\s"]*@/g, '$1***@');
}

/** Values given on a command line, which win over the environment; `label` names a setting's flag in errors. */
export interface SettingOverrides {
  values: Partial<Record<SettingName | 'PLUGIN_CONFIG', string>>;
  label: (name: SettingName | 'PLUGIN_CONFIG') => string;
}

/**
 * Reads the settings: the config file (PLUGIN_CONFIG or ./plugin-conformance.config.json, when present), then the
 * environment on top, then command-line overrides. Empty values count as unset. Any invalid value is a ConfigError
 * naming it and where it came from.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), overrides?: SettingOverrides): Settings {
  const given = (name: SettingName | 'PLUGIN_CONFIG'): string | undefined => {
    const value = overrides?.values[name] || env[name];
    return value === '' ? undefined : value;
  };
  const fromCommandLine = (name: string): boolean => !!overrides?.values[name as SettingName];
  const configName = given('PLUGIN_CONFIG');
  const configPath = configName ? resolve(cwd, configName) : resolve(cwd, CONFIG_FILE_NAME);
  if (configName && !existsSync(configPath)) {
    const source = fromCommandLine('PLUGIN_CONFIG') ? overrides?.label('PLUGIN_CONFIG') : 'PLUGIN_CONFIG';
    throw new ConfigError(`${source}: file not found: ${configName}`);
  }
  const file = existsSync(configPath) ? readConfigFile(configPath) : undefined;
  const fromFile = file?.settings ?? {};
  const merged: Record<string, unknown> = { ...fromFile };
  for (const name of SETTING_NAMES) {
    const value = given(name);
    if (value !== undefined) merged[name] = value;
  }
  const result = settingsSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'settings');
      const source = fromCommandLine(name) ? `command line ${overrides?.label(name as SettingName)}` : env[name] ? 'environment' : file && name in fromFile ? file.where(name) : 'settings';
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
    // Without PLUGIN_PROFILE: every host for the bundled targets; for PLUGIN_URL, the legacy plugin host until the
    // run script has told a plugin from an MCP server (scripts/run-conformance.ts sets PLUGIN_PROFILE for the run).
    profiles: s.PLUGIN_PROFILE ?? (s.PLUGIN_URL ? ['chatgpt-plugin'] : [...BUNDLED_RUN_PROFILES]),
    profilesGiven: s.PLUGIN_PROFILE !== undefined,
    clientId: s.PLUGIN_CLIENT_ID,
    clientSecret: s.PLUGIN_CLIENT_SECRET,
    pluginId: s.PLUGIN_ID,
    redirect: s.PLUGIN_REDIRECT,
    login: { username: s.PLUGIN_LOGIN_USERNAME, password: s.PLUGIN_LOGIN_PASSWORD, script: s.PLUGIN_LOGIN_SCRIPT, storageState: s.PLUGIN_STORAGE_STATE },
    secondLogin: { username: s.PLUGIN_LOGIN_USERNAME_2, password: s.PLUGIN_LOGIN_PASSWORD_2 },
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
    failOn: s.PLUGIN_FAIL_ON,
    ...(s.PLUGIN_BASELINE ? { baseline: s.PLUGIN_BASELINE } : {}),
    expiryWaitMaxSeconds: s.PLUGIN_EXPIRY_WAIT_MAX_SECONDS,
  };
}

/** Every setting at its default: a base for tests and for in-process runs. */
export function defaultSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...toSettings(settingsSchema.parse({})), ...overrides };
}
