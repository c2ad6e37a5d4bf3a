import { spawn } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { defaultSettings } from '../../../mock-host/config/settings.ts';
import { HostSession } from '../../../mock-host/engine/session.ts';
import { SignInTurn } from '../../../mock-host/engine/sign-in-turn.ts';
import { PROFILES } from '../../../mock-host/profiles/registry.ts';
import { runStep } from '../../../mock-host/steps/run-step.ts';

// Rule: the sign-ins of one account against one target never overlap, in one process or across the run's workers.

/** Whether `turn` is taken within `ms` (another holder would keep it waiting longer). */
async function takenWithin(turn: SignInTurn, ms: number): Promise<boolean> {
  const taken = turn.take().then(() => true);
  return Promise.race([taken, new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}

test('two sign-ins of one account take turns; another account does not wait', async () => {
  const key = `unit-${Math.random()}`;
  const first = new SignInTurn(key);
  const second = new SignInTurn(key);
  const other = new SignInTurn(`${key}-other`);
  await first.take();
  expect(await takenWithin(other, 1_000)).toBe(true);
  const waiting = second.take();
  let secondIn = false;
  void waiting.then(() => (secondIn = true));
  await new Promise((r) => setTimeout(r, 100));
  expect(secondIn).toBe(false);
  await first.release();
  await waiting;
  expect(secondIn).toBe(true);
  await Promise.all([second.release(), other.release()]);
});

test('a turn taken twice is held once; releasing a turn not held does nothing', async () => {
  const key = `unit-twice-${Math.random()}`;
  const turn = new SignInTurn(key);
  await turn.release();
  await turn.take();
  expect(await takenWithin(turn, 1_000)).toBe(true);
  await turn.release();
  const next = new SignInTurn(key);
  expect(await takenWithin(next, 1_000)).toBe(true);
  await next.release();
});

test('against PLUGIN_URL a step gives the turn back when it ends, and so does a disposed session', async () => {
  const url = `http://127.0.0.1:9/mcp-${Math.random()}`;
  const settings = defaultSettings({ url, login: { username: 'demo@example.com', password: 'p' } });
  const session = new HostSession({ scenario: 'unit', profile: PROFILES['claude-code'], settings, origin: url });
  const rival = new HostSession({ scenario: 'unit', profile: PROFILES['claude-code'], settings, origin: url });
  if (!session.signInTurn || !rival.signInTurn) throw new Error('a session against PLUGIN_URL has a sign-in turn');
  await session.signInTurn.take();
  expect(await takenWithin(rival.signInTurn, 200)).toBe(false);
  await runStep({ action: 'advance-clock', seconds: 0 }, { session });
  await rival.signInTurn.take();
  await rival.dispose();
  expect(await takenWithin(session.signInTurn, 1_000)).toBe(true);
  await session.dispose();
  // No target URL in the settings, no account to take turns with.
  expect(new HostSession({ scenario: 'unit', profile: PROFILES['claude-code'], settings: defaultSettings({}), origin: url }).signInTurn).toBeUndefined();
});

test('a turn left by a process that was killed holding it is taken over at once, not after minutes', async () => {
  const key = `unit-killed-${Math.random()}`;
  const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `
    const { SignInTurn } = await import('./mock-host/engine/sign-in-turn.ts');
    await new SignInTurn(${JSON.stringify(key)}).take();
    console.log('held');
    setInterval(() => undefined, 1000);`], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const closed = new Promise<void>((r) => holder.on('close', () => r()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    void closed.then(() => reject(new Error('the holder exited before taking the turn')));
  });
  const turn = new SignInTurn(key);
  expect(await takenWithin(turn, 300)).toBe(false);
  holder.kill('SIGKILL');
  await closed;
  expect(await takenWithin(turn, 2_000)).toBe(true);
  await turn.release();
});

test('a turn held by another worker process is waited for', async () => {
  const key = `unit-process-${Math.random()}`;
  // The holder says when it took the turn and when it is about to give it back (still holding it).
  const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `
    const { SignInTurn } = await import('./mock-host/engine/sign-in-turn.ts');
    const turn = new SignInTurn(${JSON.stringify(key)});
    await turn.take();
    console.log('held ' + Date.now());
    await new Promise((r) => setTimeout(r, 500));
    console.log('releasing ' + Date.now());
    await turn.release();`], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const closed = new Promise<void>((r) => holder.on('close', () => r()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (d: Buffer) => ((out += d.toString()), out.includes('held') && resolve()));
    void closed.then(() => reject(new Error(`the holder exited before taking the turn: ${out}`)));
  });
  const turn = new SignInTurn(key);
  await turn.take();
  const acquiredAt = Date.now();
  await turn.release();
  await closed;
  const releasingAt = Number(/releasing (\d+)/.exec(out)?.[1]);
  expect(releasingAt).toBeGreaterThan(0);
  expect(acquiredAt).toBeGreaterThanOrEqual(releasingAt);
});
