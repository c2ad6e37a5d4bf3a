import { parseArgs } from 'node:util';
import { FAULT_NAMES, isFault, type Fault } from './faults.ts';
import type { ReferencePluginOptions } from './options.ts';

export const USAGE = `Usage: npx tsx examples/reference-plugin/main.ts [options]

  --port <n>            port to listen on (env REFERENCE_PLUGIN_PORT; default 0 = any free port)
  --host <host>         address to bind (env REFERENCE_PLUGIN_HOST; default 127.0.0.1)
  --fault <name>        switch a fault on; repeatable (env REFERENCE_PLUGIN_FAULTS, comma-separated)
  --slow-api-ms <n>     delay of the slow-api fault (default 11000)
  --expose-control      mount POST /__reference/clock (env REFERENCE_PLUGIN_EXPOSE_CONTROL=1)
  --list-faults         print every fault with what it breaks, then exit
  -h, --help            print this help`;

export type CliCommand =
  | { kind: 'start'; options: ReferencePluginOptions }
  | { kind: 'help' }
  | { kind: 'list-faults' }
  | { kind: 'invalid'; message: string };

function readInteger(label: string, value: string, max: number): number | string {
  if (!/^\d+$/.test(value) || Number(value) > max) return `${label} must be an integer from 0 to ${max}, got "${value}"`;
  return Number(value);
}

/** Turns argv and the environment into plugin options. Flags win over environment variables. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        fault: { type: 'string', multiple: true },
        'slow-api-ms': { type: 'string' },
        'expose-control': { type: 'boolean' },
        'list-faults': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { kind: 'help' };
  if (values['list-faults'] === true) return { kind: 'list-faults' };

  const options: ReferencePluginOptions = {};
  const portText = values.port ?? env['REFERENCE_PLUGIN_PORT'];
  if (portText !== undefined && portText !== '') {
    const port = readInteger('port', portText, 65535);
    if (typeof port === 'string') return { kind: 'invalid', message: port };
    options.port = port;
  }
  const host = values.host ?? env['REFERENCE_PLUGIN_HOST'];
  if (host !== undefined && host !== '') options.host = host;
  if (values['slow-api-ms'] !== undefined) {
    const slowApiMs = readInteger('slow-api-ms', values['slow-api-ms'], 600_000);
    if (typeof slowApiMs === 'string') return { kind: 'invalid', message: slowApiMs };
    options.slowApiMs = slowApiMs;
  }
  if (values['expose-control'] === true || env['REFERENCE_PLUGIN_EXPOSE_CONTROL'] === '1') options.exposeControl = true;

  const requested =
    values.fault ?? (env['REFERENCE_PLUGIN_FAULTS'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = requested.filter((name) => !isFault(name));
  if (unknown.length > 0) {
    const names = unknown.map((name) => `"${name}"`).join(', ');
    return { kind: 'invalid', message: `unknown fault ${names}. Valid faults:\n  ${FAULT_NAMES.join('\n  ')}` };
  }
  options.faults = requested.filter(isFault) satisfies Fault[];
  return { kind: 'start', options };
}
