/**
 * The sidebar's dead-work list (src/services/dead-work-cache.ts): read once, then again only after a job of the
 * workspace died or was retried; ticket traffic and other workspaces' dead work leave it alone.
 */
import { createDeadWorkCache } from '../../src/services/dead-work-cache';
import { createStore, migrateToLatest, openDatabase, type Store } from '../../src/store';
import { seedWorkspace } from '../store/repos/harness';

let store: Store;
beforeEach(async () => {
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  store = createStore(database);
  for (const id of ['w1', 'w2']) await seedWorkspace(store, id);
});
afterEach(() => store.close());

async function deadJob(workspaceId: string, dedupeKey: string): Promise<string> {
  const { job } = await store.outbox.enqueue(workspaceId, { kind: 'ladder.step', dedupeKey, payload: { ticketId: '1' }, now: 1 });
  await store.outbox.deadLetter(workspaceId, job.id, { error: 'Intercom 503', now: 2 });
  return job.id;
}

it('reads the store again only after a dead letter or a revive in that workspace', async () => {
  const cache = createDeadWorkCache(store);
  const reads = jest.spyOn(store.outbox, 'listDead');
  expect(await cache.list('w1')).toEqual([]);
  expect(await cache.list('w1')).toEqual([]);
  expect(reads).toHaveBeenCalledTimes(1);

  // Queue traffic, a ticket write and another workspace's dead work change nothing here.
  await store.outbox.enqueue('w1', { kind: 'ladder.step', dedupeKey: 'quiet', payload: {}, now: 1 });
  await store.tickets.markSynced('w1', 'no-such-ticket', 3);
  await deadJob('w2', 'elsewhere');
  expect(await cache.list('w1')).toEqual([]);
  expect(reads).toHaveBeenCalledTimes(1);

  const id = await deadJob('w1', 'breach');
  expect((await cache.list('w1')).map((job) => job.id)).toEqual([id]);
  expect(reads).toHaveBeenCalledTimes(2);
  await store.outbox.revive('w1', id, 4);
  expect(await cache.list('w1')).toEqual([]);
  expect(reads).toHaveBeenCalledTimes(3);
});
