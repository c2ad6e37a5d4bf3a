import { CONFIG_FILE_NAME, BASELINE_FILE_NAME } from '../mock-host/config/settings.ts';
import { SETTING_FLAGS } from './setting-flags.ts';

const WIDTH = 44;
const LINE = 118;

/** Word-wraps text into lines of at most `width` characters (a longer word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

function option(left: string, right: string): string {
  const head = `  ${left}`;
  const [first = '', ...rest] = wrap(right, LINE - WIDTH);
  const pad = ' '.repeat(WIDTH);
  const lead = head.length < WIDTH ? `${head.padEnd(WIDTH)}${first}` : `${head}\n${pad}${first}`;
  return [lead, ...rest.map((l) => `${pad}${l}`)].join('\n');
}

function settingLines(): string[] {
  return SETTING_FLAGS.map((f) => {
    const notes = [f.setting, ...(f.default !== undefined ? [`default ${f.default}`] : []), ...(f.secret ? ['prefer the variable'] : [])];
    return option(`--${f.flag} ${f.placeholder}`, `${f.description} [${notes.join('; ')}]`);
  });
}

/** The --help text; the setting flags come from the settings schema (setting-flags.ts). */
export function usage(): string {
  return [
    'Usage: plugin-conformance [run] [options] [-- <playwright test arguments>]',
    '       plugin-conformance merge <shard reports dir>... [options]',
    '       plugin-conformance detect <url>',
    '       plugin-conformance host [setting options]',
    '',
    'Drives an OAuth-protected MCP server, ChatGPT plugin or GPT Action through discover, register, install, use,',
    'expiry and refresh the way each host does (ChatGPT apps, Claude connectors, Claude Code, legacy plugins), and',
    'reports every problem as a coded finding with its fix. Without --url it runs the conformance scenarios against',
    'the bundled reference MCP server and reference plugin: the same job and reports, on targets that pass.',
    '',
    'Commands:',
    option('run', 'run the scenarios (the default); progress streams to the terminal'),
    option('host', 'open the mock host as an OAuth debugger on http://127.0.0.1:4710 (PLUGIN_HOST_PORT): every exchange, the tokens, the clock, each step by hand'),
    option('detect <url>', 'say whether <url> is an MCP server or a legacy plugin and print the hosts a run without --profile imitates (comma list on stdout)'),
    option('merge <dir>...', 'combine the reports dirs of several --shard runs into one summary.json, summary.md, junit.xml and Allure report in --reports-dir, and gate the whole run'),
    '',
    `Settings (a flag beats its environment variable, which beats the config file):`,
    ...settingLines(),
    '',
    'Run options:',
    option('--config <file>', `JSON config file of PLUGIN_* settings [PLUGIN_CONFIG; default ./${CONFIG_FILE_NAME}]`),
    option('--shard <i/n>', 'run part i of n (Playwright --shard); each part needs its own --reports-dir'),
    option('-h, --help', 'print this help'),
    option('--version', 'print the harness version'),
    '',
    'Gate: --fail-on decides which findings fail the run. A baseline (--baseline, or ./' + BASELINE_FILE_NAME,
    'when present) lists accepted findings: {"accepted": [{"code", "scenario"?, "reason", "expires"?: "YYYY-MM-DD"}]}.',
    'An accepted finding does not fail the run; an entry that matches nothing (stale) does; an expired one accepts',
    'nothing. Schemas: mock-host/config/config.schema.json, mock-host/gate/baseline.schema.json.',
    '',
    'Outputs (in --reports-dir): summary.json, summary.md, junit.xml, allure-results/, allure-report/,',
    'allure-report-single/index.html.',
    'Exit codes: 0 pass, 1 the target (or the run) failed, 2 bad input (a flag, setting, config or baseline file).',
    '',
    'Examples:',
    '  plugin-conformance --url https://plugin.example.com --client-id abc --login-username qa@example.com',
    '  plugin-conformance run --config ci.json --fail-on warning --baseline known.json',
    '  plugin-conformance --shard 1/2 --reports-dir reports/shard-1 && plugin-conformance --shard 2/2 --reports-dir reports/shard-2',
    '  plugin-conformance merge reports/shard-1 reports/shard-2 --reports-dir reports/merged',
  ].join('\n');
}
