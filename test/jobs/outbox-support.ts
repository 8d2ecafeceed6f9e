/** Shared set-up for the outbox worker tests: an in-memory store, a manual clock, a log recorder. */
import type { WorkerLogger } from '../../src/jobs/outbox-worker';
import { createStore, migrateToLatest, openDatabase, type Store } from '../../src/store';
import { ManualClock } from '../../src/util/clock';

export const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

export async function freshStore(): Promise<Store> {
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  const store = createStore(database);
  await store.workspaces.upsert('ws-a', {
    name: 'A',
    region: 'us',
    apiBaseUrl: 'https://api.intercom.io',
    timezone: 'UTC',
    token: null,
    installMode: 'private',
    installedAt: T0,
    installedByAdminId: null,
  });
  return store;
}

export function manualClock(): ManualClock {
  return new ManualClock(T0);
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: object;
}

export function recordingLogger(): WorkerLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (fields: object, message: string) => {
    entries.push({ level, message, fields });
  };
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

export function enqueue(store: Store, dedupeKey: string, kind = 'note.post', payload: unknown = { n: 1 }, now = T0) {
  return store.outbox.enqueue('ws-a', { kind, dedupeKey, payload, now });
}

/** A promise with its resolver: lets a test hold a handler mid-flight. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
