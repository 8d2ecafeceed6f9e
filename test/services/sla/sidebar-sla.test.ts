/**
 * What agents see of the clocks the SlaService keeps: the sidebar (signed initialize against the app) shows both
 * clocks while both run, why targets were tightened, a pause with its state and start, and how long ago a breach
 * happened. Default settings: Mon–Fri 09:00–18:00 business time; the demo workspace's zone is Europe/London (GMT).
 */
import { type Harness, TEST_START, useHarness } from '../../support/app-harness';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { linkedSnapshot } from '../../support/linked-ticket';

const MIN = 60_000;
let h: Harness;
useHarness((started) => {
  h = started;
});

async function linkSubmittedTicket(ticketId: string): Promise<void> {
  const ws = h.demo.workspaceId;
  const now = h.clock.now();
  const { store, deps } = h.application;
  await store.tickets.upsert(
    ws,
    linkedSnapshot(h, ticketId, { stateCategory: 'submitted', teamId: null, ownerName: null, teamName: null }),
    now,
  );
  // Renewal in 30 days (within the default 45): both targets halve, P2 × pro → 1 h response, 8 h resolution.
  await deps.sla.startClocks(
    store,
    ws,
    { ticketId, createdAt: now, priority: 'P2', account: { tier: 'pro', renewalInDays: 30, highRisk: false } },
    now,
  );
}

async function sidebarText(): Promise<string> {
  const res = await h.initialize();
  expect(res.status).toBe(200);
  assertValidCanvasResponse(res.body, 'initialize');
  return JSON.stringify(res.body.canvas.content.components);
}

const state = (category: 'waiting_on_customer' | 'in_progress') =>
  h.application.deps.sla.onTicketState(h.application.store, h.demo.workspaceId, '9001', category, h.clock.now());

describe('SLA clocks in the sidebar', () => {
  it('shows both clocks with due times and why they were tightened, then the pause, then the breach', async () => {
    await linkSubmittedTicket('9001');
    h.clock.advance(20 * MIN);
    let text = await sidebarText();
    expect(text).toContain('Response: 40m left · due Nov 18, 2026, 11:00 AM GMT');
    expect(text).toContain('Resolution: 7h 40m left · due Nov 18, 2026, 6:00 PM GMT');
    expect(text).toContain('Tightened: renewal in 30 days');

    // Waiting on the customer: the response was given (left submitted), the resolution clock pauses.
    await state('waiting_on_customer');
    h.clock.set(TEST_START + 2 * 60 * MIN);
    text = await sidebarText();
    expect(text).toContain('Resolution: paused — Waiting on customer since Nov 18, 2026, 10:20 AM GMT');
    expect(text).not.toContain('Response:');

    // Resumed at 12:00 with 7 h 40 min left: 6 h on Wednesday, 1 h 40 min on Thursday → due Thu 10:40.
    await state('in_progress');
    h.clock.set(Date.UTC(2026, 10, 19, 11, 40));
    text = await sidebarText();
    expect(text).toContain('Resolution: breached 1h ago');
    expect(text).toContain('Tightened: renewal in 30 days');
  });
});
