/**
 * Waiting for SQLite's write lock without stalling the process. better-sqlite3 waits for a lock synchronously
 * (the busy timeout), and the whole event loop — every workspace's requests — waits with it. So the busy timeout
 * stays a few milliseconds (enough for another process's ordinary commit) and a transaction that still finds the
 * lock taken is tried again after a pause, with its connection given back meanwhile, so reads (which WAL does not
 * block) go on being served. Past the budget the SQLITE_BUSY error stands and the request answers "store
 * unavailable" (src/store/unavailable.ts).
 *
 * Real time, not the injected clock: the lock is held by another process in real time, and a test's manual clock
 * would never move past the budget.
 */

/** The synchronous part of each attempt: another process's ordinary commit takes about this long at most. */
export const SQLITE_SYNC_BUSY_MS = 20;
const RETRY_PAUSE_MS = 25;

/**
 * Runs `attempt` until it succeeds, fails otherwise, or the lock has been waited for `budgetMs`. It is tried
 * again only when it failed before its work began (`began` not called): the lock was never ours, nothing ran.
 */
export async function waitForWriteLock<T>(budgetMs: number, attempt: (began: () => void) => Promise<T>): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    let began = false;
    try {
      return await attempt(() => {
        began = true;
      });
    } catch (error) {
      if (began || !isBusy(error) || Date.now() + RETRY_PAUSE_MS > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
