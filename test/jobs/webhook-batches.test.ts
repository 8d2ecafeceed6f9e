/**
 * The webhook processor applies a batch in shared transactions (SQLite: runs of rows sized by their CPU time; PostgreSQL: each lane's
 * run of rows, its tickets locked up front). What must hold whatever the grouping, on both stores: a redelivery
 * inside the batch is applied once and an older view never regresses a newer one; a malformed row fails alone; an
 * error in the middle of a group rolls the group back and every row is then applied exactly once.
 */
import { openDatabase } from '../../src/store';
import { perTest } from '../support/per-test';
import { describePostgres } from '../support/postgres';
import { reusedSchema } from '../support/reused-schema';
import { deliverWebhook, linkTicket, type SyncHarness, startSyncHarness, storedTicket, ticketStateItem } from '../services/sync/support';

const deliver = deliverWebhook;
const stateItem = (h: SyncHarness, ticketId: string, category: string, updatedAt: number) =>
  ticketStateItem(h, ticketId, category, updatedAt, 'Batch');

interface Sent {
  id: string;
  ticketId: string;
  category: string;
  at: number;
}

/** Stores every delivery at once (the intake groups them), without applying any: the processor is not running. */
async function deliverAll(h: SyncHarness, sends: readonly Sent[]): Promise<void> {
  const answers = await Promise.all(sends.map((s) => deliver(h, s.id, 'ticket.state.updated', stateItem(h, s.ticketId, s.category, s.at))));
  expect(answers.map((a) => a.status)).toEqual(sends.map(() => 200));
}

const statusOf = async (h: SyncHarness, id: string) => (await h.application.store.webhooks.get(h.workspaceId, id))?.status;

async function outboxKinds(h: SyncHarness): Promise<string[]> {
  const due = await h.application.store.outbox.claimDue(h.clock.now() + 3_600_000, 500, 'inspect', 1);
  return due.map((job) => job.kind).sort();
}

function batchCases(start: () => Promise<SyncHarness>): void {
  let h: SyncHarness;
  perTest(start, (started) => {
    h = started;
  });

  it('a batch with redeliveries and an older view inside it applies each notification once, newest view standing', async () => {
    const [a, b] = [await linkTicket(h, { title: 'A' }), await linkTicket(h, { title: 'B' })];
    const base = Math.floor(h.clock.now() / 1000);
    const sends: Sent[] = [
      { id: 'n1', ticketId: a.ticketId, category: 'waiting_on_customer', at: base + 1 },
      { id: 'n2', ticketId: b.ticketId, category: 'resolved', at: base + 1 },
      { id: 'n3', ticketId: a.ticketId, category: 'in_progress', at: base + 3 },
      // Older than n3, delivered after it: must not move A back.
      { id: 'n4', ticketId: a.ticketId, category: 'waiting_on_customer', at: base + 2 },
    ];
    await deliverAll(h, [...sends, sends[1]!, sends[0]!, sends[1]!]);
    expect(await h.job('webhooks').runOnce()).toBe(4);
    expect(await Promise.all(sends.map((s) => statusOf(h, s.id)))).toEqual(['done', 'done', 'done', 'ignored']);
    expect((await storedTicket(h, a.ticketId)).stateCategory).toBe('in_progress');
    expect((await storedTicket(h, b.ticketId)).stateCategory).toBe('resolved');
    // B resolved once: its follow-ups (note, and reopen per the default behaviour) are queued once.
    const followUps = (await outboxKinds(h)).filter((kind) => kind.startsWith('sync.conversation'));
    expect(followUps).toEqual([...new Set(followUps)]);
    expect(followUps.length).toBeGreaterThan(0);
    expect(await h.job('webhooks').runOnce()).toBe(0);
  });

  it('a malformed notification fails alone; the rest of its batch is applied', async () => {
    const { ticketId } = await linkTicket(h);
    const base = Math.floor(h.clock.now() / 1000);
    await deliverAll(h, [{ id: 'ok1', ticketId, category: 'waiting_on_customer', at: base + 1 }]);
    expect((await deliver(h, 'poison', 'ticket.state.updated', { type: 'ticket', id: { not: 'an id' } })).status).toBe(200);
    await deliverAll(h, [{ id: 'ok2', ticketId, category: 'in_progress', at: base + 2 }]);
    expect(await h.job('webhooks').runOnce()).toBe(3);
    expect(await h.application.store.webhooks.get(h.workspaceId, 'poison')).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect([await statusOf(h, 'ok1'), await statusOf(h, 'ok2')]).toEqual(['done', 'done']);
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('in_progress');
  });

  it('an error in the middle of a group rolls it back; every row is then applied exactly once', async () => {
    const tickets = [await linkTicket(h, { title: 'A' }), await linkTicket(h, { title: 'B' }), await linkTicket(h, { title: 'C' })];
    const [, middle] = tickets;
    const sla = h.application.deps.sla;
    const original = sla.onTicketState.bind(sla);
    let failures = 1;
    const spy = jest.spyOn(sla, 'onTicketState').mockImplementation(async (tx, workspaceId, ticketId, category, at) => {
      if (ticketId === middle!.ticketId && failures-- > 0) throw new Error('connection reset while saving the clock');
      return original(tx, workspaceId, ticketId, category, at);
    });
    const base = Math.floor(h.clock.now() / 1000);
    const sends = tickets.flatMap((t, i) => [
      { id: `${i}-pause`, ticketId: t.ticketId, category: 'waiting_on_customer', at: base + 1 },
      { id: `${i}-resolve`, ticketId: t.ticketId, category: 'resolved', at: base + 2 },
    ]);
    await deliverAll(h, sends);
    expect(await h.job('webhooks').runOnce()).toBe(sends.length);
    // Whether the error hit a group (rolled back, then one row per transaction) or a lone row (retried later),
    // nothing is lost: by the time the retry is due, every row is done.
    h.clock.advance(10 * 60_000);
    await h.job('webhooks').runOnce();
    spy.mockRestore();
    // A rolled-back pause retried after its ticket's resolution applied is older than the stored view: ignored, as
    // any late older webhook is. Every resolution is applied; no row is left pending or failed.
    const statuses = await Promise.all(sends.map((s) => statusOf(h, s.id)));
    expect(statuses.filter((_, i) => sends[i]!.category === 'resolved')).toEqual(tickets.map(() => 'done'));
    expect(statuses.every((status) => status === 'done' || status === 'ignored')).toBe(true);
    for (const t of tickets) {
      expect((await storedTicket(h, t.ticketId)).stateCategory).toBe('resolved');
      expect((await h.application.store.clocks.get(h.workspaceId, t.ticketId, 'resolution'))?.status).toBe('stopped');
    }
    // Three resolutions, each followed up once although one was rolled back and applied again.
    const notes = (await outboxKinds(h)).filter((kind) => kind === 'sync.conversation_note');
    expect(notes).toHaveLength(3);
  });
}

describe('webhook batches [sqlite]', () => {
  batchCases(() => startSyncHarness({ webhooks: false }));
});

describePostgres('webhook batches [postgres]', (url) => {
  const schema = reusedSchema('batches', url);
  batchCases(async () => {
    await schema.empty();
    return startSyncHarness({ database: openDatabase({ url, pgSchema: schema.name, pgPoolMax: 6 }), webhooks: false });
  });
});
