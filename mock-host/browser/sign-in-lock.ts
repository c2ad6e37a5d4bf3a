import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A lock older than this was left by a worker that died; a sign-in plus its code exchanges takes seconds.
const STALE_MS = 180_000;
const POLL_MS = 20;

/**
 * One sign-in of one test account against one target at a time, across the run's worker processes: a real server
 * may keep one code (or one session) per user, so two installs at once would spoil each other's codes and the
 * verdicts built on them. Holds a lock directory in the OS temp dir (mkdir is atomic) while `fn` runs.
 */
export async function withSignInLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const path = join(tmpdir(), `plugin-conformance-sign-in-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
  for (;;) {
    try {
      mkdirSync(path);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
      } catch {
        // Released between the two calls: try again.
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}
