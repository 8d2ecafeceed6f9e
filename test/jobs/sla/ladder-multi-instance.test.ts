/**
 * Two app instances on one PostgreSQL database, ticking at the same time against one fake Intercom: every ladder
 * step of every clock takes effect exactly once. Claims hand the instances disjoint clocks (SKIP LOCKED); the
 * firing row is the guard behind them. Runs only when TEST_DATABASE_URL is set (CI); says so plainly otherwise.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import type { DemoWorkspace } from '../../../src/sandbox/fake-intercom/demo-seed';
import { openDatabase } from '../../../src/store';
import { ManualClock } from '../../../src/util/clock';
import { type Harness, startHarness, TEST_START } from '../../support/app-harness';
import { BREACH_AFTER, configureLadder, HOUR, linkedTicket, schedulerOf } from './ladder-fixture';

const PG_URL = process.env.TEST_DATABASE_URL;
const TICKETS = 12;
const STEPS = ['warn', 'escalate', 'breach'] as const;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

if (!PG_URL) {
  console.log('SKIPPED: the SLA ladder multi-instance test needs TEST_DATABASE_URL (PostgreSQL); it did not run.');
  it.skip('two instances on one PostgreSQL database (needs TEST_DATABASE_URL)', () => {});
} else {
  const schema = `ladder_${randomBytes(6).toString('hex')}`;
  const clock = new ManualClock(TEST_START);
  let fake: FakeIntercom;
  let demo: DemoWorkspace;
  let a: Harness;
  let b: Harness;

  beforeAll(async () => {
    await admin(`create schema ${schema}`);
    fake = await startFakeIntercom({ clock });
    demo = fake.seedDemoWorkspace();
    const open = () => openDatabase({ url: PG_URL, pgSchema: schema, pgPoolMax: 4 });
    a = await startHarness({ clock, fake, demo, database: open() });
    b = await startHarness({ clock, fake, demo, database: open() });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await fake?.close();
    await admin(`drop schema if exists ${schema} cascade`);
  });

  it('fires every step of every clock exactly once while both instances tick concurrently', async () => {
    await configureLadder(a, { ladder: { escalateAction: 'mention' } });
    const ticketIds: string[] = [];
    for (let i = 0; i < TICKETS; i += 1) ticketIds.push(await linkedTicket(i % 2 === 0 ? a : b));

    // Walk through the ladder in steps that land before, on and after each threshold; both instances race each time.
    for (let at = 0; at <= BREACH_AFTER + HOUR; at += 6 * 60_000) {
      clock.set(TEST_START + at);
      await Promise.all([schedulerOf(a).runOnce(), schedulerOf(b).runOnce(), schedulerOf(a).runOnce(), schedulerOf(b).runOnce()]);
      for (let round = 0; round < 10; round += 1) {
        await Promise.all([a.application.outbox.runOnce(), b.application.outbox.runOnce()]);
        if ((await a.application.store.outbox.pendingCount(demo.workspaceId)) === 0) break;
        clock.advance(5_000);
      }
    }

    const workspace = fake.state.workspaces.get(demo.workspaceId);
    for (const ticketId of ticketIds) {
      const parts = workspace?.tickets.get(ticketId)?.parts ?? [];
      for (const step of STEPS) {
        const marker = `handoff-sla:resolution:0:${step}`;
        expect([ticketId, step, parts.filter((p) => p.body?.includes(marker)).length]).toEqual([ticketId, step, 1]);
      }
      const firings = await a.application.store.ladder.listByTicket(demo.workspaceId, ticketId);
      expect(firings.map((f) => f.step)).toEqual([...STEPS]);
    }
    const replies = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reply'));
    expect(replies).toHaveLength(TICKETS * STEPS.length);
    const done = await a.application.store.outbox.listByWorkspace(demo.workspaceId, { status: 'done', limit: 1000 });
    expect(done.filter((job) => job.kind === 'ladder.step')).toHaveLength(TICKETS * STEPS.length);
    fake.assertNoViolations();
  });

  it('two instances handling the same unleased clock at once: the row lock and firing rows let one fire', async () => {
    const ticketId = await linkedTicket(a);
    clock.advance(BREACH_AFTER);
    // As if a webhook had just rewritten the clock (which clears any lease) while both schedulers held it.
    const row = await a.application.store.clocks.get(demo.workspaceId, ticketId, 'resolution');
    if (!row) throw new Error('clock missing');
    const now = clock.now();
    const fired = await Promise.all([schedulerOf(a).fireDue(row, now), schedulerOf(b).fireDue(row, now)]);
    expect(fired.sort()).toEqual([0, 3]);
    const jobs = await a.application.store.outbox.listByWorkspace(demo.workspaceId, { limit: 1000 });
    expect(
      jobs.filter((job) => job.dedupeKey.startsWith(`${demo.workspaceId}:${ticketId}:`)).map((job) => job.dedupeKey.split(':').pop()),
    ).toEqual(expect.arrayContaining([...STEPS]));
    expect(jobs.filter((job) => job.dedupeKey.startsWith(`${demo.workspaceId}:${ticketId}:`))).toHaveLength(3);
  });
}
