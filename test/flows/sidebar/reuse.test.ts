/**
 * Reusing a rendered sidebar for a repeated initialize (src/http/initialize-reuse.ts), through the real app:
 * a repeat is answered from the earlier render (no store read), and every reason the canvas could differ
 * (a write to the workspace, the clock moving on, another teammate or another body) renders afresh.
 */
import request from 'supertest';
import { signBody } from '../../../src/http/signature';
import { initializeBody } from '../../../src/sandbox/canvas-kit-body';
import { type Harness, TEST_CLIENT_SECRET, useHarness } from '../../support/app-harness';
import { linkedSnapshot, linkTicketWithClock } from '../../support/linked-ticket';

let h: Harness;
useHarness((started) => {
  h = started;
});

async function linkTicket(ticketId: string, stateCategory: 'in_progress' | 'waiting_on_customer' = 'in_progress') {
  await linkTicketWithClock(h, ticketId, { stateCategory });
  // 15 s in, so the countdown (4h target) is mid-minute: a view right at a whole minute changes a moment later.
  h.clock.advance(15_000);
}

async function metrics(): Promise<Record<string, number>> {
  return (await request(h.application.app).get('/metrics')).body;
}

/** Counts the store reads a fresh render makes (one sidebar read per render). */
function countRenders(): () => number {
  const spy = jest.spyOn(h.application.store.sidebar, 'read');
  return () => spy.mock.calls.length;
}

describe('a repeated initialize', () => {
  it('is answered from the earlier render, byte for byte, and still counts as a view without Intercom calls', async () => {
    await linkTicket('701');
    const renders = countRenders();
    const before = await metrics();
    const first = await h.initialize();
    const second = await h.initialize();
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(renders()).toBe(1);
    const after = await metrics();
    expect(after['sidebar_views_total']! - before['sidebar_views_total']!).toBe(2);
    expect(after['sidebar_views_without_intercom_calls_total']! - before['sidebar_views_without_intercom_calls_total']!).toBe(2);
    expect(after['sidebar_views_reused_total']! - before['sidebar_views_reused_total']!).toBe(1);
    expect(h.fake.requests).toHaveLength(0);
  });

  it('renders afresh after a write to its own ticket: a ticket moving to waiting pauses its clock on the next view', async () => {
    await linkTicket('701');
    const renders = countRenders();
    const first = await h.initialize();
    expect(first.text).toContain('3h 59m left');
    await linkTicket('701', 'waiting_on_customer');
    const second = await h.initialize();
    expect(renders()).toBe(2);
    expect(second.text).toContain('Waiting on customer');
  });

  it('stays reused while another conversation’s ticket changes, and renders afresh when its own ticket does', async () => {
    await linkTicket('701');
    const renders = countRenders();
    const first = await h.initialize();
    await linkTicketWithClock(h, '702', { conversationId: 'another-conversation' });
    await h.application.store.tickets.markSynced(h.demo.workspaceId, '702', h.clock.now());
    expect((await h.initialize()).text).toBe(first.text);
    expect(renders()).toBe(1);
    await h.application.store.tickets.markSynced(h.demo.workspaceId, '701', h.clock.now());
    await h.initialize();
    expect(renders()).toBe(2);
  });

  it('renders afresh once the minute turns, so "As of" and the countdown move on', async () => {
    await linkTicket('701');
    const renders = countRenders();
    const first = await h.initialize();
    h.clock.advance(30_000);
    expect((await h.initialize()).text).toBe(first.text);
    h.clock.advance(30_000);
    const later = await h.initialize();
    expect(renders()).toBe(2);
    expect(first.text).toContain('As of 10:00 AM');
    expect(first.text).toContain('3h 59m left');
    expect(later.text).toContain('As of 10:01 AM');
    expect(later.text).toContain('3h 58m left');
  });

  it('past the minute, a view whose clocks stand still is answered with its "As of" line drawn anew, as a fresh render', async () => {
    // A resolved ticket: no clock runs on it.
    const resolved = linkedSnapshot(h, '701', { stateCategory: 'resolved', isOpen: false });
    await h.application.store.tickets.upsert(h.demo.workspaceId, resolved, h.clock.now());
    h.clock.advance(15_000);
    const renders = countRenders();
    const first = await h.initialize();
    expect(first.text).toContain('As of 10:00 AM');
    h.clock.advance(3 * 60_000);
    const later = await h.initialize();
    expect(renders()).toBe(1);
    expect(later.text).toBe(first.text.replace('As of 10:00 AM', 'As of 10:03 AM'));
    // A write to its ticket still renders it afresh, with the line of its own minute.
    await h.application.store.tickets.markSynced(h.demo.workspaceId, '701', h.clock.now());
    const written = await h.initialize();
    expect(renders()).toBe(2);
    expect(written.text).toBe(later.text);
  });

  it('is per body: another teammate, or the same teammate after the conversation changed, gets a render of their own', async () => {
    await linkTicket('701');
    const renders = countRenders();
    await h.initialize();
    await h.initialize({ adminId: h.demo.admins.lead });
    expect(renders()).toBe(2);
    const conversation = h.fake.state.workspaces.get(h.demo.workspaceId)!.conversations.get(h.context.conversationId)!;
    conversation.updatedAt += 1;
    await h.initialize();
    expect(renders()).toBe(3);
  });

  it('never answers a forged signature, even for a body answered before', async () => {
    const body = initializeBody(h.fake, h.context);
    expect((await h.postSigned('/intercom/initialize', body)).status).toBe(200);
    const forged = signBody('canvas', JSON.stringify(body), `${TEST_CLIENT_SECRET}-not`);
    const res = await h.postSigned('/intercom/initialize', body, forged);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('canvas');
  });

  it('does not keep an error canvas', async () => {
    const renders = countRenders();
    await h.application.store.workspaces.markUninstalled(h.demo.workspaceId, h.clock.now());
    const refused = await h.initialize();
    expect(refused.text).toContain('not connected');
    const again = await h.initialize();
    expect(again.text).toBe(refused.text);
    // Both were rendered: an error is never reused.
    expect(renders()).toBe(2);
  });
});
