import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A lock older than this was left by a worker that died; a sign-in plus its code exchanges takes seconds.
const STALE_MS = 180_000;
const POLL_MS = 20;

/** Whether the process that wrote `pid` is gone (a run killed mid-sign-in): its lock binds no one. */
function holderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return false; // Not written yet (the holder is between mkdir and write) or released meanwhile.
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Takes the lock directory of `key` in the OS temp dir (mkdir is atomic across processes; the holder's pid inside);
 * resolves to its release. A lock whose holder died is taken over at once, any lock after STALE_MS.
 */
async function acquire(key: string): Promise<() => void> {
  const path = join(tmpdir(), `plugin-conformance-sign-in-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (holderIsGone(path) || Date.now() - statSync(path).mtimeMs > STALE_MS) {
          rmSync(path, { recursive: true, force: true });
          continue;
        }
      } catch {
        // Released between the two calls: try again.
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}

/**
 * One test account's turn to sign in against one target, across the run's worker processes: a real server may keep
 * one code (or one session) per user, so two authorizations at once would spoil each other's codes and the verdicts
 * built on them. The turn covers only that window: it is taken when an authorization page is about to open (the
 * browser page is ready, the client registered) and given back when the step that spends the codes ends.
 */
export class SignInTurn {
  readonly #key: string;
  #held: Promise<() => void> | undefined;

  constructor(key: string) {
    this.#key = key;
  }

  /** Waits for the turn; while it is held, a second call returns at once. */
  async take(): Promise<void> {
    this.#held ??= acquire(this.#key);
    await this.#held;
  }

  /** Gives the turn back; nothing to do when it is not held. */
  async release(): Promise<void> {
    const held = this.#held;
    this.#held = undefined;
    const release = await held?.catch(() => undefined);
    release?.();
  }
}
