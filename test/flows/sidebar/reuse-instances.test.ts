/**
 * A reused sidebar must not hide a write made elsewhere: by another process on the same SQLite file (seen through
 * `PRAGMA data_version`), or by another app instance on the same PostgreSQL database (seen through LISTEN/NOTIFY).
 * Each case first shows reuse does happen (so the check is not vacuous), then writes from the other side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createStore, type Database, openDatabase, type Store } from '../../../src/store';
import { type Harness, startHarness } from '../../support/app-harness';
import { eventually } from '../../support/eventually';
import { linkTicketWithClock } from '../../support/linked-ticket';
import { describePostgres, type PgPair, startPgPair } from '../../support/postgres';

/** Linked as a webhook would leave it, written through `store` (this instance's, or the other writer's). */
const linkTicket = (store: Store, h: Harness, ticketId: string, stateCategory: 'in_progress' | 'waiting_on_customer') =>
  linkTicketWithClock(
    h,
    ticketId,
    { stateCategory, title: 'Export to CSV times out', queue: 'default', teamId: null, ownerName: null, teamName: null },
    store,
  );

function countRenders(h: Harness): () => number {
  const spy = jest.spyOn(h.application.store.sidebar, 'read');
  return () => spy.mock.calls.length;
}

describe('SQLite: another process writes to the same file', () => {
  let dir: string;
  let h: Harness;
  let other: Database;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-reuse-'));
    const path = join(dir, 'handoff.sqlite');
    h = await startHarness({ database: openDatabase({ sqlitePath: path }) });
    other = openDatabase({ sqlitePath: path });
  });
  afterEach(async () => {
    await other.close();
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the next view shows what the other connection committed', async () => {
    const otherStore = createStore(other);
    await linkTicket(otherStore, h, '801', 'in_progress');
    h.clock.advance(15_000);
    const renders = countRenders(h);
    const first = await h.initialize();
    expect(first.text).toContain('In progress');
    expect((await h.initialize()).text).toBe(first.text);
    expect(renders()).toBe(1);

    await linkTicket(otherStore, h, '801', 'waiting_on_customer');
    const after = await h.initialize();
    expect(renders()).toBe(2);
    expect(after.text).toContain('Waiting on customer');

    // A settings save elsewhere reaches this process's settings cache too (not only after its TTL).
    const current = await otherStore.settings.get(h.demo.workspaceId);
    const settings = structuredClone(current.settings);
    settings.queues.default.label = 'Tier 2 (renamed)';
    const saved = await otherStore.settings.save(h.demo.workspaceId, {
      settings,
      expectedVersion: current.version,
      adminId: null,
      now: h.clock.now(),
    });
    expect(saved).toMatchObject({ ok: true });
    expect((await h.initialize()).text).toContain('Tier 2 (renamed)');
  });
});

/** An instance's fresh renders by reason, as /metrics tells a scraper. */
async function missesOf(h: Harness): Promise<Record<string, number>> {
  const res = await request(h.application.app).get('/metrics').set('Accept', 'text/plain');
  const samples = [...res.text.matchAll(/^sidebar_reuse_misses_total\{reason="(\w+)"\} (\d+)$/gm)];
  return Object.fromEntries(samples.map(([, reason, value]) => [reason, Number(value)]));
}

/** Done once a view right after another is answered from it (the first of the two may be reused too). */
const untilReused = (h: Harness, renders: () => number) =>
  eventually(async () => {
    await h.initialize();
    const before = renders();
    await h.initialize();
    return renders() === before;
  }, 'the instance reuses its render');

describePostgres('PostgreSQL: another app instance writes to the same database', () => {
  let pair: PgPair;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    pair = await startPgPair('reuse');
    ({ a, b } = pair);
  });
  afterAll(() => pair?.close());

  it("instance A's next view shows instance B's commit, once B's NOTIFY arrives", async () => {
    await linkTicket(b.application.store, b, '901', 'in_progress');
    pair.clock.advance(15_000);
    const renders = countRenders(a);
    // A listens from its first view on; until LISTEN is up it renders every time rather than trust its copy.
    await untilReused(a, renders);
    const shown = await a.initialize();
    expect(shown.text).toContain('In progress');

    const stamp = a.application.store.changes.stamp();
    const missed = await missesOf(a);
    await linkTicket(b.application.store, b, '901', 'waiting_on_customer');
    await eventually(() => !a.application.store.changes.unchangedSince(pair.demo.workspaceId, stamp), "B's change reaches A");
    const after = await a.initialize();
    expect(after.text).toContain('Waiting on customer');
    // Counted as what it was: another instance's write to this view's ticket, not a workspace-wide one.
    const now = await missesOf(a);
    expect(now['subject_notified']).toBe((missed['subject_notified'] ?? 0) + 1);
    expect(now['workspace_notified']).toBe(missed['workspace_notified'] ?? 0);
  });

  it("B's write to another conversation's ticket leaves A's sidebar reused; B's dead-lettered job reaches A's card", async () => {
    await linkTicket(b.application.store, b, '911', 'in_progress');
    pair.clock.advance(15_000);
    const renders = countRenders(a);
    await untilReused(a, renders);
    const reused = renders();

    const stamp = a.application.store.changes.stamp();
    await linkTicketWithClock(b, '912', { conversationId: 'another-conversation' }, b.application.store);
    await eventually(() => !a.application.store.changes.unchangedSince(pair.demo.workspaceId, stamp), "B's change reaches A");
    await a.initialize();
    expect(renders()).toBe(reused);

    // One for each of the conversation's tickets (the first test's 901 and this one's): whichever card comes first.
    const beforeDead = a.application.store.changes.stamp();
    for (const ticketId of ['901', '911']) {
      const { job } = await b.application.store.outbox.enqueue(pair.demo.workspaceId, {
        kind: 'ladder.step',
        dedupeKey: `ladder-${ticketId}`,
        payload: { ticketId, step: 'breach' },
        now: pair.clock.now(),
      });
      await b.application.store.outbox.deadLetter(pair.demo.workspaceId, job.id, { error: 'Intercom 503', now: pair.clock.now() });
    }
    await eventually(
      () => !a.application.store.changes.unchangedSince(pair.demo.workspaceId, beforeDead, 'dead'),
      "B's dead letter reaches A",
    );
    expect((await a.initialize()).text).toContain('could not reach Intercom');
  });
});
