/**
 * Writes the conversations the sidebar was shown in (src/services/reports/seen-recorder.ts) every few seconds,
 * off the sidebar's path. Stopping flushes once more, so a clean shutdown loses no sighting.
 */
import type { SeenRecorder } from '../services/reports/seen-recorder';
import type { BackgroundJob } from './background-job';
import { createPollingLoop } from './polling-loop';

export const SEEN_FLUSH_MS = 5_000;

export function createSeenFlushJob(seen: SeenRecorder, onError: (error: unknown) => void, intervalMs = SEEN_FLUSH_MS): BackgroundJob {
  const loop = createPollingLoop({ name: 'conversations-seen', pass: () => seen.flush(), isFull: () => false, onError });
  return {
    name: 'conversations-seen',
    runOnce: () => loop.runOnce(),
    start: () => loop.start(intervalMs),
    stop: async () => {
      await loop.stop();
      await seen.flush();
    },
  };
}
