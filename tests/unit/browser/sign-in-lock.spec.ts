import { spawn } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { withSignInLock } from '../../../mock-host/browser/sign-in-lock.ts';

// Rule: the sign-ins of one account against one target never overlap, in one process or across the run's workers.
test('two sign-ins of one account take turns; another account does not wait', async () => {
  const key = `unit-${Math.random()}`;
  const log: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const first = withSignInLock(key, async () => {
    log.push('first in');
    await held;
    log.push('first out');
  });
  await new Promise((r) => setTimeout(r, 50));
  const second = withSignInLock(key, async () => void log.push('second in'));
  const other = withSignInLock(`${key}-other`, async () => void log.push('other account in'));
  await other;
  expect(log).toEqual(['first in', 'other account in']);
  release();
  await Promise.all([first, second]);
  expect(log).toEqual(['first in', 'other account in', 'first out', 'second in']);
});

test('a lock held by another worker process is waited for', async () => {
  const key = `unit-process-${Math.random()}`;
  // The holder says when it took the lock and when it is about to give it back (still inside the lock).
  const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `
    const { withSignInLock } = await import('./mock-host/browser/sign-in-lock.ts');
    await withSignInLock(${JSON.stringify(key)}, async () => {
      console.log('held ' + Date.now());
      await new Promise((r) => setTimeout(r, 500));
      console.log('releasing ' + Date.now());
    });`], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const closed = new Promise<void>((r) => holder.on('close', () => r()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (d: Buffer) => ((out += d.toString()), out.includes('held') && resolve()));
    void closed.then(() => reject(new Error(`the holder exited before taking the lock: ${out}`)));
  });
  const acquiredAt = await withSignInLock(key, async () => Date.now());
  await closed;
  const releasingAt = Number(/releasing (\d+)/.exec(out)?.[1]);
  expect(releasingAt).toBeGreaterThan(0);
  expect(acquiredAt).toBeGreaterThanOrEqual(releasingAt);
});
