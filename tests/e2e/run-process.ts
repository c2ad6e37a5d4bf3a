import { spawn } from 'node:child_process';

export interface ProcessRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
}

/** How long a finished process's output may keep flowing from what it left behind before those are stopped too. */
const DRAIN_MS = 2_000;

/** The groups still running, stopped when this test process ends (their own group does not get its signals). */
const running = new Set<number>();
process.once('exit', () => running.forEach(killGroup));

function killGroup(pid: number | undefined): void {
  try {
    if (pid) process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
}

/**
 * Runs a command to its end, collecting its output. It runs in a process group of its own (npx, the harness, its
 * Playwright workers and their browsers), and at the time bound the whole group is killed: killing only the child
 * would leave a grandchild holding the output pipes open, and the test waiting on them until its own timeout.
 */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessRun> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (child.pid) running.add(child.pid);
  const timer = setTimeout(() => killGroup(child.pid), options.timeoutMs);
  return new Promise((done) => {
    let drain: NodeJS.Timeout | undefined;
    child.on('exit', () => {
      clearTimeout(timer);
      drain = setTimeout(() => killGroup(child.pid), DRAIN_MS);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      clearTimeout(drain);
      if (child.pid) running.delete(child.pid);
      done({ exitCode, stdout, stderr });
    });
  });
}
