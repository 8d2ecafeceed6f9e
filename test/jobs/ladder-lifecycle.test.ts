/**
 * Edges of a ladder step's life: an uninstalled workspace fires nothing, and a step that reaches Intercom after
 * the ticket was resolved there notes what happened without pulling the finished case back to anyone.
 */
import { type Harness, TEST_START } from '../support/app-harness';
import {
  BREACH_AFTER,
  useLadderHarness,
  ESCALATE_AFTER,
  ladderRequests,
  linkedTicket,
  notesOn,
  schedulerOf,
  tickAndDrain,
} from './ladder-fixture';

let h: Harness;
useLadderHarness((started) => {
  h = started;
});

describe('SLA ladder lifecycle', () => {
  it('skips an uninstalled workspace: a clock armed after the uninstall is disarmed, not fired', async () => {
    const ws = h.demo.workspaceId;
    const ticketId = await linkedTicket(h);
    const { store } = h.application;
    await store.workspaces.markUninstalled(ws, TEST_START + 1_000);
    expect(await store.clocks.get(ws, ticketId, 'resolution')).toMatchObject({ nextFireAt: null });
    // A late event re-arms it (as a webhook applied after the uninstall might).
    const row = await store.clocks.get(ws, ticketId, 'resolution');
    if (!row) throw new Error('clock missing');
    await store.clocks.upsert(ws, { ...row, nextFireAt: TEST_START + 1_000, nextStep: 'warn' }, TEST_START + 1_000);

    h.clock.set(TEST_START + BREACH_AFTER);
    expect(await schedulerOf(h).runOnce()).toBe(1);
    expect(await store.clocks.get(ws, ticketId, 'resolution')).toMatchObject({ nextFireAt: null, nextStep: null });
    expect(await store.ladder.listByTicket(ws, ticketId)).toEqual([]);
    expect(await store.outbox.pendingCount(ws)).toBe(0);
    expect(h.fake.requests).toEqual([]);
  });

  it('a breach that reaches a ticket resolved meanwhile posts its note but reassigns nothing', async () => {
    const ticketId = await linkedTicket(h);
    h.clock.set(TEST_START + ESCALATE_AFTER);
    await tickAndDrain(h);
    h.fake.clearLog();

    h.clock.set(TEST_START + BREACH_AFTER);
    await schedulerOf(h).runOnce();
    await h.fake.backOffice.setState(ticketId, 'resolved', { adminId: h.demo.admins.lead });
    await tickAndDrain(h);
    const requests = ladderRequests(h, ticketId);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    const body = String(notesOn(requests)[0]?.body);
    expect(body).toContain('already resolved when this step ran, so its assignment was left unchanged');
    expect(h.fake.state.workspaces.get(h.demo.workspaceId)?.tickets.get(ticketId)?.adminAssigneeId).toBe(h.demo.admins.lead);
  });
});
