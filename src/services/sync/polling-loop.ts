/**
 * The loop behind sync's background jobs (webhook processor, reconciler): run a pass, wait, run again — at once
 * when the pass came back full or someone poked meanwhile. Passes never overlap, and `stop` waits for the one in
 * flight. Timers are unref'd so a forgotten loop never holds the process open.
 */
export interface PollingLoopOptions {
  name: string;
  runOnce(): Promise<number>;
  intervalMs: number;
  /** A full pass means more is probably waiting: go again without sleeping. */
  isFull(handled: number): boolean;
  onError(error: unknown): void;
}

export interface PollingLoop {
  runOnce(): Promise<number>;
  start(): void;
  poke(): void;
  stop(): Promise<void>;
}

export function createPollingLoop(options: PollingLoopOptions): PollingLoop {
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let poked = false;

  /** One pass at a time, whether the loop or a test asked for it. */
  function runOnce(): Promise<number> {
    if (stopping) return Promise.resolve(0);
    if (running) return running;
    running = options.runOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(delayMs: number): void {
    if (!started || stopping) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref();
  }

  function tick(): void {
    poked = false;
    let again = false;
    runOnce()
      .then((handled) => {
        again = options.isFull(handled);
      })
      .catch(options.onError)
      .finally(() => schedule(again || poked ? 0 : options.intervalMs));
  }

  return {
    runOnce,
    start() {
      if (stopping) throw new Error(`${options.name} loop was stopped; create a new one`);
      started = true;
      schedule(0);
    },
    poke() {
      if (running) poked = true;
      else schedule(0);
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      while (running) await running.catch(() => 0);
    },
  };
}
