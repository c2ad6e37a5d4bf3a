import { spawn, type SpawnOptions } from 'node:child_process';
import type { PlaywrightExit } from '../mock-host/report/exit-code.ts';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface ForwardingRun {
  exit: Promise<PlaywrightExit>;
  /** True once this process got one of the forwarded signals. */
  interrupted: () => boolean;
}

/**
 * Runs a child with inherited stdio and passes SIGINT/SIGTERM/SIGHUP on. On Ctrl-C the terminal signals the whole
 * process group, so the child may get SIGINT twice; Playwright ignores a repeat within a second, so forwarding is
 * safe and also covers a signal sent to this process alone (a CI cancel). The first SIGTERM/SIGHUP goes on as
 * SIGINT because only SIGINT makes Playwright stop cleanly (servers torn down, reporters flushed); a repeat is
 * passed on as is.
 */
export function runForwardingSignals(command: string, args: readonly string[], options: SpawnOptions = {}): ForwardingRun {
  let interrupted = false;
  let gentle = true;
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const forward = (signal: NodeJS.Signals) => {
    interrupted = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal === 'SIGINT' || gentle ? 'SIGINT' : signal);
    if (signal !== 'SIGINT') gentle = false;
  };
  for (const signal of FORWARDED) process.on(signal, forward);
  const exit = new Promise<PlaywrightExit>((resolve) => {
    const done = (result: PlaywrightExit) => {
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve(result);
    };
    child.on('error', (err) => {
      console.error(`could not start ${command}: ${err.message}`);
      done({ code: 127, signal: null });
    });
    child.on('exit', (code, signal) => done({ code, signal }));
  });
  return { exit, interrupted: () => interrupted };
}
