/**
 * The stored report figures are what the raw rows say: after random histories written the way the app writes them
 * (clocks started, state changes recorded and applied to the clocks, first responses, priority changes, some events
 * out of order), every ticket's stored figures equal the figures worked out again from its clocks and events now.
 * On SQLite and PostgreSQL.
 */
import { PRIORITIES, type StateCategory } from '../../../src/domain/model';
import { readFigures, type StoredFigures } from '../../../src/domain/reports/figures-codec';
import { calendarKey } from '../../../src/domain/reports/ticket-figures';
import { defaultSettings } from '../../../src/domain/settings';
import { recordStateChange } from '../../../src/services/reports/state-events';
import { deferFigures, figuresFromStore, flushDeferredFigures } from '../../../src/services/reports/ticket-figures';
import { createSlaService } from '../../../src/services/sla/sla-service';
import { ManualClock } from '../../../src/util/clock';
import { seededRandom } from '../../../src/util/seeded-random';
import { ticketSnapshot } from '../../store/repos/factories';
import { describeContract, seedWorkspace, T0 } from '../../store/repos/harness';

const HOUR = 3_600_000;
const stored = (figures: StoredFigures | null) => (figures === null ? null : readFigures(figures));
const STATES: StateCategory[] = ['in_progress', 'waiting_on_customer', 'resolved', 'in_progress', 'resolved', 'waiting_on_customer'];

