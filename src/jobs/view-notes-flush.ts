/**
 * Writes what sidebar views noted in memory, every few seconds, off the sidebar's path: the conversations the
 * sidebar was shown in (src/services/reports/seen-recorder.ts) and the conversations' problem signatures
 * (src/services/incidents/signature-recorder.ts). Stopping flushes once more, so a clean shutdown loses nothing.
 */
import type { BackgroundJob } from './background-job';
import { createPollingLoop } from './polling-loop';

export const VIEW_NOTES_FLUSH_MS = 5_000;

/** Anything holding notes in memory that it writes when asked; resolves with how many it wrote. */
export interface Flushable {
  flush(): Promise<number>;
}

export const VIEW_NOTES_JOB = 'view-notes';

export function createViewNotesJob(
  notes: readonly Flushable[],
  onError: (error: unknown) => void,
  intervalMs = VIEW_NOTES_FLUSH_MS,
): BackgroundJob {
  const flushAll = async () => {
    let written = 0;
    for (const each of notes) written += await each.flush();
    return written;
  };
  const loop = createPollingLoop({ name: VIEW_NOTES_JOB, pass: flushAll, isFull: () => false, onError });
  return {
    name: VIEW_NOTES_JOB,
    runOnce: () => loop.runOnce(),
    start: () => loop.start(intervalMs),
    stop: async () => {
      await loop.stop();
      await flushAll();
    },
  };
}
