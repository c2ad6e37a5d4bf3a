import { parseArgs } from 'node:util';
import { FAULT_NAMES, isFault, type Fault } from './faults.ts';
import type { ReferenceMcpServerOptions } from './options.ts';

export const USAGE = `Usage: npx tsx examples/reference-mcp-server/main.ts [options]

  --port <n>              port to listen on (env REFERENCE_MCP_PORT; default 0 = any free port)
  --host <host>           address to bind (env REFERENCE_MCP_HOST; default 127.0.0.1)
  --fault <name>          switch a fault on; repeatable (env REFERENCE_MCP_FAULTS, comma-separated)
  --access-token-ttl <s>  access-token lifetime in seconds (default 3600)
  --slow-token-ms <n>     delay of the slow-token-endpoint fault (default 6000)
  --sse                   answer MCP POSTs as SSE streams instead of JSON bodies
  --expose-control        mount /__reference/clock and /__reference/requests (env REFERENCE_MCP_EXPOSE_CONTROL=1)
  --list-faults           print every fault, what it does and the finding codes it should cause, then exit
  -h, --help              print this help`;

export type CliCommand =
  | { kind: 'start'; options: ReferenceMcpServerOptions }
  | { kind: 'help' }
  | { kind: 'list-faults' }
  | { kind: 'invalid'; message: string };

function readInteger(label: string, value: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) return `${label} must be an integer from ${min} to ${max}, got "${value}"`;
  return Number(value);
}

/** Turns argv and the environment into server options. Flags win over environment variables. */
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
        'access-token-ttl': { type: 'string' },
        'slow-token-ms': { type: 'string' },
        sse: { type: 'boolean' },
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

  const options: ReferenceMcpServerOptions = {};
  const portText = values.port ?? env['REFERENCE_MCP_PORT'];
  if (portText !== undefined && portText !== '') {
    const port = readInteger('port', portText, 0, 65_535);
    if (typeof port === 'string') return { kind: 'invalid', message: port };
    options.port = port;
  }
  const host = values.host ?? env['REFERENCE_MCP_HOST'];
  if (host !== undefined && host !== '') options.host = host;
  if (values['access-token-ttl'] !== undefined) {
    const ttl = readInteger('access-token-ttl', values['access-token-ttl'], 1, 31_536_000);
    if (typeof ttl === 'string') return { kind: 'invalid', message: ttl };
    options.accessTokenTtlSeconds = ttl;
  }
  if (values['slow-token-ms'] !== undefined) {
    const slow = readInteger('slow-token-ms', values['slow-token-ms'], 0, 600_000);
    if (typeof slow === 'string') return { kind: 'invalid', message: slow };
    options.slowTokenMs = slow;
  }
  if (values.sse === true) options.responseMode = 'sse';
  if (values['expose-control'] === true || env['REFERENCE_MCP_EXPOSE_CONTROL'] === '1') options.exposeControl = true;

  const requested = values.fault ?? (env['REFERENCE_MCP_FAULTS'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = requested.filter((name) => !isFault(name));
  if (unknown.length > 0) {
    const names = unknown.map((name) => `"${name}"`).join(', ');
    return { kind: 'invalid', message: `unknown fault ${names}. Valid faults:\n  ${FAULT_NAMES.join('\n  ')}` };
  }
  options.faults = requested.filter(isFault) satisfies Fault[];
  return { kind: 'start', options };
}
