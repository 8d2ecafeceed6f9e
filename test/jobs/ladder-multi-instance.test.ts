/**
 * Two app instances on one PostgreSQL database, ticking at the same time against one fake Intercom: every ladder
 * step of every clock takes effect exactly once. Claims hand the instances disjoint clocks (SKIP LOCKED); the
 * firing row is the guard behind them. Needs PostgreSQL (TEST_DATABASE_URL; skipped and said so without it).
 */
import { createSlaScheduler } from '../../src/jobs/sla-scheduler';
import { createPolicyCache } from '../../src/services/sla/policy-cache';
import { silentLogger } from '../../src/util/logger';
import { type Harness, TEST_START } from '../support/app-harness';
import { describePostgres, type PgPair, startPgPair } from '../support/postgres';
import { BREACH_AFTER, configureLadder, HOUR, linkedTicket, schedulerOf } from './ladder-fixture';

const TICKETS = 12;
const STEPS = ['warn', 'escalate', 'breach'] as const;

describePostgres('the SLA ladder on two instances of one PostgreSQL database', () => {
  let pair: PgPair;
  let a: Harness;
  let b: Harness;
  const clock = () => pair.clock;
  const fake = () => pair.fake;
  const demo = () => pair.demo;

  beforeAll(async () => {
    pair = await startPgPair('ladder');
    ({ a, b } = pair);
  });
  afterAll(() => pair?.close());

  it('fires every step of every clock exactly once while both instances tick concurrently', async () => {
    await configureLadder(a, { ladder: { escalateAction: 'mention' } });
    const ticketIds: string[] = [];
    for (let i = 0; i < TICKETS; i += 1) ticketIds.push(await linkedTicket(i % 2 === 0 ? a : b));

    // Walk through the ladder in steps that land before, on and after each threshold; both instances race each time.
    for (let at = 0; at <= BREACH_AFTER + HOUR; at += 6 * 60_000) {
      clock().set(TEST_START + at);
      await Promise.all([schedulerOf(a).runOnce(), schedulerOf(b).runOnce(), schedulerOf(a).runOnce(), schedulerOf(b).runOnce()]);
      for (let round = 0; round < 10; round += 1) {
        await Promise.all([a.application.outbox.runOnce(), b.application.outbox.runOnce()]);
        if ((await a.application.store.outbox.pendingCount(demo().workspaceId)) === 0) break;
        clock().advance(5_000);
      }
    }

    const workspace = fake().state.workspaces.get(demo().workspaceId);
    for (const ticketId of ticketIds) {
      const parts = workspace?.tickets.get(ticketId)?.parts ?? [];
      for (const step of STEPS) {
        const marker = `handoff-sla:resolution:0:${step}`;
        expect([ticketId, step, parts.filter((p) => p.body?.includes(marker)).length]).toEqual([ticketId, step, 1]);
      }
      const firings = await a.application.store.ladder.listByTicket(demo().workspaceId, ticketId);
      expect(firings.map((f) => f.step)).toEqual([...STEPS]);
    }
    const replies = fake().requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reply'));
    expect(replies).toHaveLength(TICKETS * STEPS.length);
    const done = await a.application.store.outbox.listByWorkspace(demo().workspaceId, { status: 'done', limit: 1000 });
    expect(done.filter((job) => job.kind === 'ladder.step')).toHaveLength(TICKETS * STEPS.length);
    fake().assertNoViolations();
  });

  it('two instances working through one storm in small chunks at once: each step of each clock once', async () => {
    const ticketIds: string[] = [];
    for (let i = 0; i < 20; i += 1) ticketIds.push(await linkedTicket(a));
    clock().advance(BREACH_AFTER);
    const scheduler = (h: Harness, instanceId: string) =>
      createSlaScheduler({
        store: h.application.store,
        clock: clock(),
        policies: createPolicyCache(),
        instanceId,
        logger: silentLogger,
        intervalMs: 1_000,
        chunkSize: 3,
      });
    // SKIP LOCKED hands the instances disjoint chunks; each clock (its resolution clock: the response one has stopped)
    // is handled by one of them, and all three of its steps fire in that one chunk.
    const handled = await Promise.all([scheduler(a, 'storm-a').runOnce(), scheduler(b, 'storm-b').runOnce()]);
    expect(handled[0]! + handled[1]!).toBe(ticketIds.length);
    const jobs = await a.application.store.outbox.listByWorkspace(demo().workspaceId, { limit: 1000 });
    for (const ticketId of ticketIds) {
      const mine = jobs.filter((job) => job.dedupeKey.startsWith(`${demo().workspaceId}:${ticketId}:`));
      expect([ticketId, mine.map((job) => job.dedupeKey.split(':').pop()).sort()]).toEqual([ticketId, [...STEPS].sort()]);
      const firings = await a.application.store.ladder.listByTicket(demo().workspaceId, ticketId);
      expect(firings.map((f) => f.step)).toEqual([...STEPS]);
    }
  });
});
