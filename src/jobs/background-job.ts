/** What every background loop (outbox, SLA scheduler, webhook processor, reconciliation) looks like to the app. */
export interface BackgroundJob {
  readonly name: string;
  /** One pass; resolves with how many items it handled. Tests drive jobs through this. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops polling and waits for work in flight. */
  stop(): Promise<void>;
}
