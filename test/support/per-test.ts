/**
 * The lifecycle every harness-backed test file shares: a fresh harness before each test, and after it the fake
 * Intercom's word that it saw only requests the spec allows, then the harness closed. The close runs even when that
 * check or the file's own set-up failed: a server or database left open keeps jest from exiting.
 */

/** What the teardown needs from a harness. */
export interface CheckedHarness {
  fake: { assertNoViolations(): void };
  close(): Promise<void>;
}

/**
 * `start` builds the harness for one test; `onStarted` hands it to the file (and may do the file's own set-up,
 * awaited before the test runs).
 */
export function perTest<T extends CheckedHarness>(start: () => Promise<T>, onStarted: (started: T) => void | Promise<void>): void {
  let current: T | null = null;
  beforeEach(async () => {
    current = await start();
    await onStarted(current);
  });
  afterEach(async () => {
    const started = current;
    current = null;
    if (!started) return;
    try {
      started.fake.assertNoViolations();
    } finally {
      await started.close();
    }
  });
}
