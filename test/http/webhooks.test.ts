/**
 * POST /intercom/webhooks end to end: the fake Intercom's back-office changes a ticket and sends the signed
 * notification Intercom would; the app stores it, answers 200, and the processor applies it. Checked: the
 * inbox row, the ticket snapshot, the SLA clocks, the sidebar canvas and the calls the fake saw.
 */
import request from 'supertest';
import { signBody } from '../../src/http/signature';
import { parseClockState } from '../../src/domain/sla';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { TEST_CLIENT_SECRET } from '../support/app-harness';
import { calls, canvasText, linkTicket, type SyncHarness, useSyncHarness, storedTicket } from '../services/sync/support';

let h: SyncHarness;
useSyncHarness((started) => {
  h = started;
});

function post(raw: string, signature: string | null) {
  const req = request(h.application.app).post('/intercom/webhooks').set('Content-Type', 'application/json');
  return (signature === null ? req : req.set('X-Hub-Signature', signature)).send(raw);
}

const signed = (body: unknown) => {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return post(raw, signBody('webhook', raw, TEST_CLIENT_SECRET));
};

function envelope(topic: string, item: unknown, id = `notif_${Math.random().toString(36).slice(2)}`) {
  return { type: 'notification_event', app_id: h.workspaceId, id, topic, data: { type: 'notification_event_data', item }, created_at: 1 };
}

describe('a signed ticket webhook', () => {
  it('is stored, acknowledged, then applied to the snapshot, the SLA clocks and the sidebar, with no ticket read', async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(20 * 60_000);
    const delivery = await h.fake.backOffice.setState(ticketId, 'in_progress', { adminId: h.demo.admins.lead });
    expect(delivery?.status).toBe(200);
    const row = await h.application.store.webhooks.get(h.workspaceId, delivery!.id);
    expect(row).toMatchObject({ status: 'pending', topic: 'ticket.state.updated' });

    await h.drain();
    expect((await h.application.store.webhooks.get(h.workspaceId, delivery!.id))?.status).toBe('done');
    expect(await storedTicket(h, ticketId)).toMatchObject({ stateCategory: 'in_progress', intercomUpdatedAt: h.clock.now() });
    // Leaving "submitted" is the team's first response: the response clock stops, the resolution clock runs on.
    const clocks = await h.application.store.clocks.listByTicket(h.workspaceId, ticketId);
    expect(Object.fromEntries(clocks.map((c) => [c.kind, c.status]))).toEqual({ response: 'stopped', resolution: 'running' });
    expect(parseClockState(clocks.find((c) => c.kind === 'response')!.state).stoppedAt).toBe(h.clock.now());
    expect(calls(h, /tickets/)).toEqual([]);

    // The warm sidebar: right without asking Intercom, and the per-view counter on /metrics says so.
    h.fake.clearLog();
    const before = (await request(h.application.app).get('/metrics')).body;
    const view = await h.initialize();
    assertValidCanvasResponse(view.body, 'initialize');
    expect(canvasText(view.body)).toContain('In progress');
    expect(h.fake.requests).toHaveLength(0);
    const after = (await request(h.application.app).get('/metrics')).body;
    expect(after.sidebar_views_total - before.sidebar_views_total).toBe(1);
    expect(after.sidebar_intercom_calls_total - before.sidebar_intercom_calls_total).toBe(0);
    expect(after.sidebar_views_without_intercom_calls_total - before.sidebar_views_without_intercom_calls_total).toBe(1);
  });

  it('applies a note (wrapped as ticket_ticket_part) as the first response at the note time', async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(7 * 60_000);
    const noteAt = h.clock.now();
    await h.fake.backOffice.addNote(ticketId, h.demo.admins.lead, '<p>Looking into the invoice now.</p>');
    await h.drain();
    const response = await h.application.store.clocks.get(h.workspaceId, ticketId, 'response');
    expect(response?.status).toBe('stopped');
    expect(parseClockState(response!.state).stoppedAt).toBe(noteAt);
  });

  it("does not take Handoff's own notes (an SLA warning, posted through the API) for the team's response", async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(60_000);
    const warning = '<p><b>SLA warning: response clock at 75 %</b></p><p>ref: handoff-sla:response:0:warn</p>';
    await h.fake.backOffice.addNote(ticketId, h.demo.admins.agent, warning, { viaApi: true });
    await h.drain();
    expect((await h.application.store.clocks.get(h.workspaceId, ticketId, 'response'))?.status).toBe('running');
  });

  it("takes a teammate's Inbox note that copies our marker as the response it is", async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(60_000);
    const forged = '<p>Checked the invoice.</p><p>ref: handoff-sla:response:0:warn</p><p><em>via Handoff</em></p>';
    await h.fake.backOffice.addNote(ticketId, h.demo.admins.lead, forged);
    await h.drain();
    expect((await h.application.store.clocks.get(h.workspaceId, ticketId, 'response'))?.status).toBe('stopped');
  });

  it('applies an assignment to a person: owner name and first response', async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(60_000);
    await h.fake.backOffice.assign(ticketId, h.demo.admins.lead);
    await h.drain();
    expect(await storedTicket(h, ticketId)).toMatchObject({ adminAssigneeId: h.demo.admins.lead, ownerName: 'Lee Lead' });
    expect((await h.application.store.clocks.get(h.workspaceId, ticketId, 'response'))?.status).toBe('stopped');
  });

  it('pauses the clocks while waiting on the customer', async () => {
    const { ticketId } = await linkTicket(h, { state: 'in_progress' });
    h.clock.advance(60_000);
    await h.fake.backOffice.setState(ticketId, 'waiting_on_customer');
    await h.drain();
    const resolution = await h.application.store.clocks.get(h.workspaceId, ticketId, 'resolution');
    expect(resolution?.status).toBe('paused');
  });
});

