import { parseArgs } from 'node:util';
import type { SettingName, SettingOverrides } from '../mock-host/config/settings.ts';
import type { Shard } from '../scripts/run-conformance.ts';
import { SETTING_FLAGS } from './setting-flags.ts';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; overrides: SettingOverrides; shard?: Shard; playwrightArgs: string[] }
  | { kind: 'merge'; overrides: SettingOverrides; dirs: string[] }
  | { kind: 'detect'; url: string }
  | { kind: 'host'; overrides: SettingOverrides }
  | { kind: 'invalid'; message: string };

const COMMANDS = ['run', 'merge', 'detect', 'host', 'help'] as const;

/** "1/2" → { current: 1, total: 2 }; anything else is a message. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const current = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || current < 1 || current > total) return `--shard: expected <i>/<n> with 1 <= i <= n, got "${text}"`;
  return { current, total };
}

function labelOf(name: SettingName | 'PLUGIN_CONFIG'): string {
  if (name === 'PLUGIN_CONFIG') return '--config';
  return `--${SETTING_FLAGS.find((f) => f.setting === name)?.flag ?? name}`;
}

/**
 * Turns argv into a command. Flags only collect values here; loadSettings validates them (with the flag's name in
 * the message), so a flag and its environment variable accept exactly the same values.
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const split = argv.indexOf('--');
  const own = split === -1 ? [...argv] : argv.slice(0, split);
  const passed = split === -1 ? [] : argv.slice(split + 1);
  let parsed;
  try {
    parsed = parseArgs({
      args: own,
      strict: true,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(SETTING_FLAGS.map((f) => [f.flag, { type: 'string' as const }])),
        config: { type: 'string' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    // Node appends advice about positionals that start with "-"; the first sentence is the point.
    return { kind: 'invalid', message: (err as Error).message.replace(/\. To specify a positional argument[\s\S]*$/, '') };
  }
  const { positionals } = parsed;
  // The setting flags are built at runtime, so parseArgs cannot type them; every option here is a string or a flag.
  const values: Record<string, string | boolean | undefined> = parsed.values;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };

  const first = positionals[0];
  const command = first === undefined ? 'run' : first;
  if (!(COMMANDS as readonly string[]).includes(command)) return { kind: 'invalid', message: `unknown command "${command}"; expected ${COMMANDS.join(', ')}` };
  if (command === 'help') return { kind: 'help' };

  const overrideValues: SettingOverrides['values'] = {};
  for (const f of SETTING_FLAGS) {
    const value = values[f.flag];
    if (typeof value === 'string') overrideValues[f.setting] = value;
  }
  if (typeof values.config === 'string') overrideValues.PLUGIN_CONFIG = values.config;
  const overrides: SettingOverrides = { values: overrideValues, label: labelOf };

  const rest = positionals.slice(first === undefined ? 0 : 1);
  if (command === 'merge') {
    if (rest.length === 0) return { kind: 'invalid', message: 'merge: name the reports dir of each shard (plugin-conformance merge reports/shard-1 reports/shard-2)' };
    if (values.shard !== undefined) return { kind: 'invalid', message: 'merge: --shard belongs to run' };
    if (passed.length) return { kind: 'invalid', message: 'merge: takes no Playwright arguments after --' };
    return { kind: 'merge', overrides, dirs: rest };
  }
  if (command === 'host') {
    if (rest.length || passed.length || values.shard !== undefined) return { kind: 'invalid', message: 'host: takes only setting flags (plugin-conformance host --url https://mcp.your.example/mcp)' };
    return { kind: 'host', overrides };
  }
  if (command === 'detect') {
    if (rest.length !== 1 || passed.length) return { kind: 'invalid', message: 'detect: name one URL (plugin-conformance detect https://mcp.your.example/mcp)' };
    return { kind: 'detect', url: rest[0] ?? '' };
  }
  if (rest.length) return { kind: 'invalid', message: `run: unexpected argument "${rest[0]}" (Playwright arguments go after --)` };
  let shard: Shard | undefined;
  if (typeof values.shard === 'string') {
    const parsedShard = parseShard(values.shard);
    if (typeof parsedShard === 'string') return { kind: 'invalid', message: parsedShard };
    shard = parsedShard;
  }
  return { kind: 'run', overrides, ...(shard ? { shard } : {}), playwrightArgs: passed };
}
