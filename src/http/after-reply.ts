/**
 * Work a canvas route runs once its answer has been sent: the teammate sees the result as soon as it is true, and
 * bookkeeping that the outbox would complete anyway (linking a created ticket) follows straight after. `settled`
 * waits for whatever is in flight: the app's shutdown, and tests that look at the store after a request.
 */
import type { Logger } from '../util/logger';

export interface AfterReply {
  run(work: () => Promise<void>): void;
  settled(): Promise<void>;
}

export function createAfterReply(logger: Logger): AfterReply {
  const inFlight = new Set<Promise<void>>();
  return {
    run(work) {
      const running: Promise<void> = work()
        .catch((error: unknown) => {
          logger.error({ err: error instanceof Error ? error.message : String(error) }, 'work after the reply failed');
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
