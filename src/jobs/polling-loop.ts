/**
 * The one loop behind every background job (outbox worker, SLA scheduler, webhook processor, reconciliation): run a
 * pass, wait, run again — at once when the pass came back full (more is probably waiting) or someone poked during
 * it (the poke may concern work the pass did not see). Passes never overlap, whether the loop or a caller asked for
 * one. A failing pass is reported and the loop carries on: one bad pass must not stop the job for good. `stop`
 * cancels the next pass and waits for the one in flight; a stopped loop runs nothing more. `pause` does the same
 * but leaves the loop usable: passes a caller asks for still run, and `start` resumes it.
 */

/** Runs `callback` after `delayMs`; returns the cancel. Tests pass their own to step the loop by hand. */
export type LoopTimer = (callback: () => void, delayMs: number) => () => void;

/** Node's timer, unref'd so a forgotten loop never holds the process open. */
export const nodeTimer: LoopTimer = (callback, delayMs) => {
  const handle = setTimeout(callback, delayMs);
  handle.unref();
  return () => clearTimeout(handle);
};

export interface PollingLoopOptions {
  /** For messages: "outbox", "webhooks" … */
  name: string;
  /** One pass; resolves with how many items it handled. */
  pass(): Promise<number>;
  /** A pass that handled this many means more is probably waiting: go again without sleeping. */
  isFull(handled: number): boolean;
  /** A pass that threw; the loop goes on at its interval. */
  onError(error: unknown): void;
  timer?: LoopTimer;
}

export interface PollingLoop {
  /** One pass now, or the pass already in flight. After `stop`, resolves with 0 and runs nothing. */
  runOnce(): Promise<number>;
  /** Runs a pass at once, then every `intervalMs`. */
  start(intervalMs: number): void;
  /** A pass as soon as possible (after enqueueing, say). Does nothing before `start`. */
  poke(): void;
  /** No pass of the loop's own until `start` again; resolves once the pass in flight has finished. */
  pause(): Promise<void>;
  /** No pass after this; resolves once the pass in flight has finished. */
  stop(): Promise<void>;
}

export function createPollingLoop(options: PollingLoopOptions): PollingLoop {
  const timer = options.timer ?? nodeTimer;
  let intervalMs: number | null = null;
  let stopped = false;
  let cancelNext: (() => void) | null = null;
  let running: Promise<number> | null = null;
  let poked = false;
  /** The loop's own pass is under way (a poke now must be answered by another pass after it). */
  let ticking = false;

  function runOnce(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    if (running) return running;
    running = options.pass().finally(() => {
      running = null;
    });
    return running;
  }

  /** Cancels the next pass and waits for the one in flight (after `stop` or `pause`, nothing schedules another). */
  async function quiesce(): Promise<void> {
    cancelNext?.();
    cancelNext = null;
    while (running) await running.catch(() => 0);
  }

  function schedule(delayMs: number): void {
    if (intervalMs === null || stopped) return;
    cancelNext?.();
    cancelNext = timer(tick, delayMs);
  }

  function tick(): void {
    cancelNext = null;
    poked = false;
    ticking = true;
    let again = false;
    // A pass a caller started may not have seen what the loop woke up for: let it finish, then run our own.
    const pass = running ? running.catch(() => 0).then(runOnce) : runOnce();
    pass
      .then((handled) => {
        again = options.isFull(handled);
      })
      .catch(options.onError)
      .finally(() => {
        ticking = false;
        schedule(again || poked ? 0 : (intervalMs ?? 0));
      });
  }

  return {
    runOnce,
    start(every) {
      if (stopped) throw new Error(`the ${options.name} loop was stopped; create a new one`);
      intervalMs = Math.max(1, every);
      schedule(0);
    },
    poke() {
      if (ticking) poked = true;
      else schedule(0);
    },
    async pause() {
      intervalMs = null;
      await quiesce();
    },
    async stop() {
      stopped = true;
      await quiesce();
    },
  };
}
