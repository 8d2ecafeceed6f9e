/**
 * Manage (ticket details, from the store alone) and Refresh (re-read from Intercom now, applied like a webhook;
 * handed to reconciliation when Intercom does not answer).
 */
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { calls, canvasText, linkTicket, type SyncHarness, useSyncHarness, storedTicket } from '../../services/sync/support';

let h: SyncHarness;
let ticketId: string;
useSyncHarness(
  async (started) => {
    h = started;
    ({ ticketId } = await linkTicket(h));
  },
  // No webhooks: the back-office changes below reach the app only if it asks.
  { webhooks: false },
);

describe('ticket details', () => {
  it('shows the ticket and its actions from the store, without calling Intercom', async () => {
    const res = await h.submit({ componentId: `ticket_details:${ticketId}` });
    assertValidCanvasResponse(res.body, 'submit');
    const json = canvasText(res.body);
    for (const id of ['ticket_note_open', 'ticket_priority_open', 'ticket_refresh']) expect(json).toContain(`${id}:${ticketId}`);
    expect(json).toContain('Double charge on invoice INV-2041');
    expect(json).toContain('P2');
    expect(h.fake.requests).toHaveLength(0);
  });
});

describe('Refresh on a ticket', () => {
  it('re-reads the ticket and shows what changed', async () => {
    h.clock.advance(5 * 60_000);
    await h.fake.backOffice.assign(ticketId, h.demo.admins.lead);
    await h.fake.backOffice.setState(ticketId, 'waiting_on_customer');
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('submitted');
    const res = await h.submit({ componentId: `ticket_refresh:${ticketId}` });
    assertValidCanvasResponse(res.body, 'submit');
    expect(canvasText(res.body)).toContain('is up to date');
    expect(canvasText(res.body)).toContain('Owner: Lee Lead');
    expect(await storedTicket(h, ticketId)).toMatchObject({ stateCategory: 'waiting_on_customer', adminAssigneeId: h.demo.admins.lead });
    expect(calls(h, /tickets/)).toEqual([`GET /tickets/${ticketId}`]);
    // The assignment (found among the ticket's parts) was the first response; the resolution clock waits.
    const clocks = await h.application.store.clocks.listByTicket(h.workspaceId, ticketId);
    expect(Object.fromEntries(clocks.map((c) => [c.kind, c.status]))).toEqual({ response: 'stopped', resolution: 'paused' });
  });

  it('says so when Intercom is down, and leaves the ticket to reconciliation', async () => {
    const down = h.fake.faults.failNext(Number.POSITIVE_INFINITY, 503, 'GET /tickets/{id}');
    await h.fake.backOffice.setState(ticketId, 'in_progress');
    const res = await h.submit({ componentId: `ticket_refresh:${ticketId}` });
    assertValidCanvasResponse(res.body, 'submit');
    expect(canvasText(res.body)).toContain('Could not refresh ticket');
    expect(canvasText(res.body)).toContain('re-read it automatically');
    down.remove();
    h.clock.advance(1_000);
    expect(await h.job('reconcile').runOnce()).toBe(1);
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('in_progress');
  });

  it('answers an error canvas when Intercom no longer has the ticket', async () => {
    h.fake.faults.failNext(1, 404, 'GET /tickets/{id}');
    const res = await h.submit({ componentId: `ticket_refresh:${ticketId}` });
    assertValidCanvasResponse(res.body, 'submit');
    expect(canvasText(res.body)).toContain('Intercom could not return ticket #');
  });

  it('treats a 408 as Intercom being slow, not as a refusal: the ticket is left to reconciliation', async () => {
    h.fake.faults.failNext(1, 408, 'GET /tickets/{id}');
    const res = await h.submit({ componentId: `ticket_refresh:${ticketId}` });
    assertValidCanvasResponse(res.body, 'submit');
    expect(canvasText(res.body)).toContain('Could not refresh ticket');
  });
});
