/**
 * A lock handed to its waiters one at a time, in the order they asked. kysely's SQLite driver guards its single
 * connection with a lock whose release wakes every waiter at once (they all await one promise, and all but one go
 * back to waiting): with 50 sidebar views in flight, each query's release resumed ~49 async functions, so the CPU a
 * view cost grew with the number of views waiting, and which waiter won was arbitrary, which made the slowest views
 * far slower. Here a release resumes exactly the next waiter.
 */
export class FifoLock {
  #held = false;
  readonly #waiters: (() => void)[] = [];
  #next = 0;

  /** Resolves once the caller holds the lock. */
  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Passes the lock to the longest waiter, or frees it. */
  release(): void {
    if (this.#next < this.#waiters.length) {
      const resume = this.#waiters[this.#next]!;
      this.#next += 1;
      // Compact now and then instead of shift()ing every time (O(n) per release on a long queue).
      if (this.#next > 1024 && this.#next * 2 > this.#waiters.length) {
        this.#waiters.splice(0, this.#next);
        this.#next = 0;
      }
      resume();
      return;
    }
    this.#waiters.length = 0;
    this.#next = 0;
    this.#held = false;
  }

  /** How many callers wait for the lock (for tests and metrics). */
  get waiting(): number {
    return this.#waiters.length - this.#next;
  }
}
