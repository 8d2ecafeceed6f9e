/**
 * A linked ticket resolves → the conversation gets an internal note and, per the workspace's resolveBehaviour,
 * is reopened or unsnoozed: exactly once per resolution, whatever reports it (webhook, redelivery, ticket.closed,
 * a Refresh from the sidebar, reconciliation) and whatever Intercom does to the follow-up calls.
 */
import type { WorkspaceSettings } from '../../src/domain/settings';
import type { FakeConversation } from '../../src/sandbox/fake-intercom';
import { calls, linkTicket, type SyncHarness, useSyncHarness, storedTicket } from '../services/sync/support';

let h: SyncHarness;
useSyncHarness((started) => {
  h = started;
});

function conversation(): FakeConversation {
  return h.fake.state.workspaces.get(h.workspaceId)!.conversations.get(h.context.conversationId)!;
}

async function useBehaviour(resolveBehaviour: WorkspaceSettings['resolveBehaviour']) {
  const record = await h.application.store.settings.get(h.workspaceId);
  await h.application.store.settings.save(h.workspaceId, {
    settings: { ...record.settings, resolveBehaviour },
    expectedVersion: record.version,
    adminId: null,
    now: h.clock.now(),
  });
  h.application.deps.settings.invalidate(h.workspaceId);
}

const resolveNotes = () =>
  conversation().parts.filter((part) => part.partType === 'note' && (part.body ?? '').includes('resolved: Double charge'));

async function resolveLinkedTicket() {
  const linked = await linkTicket(h, { state: 'in_progress' });
  h.clock.advance(45 * 60_000);
  const delivery = (await h.fake.backOffice.setState(linked.ticketId, 'resolved', { adminId: h.demo.admins.lead }))!;
  await h.drain();
  return { ...linked, delivery };
}

describe('resolution follow-ups', () => {
  it('posts one internal note and reopens the closed conversation (default: reopen)', async () => {
    conversation().state = 'closed';
    const { ticketId, ticketNumber } = await resolveLinkedTicket();
    expect(await storedTicket(h, ticketId)).toMatchObject({ stateCategory: 'resolved', isOpen: false });
    expect(resolveNotes()).toHaveLength(1);
    expect(resolveNotes()[0]!.body).toContain(`Ticket #${ticketNumber} resolved`);
    expect(conversation().state).toBe('open');
    const clocks = await h.application.store.clocks.listByTicket(h.workspaceId, ticketId);
    expect(clocks.map((c) => c.status)).toEqual(['stopped', 'stopped']);
  });

  it('does it once, however often and however the resolution is reported', async () => {
    conversation().state = 'closed';
    const { ticketId, delivery } = await resolveLinkedTicket();
    const before = calls(h, /^POST \/conversations/).length;
    // A redelivery, a ticket.closed for the same resolution, a sidebar Refresh and reconciliation.
    await h.fake.emitWebhook(h.workspaceId, 'ticket.closed', JSON.parse(delivery.body).data.item);
    await h.submit({ componentId: `ticket_refresh:${ticketId}` });
    h.clock.advance(2 * 3_600_000);
    await h.job('reconcile').runOnce();
    await h.drain();
    expect(resolveNotes()).toHaveLength(1);
    expect(calls(h, /^POST \/conversations/)).toHaveLength(before);
  });

  it('notes a second resolution after the ticket was reopened', async () => {
    const { ticketId } = await resolveLinkedTicket();
    h.clock.advance(60_000);
    await h.fake.backOffice.setState(ticketId, 'in_progress');
    h.clock.advance(60_000);
    await h.fake.backOffice.setState(ticketId, 'resolved');
    await h.drain();
    expect(resolveNotes()).toHaveLength(2);
  });

  it('unsnooze: opens a snoozed conversation, leaves a closed one closed', async () => {
    await useBehaviour('unsnooze');
    conversation().state = 'snoozed';
    await resolveLinkedTicket();
    expect(conversation().state).toBe('open');

    const second = await linkTicket(h, { state: 'in_progress', title: 'Second ticket' });
    conversation().state = 'closed';
    h.clock.advance(60_000);
    await h.fake.backOffice.setState(second.ticketId, 'resolved');
    await h.drain();
    expect(conversation().state).toBe('closed');
    // Read, found closed, left alone (linkTicket cleared the log of the first resolution).
    expect(calls(h, /^(GET|POST) \/conversations\/\d+(\/parts)?$/)).toEqual([`GET /conversations/${h.context.conversationId}`]);
  });

  it('note_only: the note, and the conversation is left as it is', async () => {
    await useBehaviour('note_only');
    conversation().state = 'closed';
    await resolveLinkedTicket();
    expect(resolveNotes()).toHaveLength(1);
    expect(conversation().state).toBe('closed');
    expect(calls(h, /parts$/)).toEqual([]);
  });

  it('survives Intercom failing the note after posting it: still exactly one note', async () => {
    h.fake.faults.add({ route: 'POST /conversations/{id}/reply', effect: { type: 'status', status: 503 }, phase: 'after' });
    h.fake.faults.failNext(2, 500, 'POST /conversations/{id}/parts');
    conversation().state = 'closed';
    await resolveLinkedTicket();
    expect(resolveNotes()).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      h.clock.advance(5 * 60_000);
      await h.drain();
    }
    expect(resolveNotes()).toHaveLength(1);
    // The retry looked before posting again: one POST reached Intercom, and it was the one that posted.
    expect(calls(h, /^POST \/conversations\/\d+\/reply$/)).toHaveLength(1);
    expect(conversation().state).toBe('open');
    const jobs = await h.application.store.outbox.listByWorkspace(h.workspaceId);
    expect(jobs.map((job) => job.status)).toEqual(['done', 'done']);
  });
});
