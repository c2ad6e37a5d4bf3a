import { test, expect } from '@playwright/test';
import { runProcess } from './run-process.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('at its time bound a command is stopped with everything it started, and its output so far is returned', async () => {
  // The shell prints its background child's pid, then waits on it: that grandchild holds the output pipe open.
  const run = await runProcess('sh', ['-c', 'sleep 600 & echo $!; wait'], { cwd: process.cwd(), env: { PATH: process.env.PATH ?? '' }, timeoutMs: 500 });
  const grandchild = Number(run.stdout.trim());
  expect(grandchild).toBeGreaterThan(0);
  expect(run.exitCode).toBeNull();
  await expect.poll(() => alive(grandchild)).toBe(false);
});

test('a command that exits leaves no background process holding its output open', async () => {
  const run = await runProcess('sh', ['-c', 'sleep 600 & echo $!; exit 3'], { cwd: process.cwd(), env: { PATH: process.env.PATH ?? '' }, timeoutMs: 60_000 });
  expect(run.exitCode).toBe(3);
  await expect.poll(() => alive(Number(run.stdout.trim()))).toBe(false);
});
