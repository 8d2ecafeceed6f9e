/**
 * link.ts on its own: the `POST /tickets` body an escalation stands for, and the link transaction (snapshot,
 * escalation → linked, SLA clocks, note and sharing jobs) that the inline path and the create job may both reach
 * for one escalation without doubling anything.
 */
import {
  createTicketInput,
  JOB_CREATE_TICKET,
  JOB_POST_NOTE,
  jobKey,
  linkTicket,
  payloadFor,
  readPayload,
  summaryFor,
  ticketReference,
} from '../../../src/services/escalation';
import type { Escalation } from '../../../src/store';
import { type EscalationWorld, useEscalationWorld } from './world';

let w: EscalationWorld;
useEscalationWorld((started) => {
  w = started;
});

/** An escalation reserved the way submit reserves one, still `creating`, and the ticket Intercom made for it. */
async function reservedWithTicket(options: { shareWithCustomer?: boolean } = {}) {
  if (options.shareWithCustomer) w.allowSharing();
  const context = await w.context();
  const choice = w.choice({ shareWithCustomer: options.shareWithCustomer ?? false });
  const type = context.types.find((t) => t.id === choice.ticketTypeId)!;
  const payload = payloadFor(context, type, choice, summaryFor(w.deps, context, choice.reason));
  const reserved = await w.store.escalations.reserve(w.workspaceId, {
    idempotencyKey: `${w.workspaceId}:${context.conversationId}:n-1`,
    conversationId: context.conversationId,
    contactId: context.contactId,
    adminId: w.demo.admins.agent,
    request: { ...payload },
    force: false,
    now: w.clock.now(),
    status: 'creating',
  });
  if (reserved.kind !== 'new') throw new Error(`expected a new escalation, got ${reserved.kind}`);
  const escalation: Escalation = reserved.escalation;
  const client = await w.deps.directory.clientFor(w.workspaceId);
  const ticket = await client.tickets.create(createTicketInput(escalation, payload));
  return { escalation, payload, ticket };
}

describe('createTicketInput', () => {
  it('links the conversation, files the summary with the reference line, and assigns the queue team when it has one', async () => {
    const { escalation, payload } = await reservedWithTicket();
    const input = createTicketInput(escalation, { ...payload, teamId: 'team-9' });

    expect(input).toMatchObject({
      ticketTypeId: w.demo.backOffice.ticketTypeId,
      contact: { id: payload.contactId },
      conversationToLinkId: escalation.conversationId,
      assignment: { teamAssigneeId: 'team-9' },
    });
    const attributes = input.attributes ?? {};
    expect(attributes['_default_title_']).toBe(payload.title);
    const description = String(attributes['_default_description_']);
    expect(description.startsWith(payload.summary)).toBe(true);
    expect(description).toContain(ticketReference(escalation.id));
    for (const [name, value] of Object.entries(payload.attributes)) expect(attributes[name]).toBe(value);
  });

  it('leaves the ticket unassigned when the queue has no team', async () => {
    const { escalation, payload } = await reservedWithTicket();
    expect(createTicketInput(escalation, { ...payload, teamId: null })).not.toHaveProperty('assignment');
  });
});

describe('linkTicket', () => {
  it('links in one go: the snapshot for the sidebar, the escalation, both SLA clocks from the ticket’s creation, the note job', async () => {
    const { escalation, payload, ticket } = await reservedWithTicket();
    w.clock.advance(90_000);

    const link = await linkTicket(w.deps, escalation, payload, ticket);

    expect(link).toMatchObject({ ticketId: ticket.id, conversationId: escalation.conversationId, escalationId: escalation.id });
    expect(await w.store.escalations.get(w.workspaceId, escalation.id)).toMatchObject({
      status: 'linked',
      ticketId: ticket.id,
      lastError: null,
    });
    const clocks = await w.store.clocks.listByTicket(w.workspaceId, ticket.id);
    expect(clocks.map((c) => c.kind).sort()).toEqual(['resolution', 'response']);
    for (const clock of clocks) expect(clock.state).toMatchObject({ startedAt: ticket.created_at! * 1000 });
    expect(await w.store.outbox.getByDedupeKey(w.workspaceId, jobKey(JOB_POST_NOTE, escalation.id))).toMatchObject({
      payload: { escalationId: escalation.id },
      status: 'pending',
    });
    expect(w.pokes()).toBe(1);
  });

  it('does nothing twice when the inline path and the create job both link one escalation', async () => {
    const { escalation, payload, ticket } = await reservedWithTicket({ shareWithCustomer: true });

    await linkTicket(w.deps, escalation, payload, ticket);
    const clocksBefore = await w.store.clocks.listByTicket(w.workspaceId, ticket.id);
    await linkTicket(w.deps, escalation, payload, ticket);

    expect(await w.store.tickets.listByConversation(w.workspaceId, escalation.conversationId)).toHaveLength(1);
    expect(await w.store.clocks.listByTicket(w.workspaceId, ticket.id)).toEqual(clocksBefore);
    const jobs = await w.store.outbox.listByWorkspace(w.workspaceId);
    expect(jobs.map((j) => j.kind).sort()).toEqual(['escalation.post_note', 'escalation.share_ticket']);
    expect(jobs.some((j) => j.dedupeKey === jobKey(JOB_CREATE_TICKET, escalation.id))).toBe(false);
  });

  it('keeps what the agent chose when the ticket does not say its priority or queue', async () => {
    const { escalation, payload, ticket } = await reservedWithTicket();
    const bare = { ...ticket, ticket_attributes: { _default_title_: payload.title } };

    const link = await linkTicket(w.deps, escalation, { ...payload, priority: 'P1', queue: 'vip' }, bare);

    expect(link).toMatchObject({ priority: 'P1', queue: 'vip' });
  });

  it('stores a payload the create job can read back after a restart', async () => {
    const { escalation, payload } = await reservedWithTicket();
    const stored = await w.store.escalations.get(w.workspaceId, escalation.id);
    expect(readPayload(stored!.request)).toEqual(payload);
  });
});
