import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { parseCliArgs } from '../../../cli/parse-args.ts';
import { SETTING_FLAGS } from '../../../cli/setting-flags.ts';
import { usage } from '../../../cli/usage.ts';
import { ConfigError } from '../../../mock-host/config/config-error.ts';
import { loadSettings, SETTING_NAMES } from '../../../mock-host/config/settings.ts';

function run(argv: string[]) {
  const command = parseCliArgs(argv);
  if (command.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(command)}`);
  return command;
}

test('every setting of the schema has exactly one flag, named after its variable, and --help lists it', () => {
  expect(SETTING_FLAGS.map((f) => f.setting)).toEqual(SETTING_NAMES);
  const flags = SETTING_FLAGS.map((f) => f.flag);
  expect(new Set(flags).size).toBe(flags.length);
  expect(flags).toEqual(expect.arrayContaining(['url', 'profile', 'client-id', 'client-secret', 'plugin-id', 'fail-on', 'baseline', 'reports-dir']));
  const help = usage();
  for (const f of SETTING_FLAGS) {
    expect(help).toContain(`--${f.flag} `);
    expect(help).toContain(f.setting);
  }
});

test('run is the default command; flags become setting overrides; arguments after -- go to Playwright', () => {
  const command = run(['--url', 'https://plugin.example.com', '--client-id', 'abc', '--config', 'ci.json', '--', '--grep', 'discovery']);
  expect(command.overrides.values).toEqual({ PLUGIN_URL: 'https://plugin.example.com', PLUGIN_CLIENT_ID: 'abc', PLUGIN_CONFIG: 'ci.json' });
  expect(command.playwrightArgs).toEqual(['--grep', 'discovery']);
  expect(command.overrides.label('PLUGIN_CLIENT_ID')).toBe('--client-id');
  expect(run(['run', '--shard', '2/3']).shard).toEqual({ current: 2, total: 3 });
});

test('merge takes the shard dirs and the same setting flags', () => {
  expect(parseCliArgs(['merge', 'a', 'b', '--reports-dir', 'out', '--fail-on', 'warning'])).toMatchObject({
    kind: 'merge',
    dirs: ['a', 'b'],
    overrides: { values: { PLUGIN_REPORTS_DIR: 'out', PLUGIN_FAIL_ON: 'warning' } },
  });
});

test('host takes setting flags only', () => {
  expect(parseCliArgs(['host', '--profile', 'claude-code'])).toMatchObject({ kind: 'host', overrides: { values: { PLUGIN_PROFILE: 'claude-code' } } });
  const refused = parseCliArgs(['host', 'extra']);
  expect(refused.kind === 'invalid' && refused.message).toContain('host: takes only setting flags');
});

test('detect takes one URL', () => {
  expect(parseCliArgs(['detect', 'https://mcp.example/mcp'])).toEqual({ kind: 'detect', url: 'https://mcp.example/mcp' });
});

test('bad command lines are refused with a message (exit 2 in the CLI)', () => {
  const message = (argv: string[]) => {
    const command = parseCliArgs(argv);
    return command.kind === 'invalid' ? command.message : `not refused: ${command.kind}`;
  };
  expect(message(['--colour', 'red'])).toBe("Unknown option '--colour'");
  expect(message(['--url'])).toContain("'--url <value>' argument missing");
  expect(message(['deploy'])).toContain('unknown command "deploy"');
  expect(message(['--shard', '0/2'])).toContain('--shard: expected <i>/<n>');
  expect(message(['--shard', '3/2'])).toContain('--shard');
  expect(message(['merge'])).toContain('name the reports dir of each shard');
  expect(message(['run', 'extra'])).toContain('Playwright arguments go after --');
  expect(message(['detect'])).toContain('detect: name one URL');
  expect(message(['detect', 'https://a.example', 'https://b.example'])).toContain('detect: name one URL');
  expect(parseCliArgs(['--help']).kind).toBe('help');
  expect(parseCliArgs(['help']).kind).toBe('help');
  expect(parseCliArgs(['--version']).kind).toBe('version');
});

test('a flag beats its environment variable, which beats the config file; a bad flag value names the flag', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-settings-'));
  writeFileSync(join(dir, 'plugin-conformance.config.json'), JSON.stringify({ $schema: './config.schema.json', PLUGIN_URL: 'https://file.example.com', PLUGIN_CLIENT_ID: 'from-file', PLUGIN_SCOPE: 'read' }));
  const env = { PLUGIN_URL: 'https://env.example.com', PLUGIN_CLIENT_ID: 'from-env' };
  const { overrides } = run(['--url', 'https://flag.example.com', '--fail-on', 'warning']);
  const settings = loadSettings(env, dir, overrides);
  expect(settings.url).toBe('https://flag.example.com');
  expect(settings.clientId).toBe('from-env');
  expect(settings.action.scope).toBe('read');
  expect(settings.failOn).toBe('warning');

  const bad = run(['--url', 'ftp://x', '--fail-on', 'sometimes']);
  let message = '';
  try {
    loadSettings({}, dir, bad.overrides);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    message = (err as Error).message;
  }
  expect(message).toContain('PLUGIN_URL (command line --url): expected an http:// or https:// URL');
  expect(message).toContain('PLUGIN_FAIL_ON (command line --fail-on)');
  expect(() => loadSettings({}, dir, run(['--config', 'nope.json']).overrides)).toThrow('--config: file not found: nope.json');
});