describe('rejected and odd deliveries', () => {
  it.each([
    ['missing', () => null],
    ['forged (other secret)', (raw: string) => signBody('webhook', raw, 'not-the-secret')],
    ['canvas scheme instead of sha1=', (raw: string) => signBody('canvas', raw, TEST_CLIENT_SECRET)],
    ['truncated', (raw: string) => signBody('webhook', raw, TEST_CLIENT_SECRET).slice(0, 30)],
  ])('a %s signature → 401 and nothing stored', async (_name, sign) => {
    const { ticketId } = await linkTicket(h);
    const raw = JSON.stringify(envelope('ticket.state.updated', { type: 'ticket', id: ticketId, updated_at: 9e9 }, 'notif_forged'));
    const res = await post(raw, sign(raw));
    expect(res.status).toBe(401);
    expect(await h.application.store.webhooks.get(h.workspaceId, 'notif_forged')).toBeNull();
  });

  it('a body changed after signing → 401 and nothing stored', async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(60_000);
    h.fake.configureWebhooks(null);
    await h.fake.backOffice.setState(ticketId, 'resolved');
    const raw = JSON.stringify(envelope('ticket.state.updated', { type: 'ticket', id: ticketId }, 'notif_tampered'));
    const res = await post(raw.replace('ticket.state.updated', 'ticket.closed'), signBody('webhook', raw, TEST_CLIENT_SECRET));
    expect(res.status).toBe(401);
    expect(await h.application.store.webhooks.get(h.workspaceId, 'notif_tampered')).toBeNull();
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('submitted');
  });

  it('a duplicate is acknowledged and applied once', async () => {
    const { ticketId } = await linkTicket(h);
    h.clock.advance(60_000);
    const delivery = (await h.fake.backOffice.setState(ticketId, 'resolved'))!;
    const again = await post(delivery.body, delivery.signature);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ok: true, duplicate: true });
    await h.drain();
    await post(delivery.body, delivery.signature);
    await h.drain();
    const notes = calls(h, /^POST \/conversations\/\d+\/reply$/);
    expect(notes).toHaveLength(1);
  });

  it('reordered deliveries: the newer ticket wins, the older one is ignored', async () => {
    const { ticketId } = await linkTicket(h);
    h.fake.configureWebhooks({ url: 'http://127.0.0.1:9/unreachable', clientSecret: TEST_CLIENT_SECRET });
    h.clock.advance(60_000);
    const older = (await h.fake.backOffice.setState(ticketId, 'in_progress'))!;
    h.clock.advance(60_000);
    const newer = (await h.fake.backOffice.setState(ticketId, 'waiting_on_customer'))!;
    expect((await post(newer.body, newer.signature)).status).toBe(200);
    expect((await post(older.body, older.signature)).status).toBe(200);
    await h.drain();
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('waiting_on_customer');
    expect((await h.application.store.webhooks.get(h.workspaceId, older.id))?.status).toBe('ignored');
    expect((await h.application.store.clocks.get(h.workspaceId, ticketId, 'resolution'))?.status).toBe('paused');
  });

  it('an unknown topic is acknowledged and marked ignored', async () => {
    const res = await signed(envelope('contact.created', { type: 'contact', id: 'c1' }, 'notif_unknown'));
    expect(res.status).toBe(200);
    await h.drain();
    expect(await h.application.store.webhooks.get(h.workspaceId, 'notif_unknown')).toMatchObject({ status: 'ignored' });
  });

  it('a signed body that is not an envelope → 400, nothing stored', async () => {
    expect((await signed('{"topic":')).status).toBe(400);
    expect((await signed({ topic: 'ticket.created', app_id: h.workspaceId })).status).toBe(400);
  });

  it('a signed envelope with an unusable item → 200, marked failed and never retried', async () => {
    await linkTicket(h);
    const res = await signed(envelope('ticket.state.updated', { type: 'ticket', ticket_state: 'resolved' }, 'notif_bad_item'));
    expect(res.status).toBe(200);
    await h.drain();
    const row = await h.application.store.webhooks.get(h.workspaceId, 'notif_bad_item');
    expect(row).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(row?.lastError).toMatch(/malformed ticket.state.updated item: id/);
  });

  it("answers Intercom's ping and stores nothing", async () => {
    const res = await signed({
      type: 'notification_event',
      topic: 'ping',
      id: null,
      app_id: h.workspaceId,
      data: { item: { type: 'ping' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, ping: true });
    expect(await h.job('webhooks').runOnce()).toBe(0);
  });

  it('acknowledges and ignores a workspace that has not installed Handoff', async () => {
    const res = await signed({ ...envelope('ticket.created', { type: 'ticket', id: '1' }, 'notif_other'), app_id: 'someoneelse' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, ignored: 'not_installed' });
    expect(await h.job('webhooks').runOnce()).toBe(0);
  });

  it('ignores tickets that are not linked through Handoff', async () => {
    const res = await signed(envelope('ticket.created', { type: 'ticket', id: '999', updated_at: 5 }, 'notif_untracked'));
    expect(res.status).toBe(200);
    await h.drain();
    expect(await h.application.store.webhooks.get(h.workspaceId, 'notif_untracked')).toMatchObject({ status: 'ignored' });
    expect(h.fake.requests).toHaveLength(0);
  });
});
