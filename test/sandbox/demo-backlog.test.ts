/**
 * The demo's open backlog (src/sandbox/demo-backlog.ts) as `npm start` boots it: tickets of every age, state and
 * several queues, with running, paused and breached clocks, each one a real ticket in the fake Intercom. The
 * reconciliation job re-reads every one of them and changes nothing, and the sidebar of one shows its ticket.
 */
import { AGE_BUCKETS } from '../../src/domain/reports/backlog';
import { findTicket } from '../../src/sandbox/fake-intercom/state';
import type { TicketLink } from '../../src/store';
import { startTestSandbox, type TestSandbox } from '../browser/support/sandbox';

const DAY = 86_400_000;
let sandbox: TestSandbox;
let open: TicketLink[];

beforeAll(async () => {
  sandbox = await startTestSandbox({ startJobs: false });
  open = await sandbox.application.store.tickets.listStale(sandbox.demo.workspaceId, Number.MAX_SAFE_INTEGER, 1000);
});
afterAll(async () => {
  sandbox.fake.assertNoViolations();
  await sandbox.close();
});

const clocksOf = (ticketId: string) => sandbox.application.store.clocks.listByTicket(sandbox.demo.workspaceId, ticketId);
const firingsOf = (ticketId: string) => sandbox.application.store.ladder.listByTicket(sandbox.demo.workspaceId, ticketId);

describe('the sandbox demo backlog', () => {
  it('spreads over every age bucket, the three open states and several queues, with running, paused and breached clocks', async () => {
    const now = sandbox.clock.now();
    const buckets = AGE_BUCKETS.map((bucket, i) =>
      open.filter((t) => (now - t.createdAt) / DAY < bucket.upTo && (i === 0 || (now - t.createdAt) / DAY >= AGE_BUCKETS[i - 1]!.upTo)),
    );
    for (const bucket of buckets) expect(bucket.length).toBeGreaterThan(0);
    expect(new Set(open.map((t) => t.stateCategory))).toEqual(new Set(['submitted', 'in_progress', 'waiting_on_customer']));
    expect(new Set(open.map((t) => t.queue)).size).toBeGreaterThanOrEqual(4);
    const clocks = (await Promise.all(open.map((t) => clocksOf(t.ticketId)))).flat();
    const firings = (await Promise.all(open.map((t) => firingsOf(t.ticketId)))).flat();
    expect(clocks.some((c) => c.status === 'running' && c.nextFireAt !== null && c.nextFireAt > now)).toBe(true);
    expect(clocks.some((c) => c.status === 'paused')).toBe(true);
    expect(firings.some((f) => f.step === 'breach')).toBe(true);
  });

  it('exists in the fake Intercom as the store holds it: state, conversation, team and teammate', () => {
    for (const link of open) {
      const found = findTicket(sandbox.fake.state, link.ticketId);
      expect(found?.workspace.id).toBe(sandbox.demo.workspaceId);
      const { workspace, ticket } = found!;
      const type = workspace.ticketTypes.get(ticket.ticketTypeId)!;
      expect(type.states.find((s) => s.id === ticket.stateId)?.category).toBe(link.stateCategory);
      expect(ticket.links).toContainEqual(expect.objectContaining({ type: 'conversation', id: link.conversationId }));
      expect([ticket.teamAssigneeId, ticket.adminAssigneeId, String(ticket.ticketNumber)]).toEqual([
        link.teamId,
        link.adminAssigneeId,
        link.ticketNumber,
      ]);
    }
  });

  it('is re-read by the reconciliation job without a change to a snapshot, a clock or the outbox', async () => {
    const ws = sandbox.demo.workspaceId;
    const before = await Promise.all(open.map(async (t) => [t, await clocksOf(t.ticketId), await firingsOf(t.ticketId)] as const));
    const pending = await sandbox.application.store.outbox.pendingCount(ws);
    // Past the snapshot's age limit without moving the shared clock through a ladder step: the ladder's next steps
    // are hours away at the earliest, the reconciler's limit 15 minutes.
    const reconcile = sandbox.application.jobs.find((job) => job.name === 'reconcile')!;
    sandbox.clock.advance(16 * 60_000);
    let handled = 0;
    for (let pass = 0; pass < 10 && handled < open.length; pass += 1) handled += await reconcile.runOnce();
    expect(handled).toBe(open.length);
    for (const [link, clocks, firings] of before) {
      const after = (await sandbox.application.store.tickets.get(ws, link.ticketId))!;
      expect({ ...after, syncedAt: 0 }).toEqual({ ...link, syncedAt: 0 });
      expect(after.syncedAt).toBeGreaterThan(link.syncedAt);
      expect(await clocksOf(link.ticketId)).toEqual(clocks);
      expect(await firingsOf(link.ticketId)).toEqual(firings);
    }
    expect(await sandbox.application.store.outbox.pendingCount(ws)).toBe(pending);
  });

  it("shows the ticket in its conversation's sidebar", async () => {
    const link = open.find((t) => t.stateCategory === 'waiting_on_customer')!;
    const res = await fetch(`${sandbox.url}/sandbox/api/initialize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationId: link.conversationId, adminId: sandbox.demo.admins.agent }),
    });
    const exchange = (await res.json()) as { status: number; response: unknown; report: { ok: boolean } };
    expect(exchange.status).toBe(200);
    expect(exchange.report.ok).toBe(true);
    const text = JSON.stringify(exchange.response);
    expect(text).toContain(link.title);
    expect(text).toMatch(/Waiting on customer/i);
  });
});
