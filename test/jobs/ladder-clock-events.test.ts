/**
 * Ticket events move the ladder: a pause in waiting_on_customer stops it, resuming re-arms it (shifted by the
 * pause), and a priority change moves the next fire time, recomputed from the time already spent.
 */
import { type Harness, TEST_START } from '../support/app-harness';
import { useLadderHarness, HOUR, ladderRequests, linkedTicket, MIN, notesOn, tickAndDrain, enterprise, WARN_AFTER } from './ladder-fixture';

let h: Harness;
useLadderHarness((started) => {
  h = started;
});

const ws = () => h.demo.workspaceId;
const resolutionClock = async (ticketId: string) => h.application.store.clocks.get(ws(), ticketId, 'resolution');
const event = (fn: Parameters<Harness['application']['store']['transaction']>[0]) => h.application.store.transaction(fn);
const refs = (ticketId: string) => notesOn(ladderRequests(h, ticketId)).map((n) => String(n.body).match(/ref: (\S+)<\/p>/)?.[1]);

describe('SLA ladder and ticket events', () => {
  it('a pause in waiting_on_customer stops the ladder; resuming re-arms it after the paused time', async () => {
    const ticketId = await linkedTicket(h);
    h.clock.set(TEST_START + 2 * HOUR);
    await event((tx) => h.application.deps.sla.onTicketState(tx, ws(), ticketId, 'waiting_on_customer', h.clock.now()));
    expect(await resolutionClock(ticketId)).toMatchObject({ status: 'paused', nextFireAt: null });

    h.clock.set(TEST_START + 10 * HOUR);
    await tickAndDrain(h);
    expect(ladderRequests(h, ticketId)).toEqual([]);

    await event((tx) => h.application.deps.sla.onTicketState(tx, ws(), ticketId, 'in_progress', h.clock.now()));
    // 2 h were spent before the pause; the warning needs 3 h, so it is due 1 h after the resume.
    expect(await resolutionClock(ticketId)).toMatchObject({ status: 'running', nextStep: 'warn', nextFireAt: TEST_START + 11 * HOUR });
    h.clock.set(TEST_START + 11 * HOUR - MIN);
    await tickAndDrain(h);
    expect(refs(ticketId)).toEqual([]);
    h.clock.set(TEST_START + 11 * HOUR);
    await tickAndDrain(h);
    expect(refs(ticketId)).toEqual(['handoff-sla:resolution:0:warn']);
  });

  it('lowering the priority moves the next fire time out (new cycle); the old warning time passes silently', async () => {
    const ticketId = await linkedTicket(h);
    h.clock.set(TEST_START + HOUR);
    // P3 × enterprise resolution is 24 h: the warning moves from +3 h to +18 h of spent time.
    await event((tx) => h.application.deps.sla.onPriorityChange(tx, ws(), ticketId, 'P3', h.clock.now()));
    expect(await resolutionClock(ticketId)).toMatchObject({ cycle: 1, nextStep: 'warn', nextFireAt: TEST_START + 18 * HOUR });
    h.clock.set(TEST_START + WARN_AFTER);
    await tickAndDrain(h);
    expect(refs(ticketId)).toEqual([]);
    h.clock.set(TEST_START + 18 * HOUR);
    await tickAndDrain(h);
    expect(refs(ticketId)).toEqual(['handoff-sla:resolution:1:warn']);
  });

  it('raising the priority past every threshold fires warn, escalate and breach at once, in order, due at the change', async () => {
    const ticketId = await linkedTicket(h, enterprise, 'P2');
    expect(await resolutionClock(ticketId)).toMatchObject({ nextFireAt: TEST_START + 6 * HOUR });
    h.clock.set(TEST_START + 5 * HOUR);
    // 5 h spent of P1's 4 h target: every step is due from the change, not from some moment in the past.
    await event((tx) => h.application.deps.sla.onPriorityChange(tx, ws(), ticketId, 'P1', h.clock.now()));
    expect(await resolutionClock(ticketId)).toMatchObject({ nextStep: 'warn', nextFireAt: TEST_START + 5 * HOUR });
    await tickAndDrain(h);
    expect(refs(ticketId)).toEqual([
      'handoff-sla:resolution:0:warn',
      'handoff-sla:resolution:0:escalate',
      'handoff-sla:resolution:0:breach',
    ]);
    const firings = await h.application.store.ladder.listByTicket(ws(), ticketId);
    expect(firings.map((f) => f.dueAt)).toEqual([TEST_START + 5 * HOUR, TEST_START + 5 * HOUR, TEST_START + 5 * HOUR]);
  });

  it('a resolved ticket stops its clock: nothing is armed and nothing fires later', async () => {
    const ticketId = await linkedTicket(h);
    h.clock.set(TEST_START + HOUR);
    await event((tx) => h.application.deps.sla.onTicketState(tx, ws(), ticketId, 'resolved', h.clock.now()));
    expect(await resolutionClock(ticketId)).toMatchObject({ status: 'stopped', nextFireAt: null });
    h.clock.set(TEST_START + 10 * HOUR);
    await tickAndDrain(h);
    expect(ladderRequests(h, ticketId)).toEqual([]);
  });
});
