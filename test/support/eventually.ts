/**
 * Waiting, in real time, for something that will happen: a background loop's next poll, a slow answer landing at
 * the fake Intercom, another instance hearing a write, a child process starting. The one polling policy of the
 * suite. The limit is a guard against a hang, not a measure: on a 2-core CI machine running two suites side by
 * side a wait of milliseconds can take seconds, so it is long; a test whose subject is how long something takes
 * asserts that itself.
 */
export const HANG_GUARD_MS = 60_000;

export interface PollOptions {
  /** Give up (fail) after this long; default HANG_GUARD_MS. */
  timeoutMs?: number;
  /** Pause between checks. */
  everyMs?: number;
}

/** Resolves once `check` holds; throws, naming `what`, if it still does not after the guard. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, options: PollOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? HANG_GUARD_MS;
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 5));
  }
}
