/**
 * A doorbell between a producer and a worker built after it: the producer gets `ring` at construction, the worker
 * answers it once it exists. It lets the composition root build everything top to bottom (services that enqueue
 * jobs come before the worker that runs them). A ring before anyone answers is dropped: the worker's first pass
 * at start finds the work anyway.
 */
export interface Wakeup {
  ring(): void;
  /** The worker's poke; set once. */
  answer(listener: () => void): void;
}

export function createWakeup(name: string): Wakeup {
  let listener: (() => void) | null = null;
  return {
    ring: () => listener?.(),
    answer(next) {
      if (listener) throw new Error(`${name} wake-up already answered`);
      listener = next;
    },
  };
}
