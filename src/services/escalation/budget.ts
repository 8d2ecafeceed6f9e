/**
 * A time budget for Intercom calls made while a teammate waits. Intercom's Canvas Kit timeout is undocumented
 * (a "10 s" figure circulates, canvas-kit.md §11 #5), so a submit gives each stage a few seconds and otherwise
 * moves on: the reads fail the request with a clear canvas, the ticket create goes to the outbox. The call
 * itself is not cancelled; its promise is only no longer awaited (its rejection is handled so it cannot crash
 * the process), which is why the outbox job waits for it to settle before retrying.
 */
export class BudgetExceededError extends Error {
  override readonly name = 'BudgetExceededError';
}

export function withBudget<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceededError(`${what} took longer than ${ms} ms`)), Math.max(0, ms));
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