describeContract('ticket report figures', (engine) => {
  it('equal a recomputation from the raw clocks and events after random histories', async () => {
    const { store } = engine;
    await seedWorkspace(store, 'ws-a', 'Europe/Berlin');
    const clock = new ManualClock(T0);
    const sla = createSlaService({ clock });
    const policy = defaultSettings('Europe/Berlin').sla;
    const random = seededRandom(1811);
    const ids: string[] = [];
    // After every transaction, not only at the end: a later clock save would hide a change that stored nothing.
    const expectStoredEqualRecomputed = async (which: string[]) => {
      const rows = (
        await store.reports.tickets('ws-a', { from: T0 - 1000 * HOUR, to: T0 + 1000 * HOUR }, calendarKey(policy.businessHours))
      ).filter((r) => which.includes(r.ticketId));
      expect(rows).toHaveLength(which.length);
      const recomputed = new Map((await figuresFromStore(store, 'ws-a', which, policy)).map((w) => [w.ticketId, w.figures]));
      for (const row of rows) {
        expect({ ticket: row.ticketId, figures: stored(row.figures) }).toEqual({
          ticket: row.ticketId,
          figures: recomputed.get(row.ticketId),
        });
      }
      return recomputed;
    };
    for (let i = 0; i < 16; i += 1) {
      const ticketId = `tk-${i}`;
      ids.push(ticketId);
      const createdAt = T0 + Math.floor(random() * 20) * HOUR;
      await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId, conversationId: `c-${i}` }), createdAt);
      const account = { tier: (['standard', 'pro', 'enterprise'] as const)[i % 3]!, renewalInDays: null, highRisk: false };
      await sla.startClocks(store, 'ws-a', { ticketId, createdAt, priority: PRIORITIES[i % 4]!, account }, createdAt);
      let at = createdAt;
      let state: StateCategory = 'submitted';
      const steps = Math.floor(random() * 7);
      for (let k = 0; k < steps; k += 1) {
        at += Math.floor(random() * 40 * HOUR);
        // Now and then an event from before the last one (a late webhook): the clocks ignore it, the events keep it.
        const when = random() < 0.15 ? at - 30 * HOUR : at;
        const next = STATES[Math.floor(random() * STATES.length)]!;
        const roll = random();
        await store.transaction(async (tx) => {
          if (roll < 0.2) await sla.onFirstResponse(tx, 'ws-a', ticketId, when);
          else if (roll < 0.3) await sla.onPriorityChange(tx, 'ws-a', ticketId, PRIORITIES[(i + k) % 4]!, when);
          else {
            await recordStateChange(tx, 'ws-a', ticketId, state, { category: next, at: when }, policy, when);
            await sla.onTicketState(tx, 'ws-a', ticketId, next, when);
            state = next;
          }
        });
        await expectStoredEqualRecomputed([ticketId]);
      }
    }
    const recomputed = await expectStoredEqualRecomputed(ids);
    // The histories were not trivial: some tickets resolved, some reopened, some paused.
    const all = [...recomputed.values()];
    expect(all.some((f) => f.events.some((e) => e.kind === 'reopened'))).toBe(true);
    expect(all.some((f) => f.pausedSpans.length > 0)).toBe(true);
    expect(all.some((f) => f.resolvedSpentMs !== null)).toBe(true);
    // Many small transactions, each checked: on PostgreSQL under a busy machine this is slow (jest.config.js's guard).
  });

  it('deferred for a batch: worked out once per ticket at the flush, equal to a recomputation after its last write', async () => {
    const { store } = engine;
    await seedWorkspace(store, 'ws-a', 'Europe/Berlin');
    const sla = createSlaService({ clock: new ManualClock(T0) });
    const policy = defaultSettings('Europe/Berlin').sla;
    const account = { tier: 'pro' as const, renewalInDays: null, highRisk: false };
    for (const ticketId of ['tk-1', 'tk-2']) {
      await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId, conversationId: `c-${ticketId}` }), T0);
      await sla.startClocks(store, 'ws-a', { ticketId, createdAt: T0, priority: 'P2', account }, T0);
    }
    const before = await store.reports.tickets('ws-a', { from: T0 - HOUR, to: T0 + 10 * HOUR }, calendarKey(policy.businessHours));
    await store.transaction(async (tx) => {
      const saveFigures = jest.fn(tx.reports.saveFigures);
      const batch = { ...tx, reports: { ...tx.reports, saveFigures } };
      deferFigures(batch);
      let state: StateCategory = 'submitted';
      for (const [k, next] of (['in_progress', 'waiting_on_customer', 'resolved'] as const).entries()) {
        const at = T0 + (k + 1) * HOUR;
        for (const ticketId of ['tk-1', 'tk-2']) {
          await recordStateChange(batch, 'ws-a', ticketId, state, { category: next, at }, policy, at);
          await sla.onTicketState(batch, 'ws-a', ticketId, next, at);
        }
        state = next;
      }
      expect(saveFigures).not.toHaveBeenCalled();
      await flushDeferredFigures(batch);
      expect(saveFigures).toHaveBeenCalledTimes(1);
      expect(saveFigures.mock.calls[0]![1].map((w) => w.ticketId)).toEqual(['tk-1', 'tk-2']);
      // Flushed: nothing left to store.
      await flushDeferredFigures(batch);
      expect(saveFigures).toHaveBeenCalledTimes(1);
    });
    const after = await store.reports.tickets('ws-a', { from: T0 - HOUR, to: T0 + 10 * HOUR }, calendarKey(policy.businessHours));
    const recomputed = new Map((await figuresFromStore(store, 'ws-a', ['tk-1', 'tk-2'], policy)).map((w) => [w.ticketId, w.figures]));
    expect(after.map((row) => stored(row.figures))).toEqual(after.map((row) => recomputed.get(row.ticketId)));
    expect(after.map((row) => row.figures)).not.toEqual(before.map((row) => row.figures));
    expect(recomputed.get('tk-1')?.resolvedSpentMs).not.toBeNull();
  });

  it('a reopening the clocks ignore (older than what they saw) still reaches the stored figures', async () => {
    const { store } = engine;
    await seedWorkspace(store, 'ws-a', 'Europe/Berlin');
    const sla = createSlaService({ clock: new ManualClock(T0) });
    const policy = defaultSettings('Europe/Berlin').sla;
    await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk', conversationId: 'c' }), T0);
    const account = { tier: 'pro' as const, renewalInDays: null, highRisk: false };
    await sla.startClocks(store, 'ws-a', { ticketId: 'tk', createdAt: T0, priority: 'P2', account }, T0);
    await sla.onFirstResponse(store, 'ws-a', 'tk', T0 + HOUR);
    await store.transaction(async (tx) => {
      await recordStateChange(tx, 'ws-a', 'tk', 'in_progress', { category: 'resolved', at: T0 + 5 * HOUR }, policy, T0 + 5 * HOUR);
      await sla.onTicketState(tx, 'ws-a', 'tk', 'resolved', T0 + 5 * HOUR);
    });
    await store.transaction(async (tx) => {
      await recordStateChange(tx, 'ws-a', 'tk', 'resolved', { category: 'in_progress', at: T0 + 3 * HOUR }, policy, T0 + 6 * HOUR);
      await sla.onTicketState(tx, 'ws-a', 'tk', 'in_progress', T0 + 3 * HOUR);
    });
    const [row] = await store.reports.tickets('ws-a', { from: T0, to: T0 + 10 * HOUR }, calendarKey(policy.businessHours));
    expect(stored(row!.figures)?.events).toEqual([
      { kind: 'reopened', at: T0 + 3 * HOUR },
      { kind: 'resolved', at: T0 + 5 * HOUR },
    ]);
  });
});
