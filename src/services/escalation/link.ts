/**
 * The two ends of creating a ticket: the `POST /tickets` body an escalation stands for, and what happens once
 * the ticket exists. Linking is one store transaction (snapshot, escalation → linked, SLA clocks, the note and
 * sharing jobs), so a crash leaves either all of it or none; every part is idempotent, so the inline path and
 * the outbox job may both reach it for one escalation without doubling anything.
 */
import type { CreateTicketInput, Ticket } from '../../intercom';
import type { Escalation, TicketLink, TicketSnapshot } from '../../store';
import type { EscalationDeps } from './deps';
import { ticketDescription } from './markers';
import type { EscalationPayload } from './payload';

export const JOB_CREATE_TICKET = 'escalation.create_ticket';
export const JOB_POST_NOTE = 'escalation.post_note';
export const JOB_SHARE_TICKET = 'escalation.share_ticket';

/** One job of each kind per escalation, however often it is enqueued. */
export function jobKey(kind: string, escalationId: string): string {
  return `${kind}:${escalationId}`;
}

export interface EscalationJobPayload {
  escalationId: string;
}

export function createTicketInput(escalation: Escalation, payload: EscalationPayload): CreateTicketInput {
  return {
    ticketTypeId: payload.ticketTypeId,
    contact: { id: payload.contactId },
    conversationToLinkId: escalation.conversationId,
    attributes: {
      ...payload.attributes,
      _default_title_: payload.title,
      _default_description_: ticketDescription(payload.summary, escalation.id),
    },
    ...(payload.teamId ? { assignment: { teamAssigneeId: payload.teamId } } : {}),
  };
}

export async function linkTicket(
  deps: EscalationDeps,
  escalation: Escalation,
  payload: EscalationPayload,
  ticket: Ticket,
): Promise<TicketLink> {
  return (await prepareLink(deps, escalation, payload, ticket)).commit();
}

/** A created ticket as the sidebar will show it (`snapshot`), and the transaction that links it (`commit`). */
export interface PreparedLink {
  snapshot: TicketSnapshot;
  commit(): Promise<TicketLink>;
}

export async function prepareLink(
  deps: EscalationDeps,
  escalation: Escalation,
  payload: EscalationPayload,
  ticket: Ticket,
): Promise<PreparedLink> {
  const { workspaceId } = escalation;
  const settings = await deps.settings.get(workspaceId);
  const read = await deps.snapshots.snapshot(workspaceId, ticket, {
    settings,
    conversationId: escalation.conversationId,
    escalationId: escalation.id,
  });
  if (!read) throw new Error('A created ticket could not be read as a snapshot');
  // The sidebar belongs to the escalated conversation, and what the agent chose stands in for attributes the type lacks.
  const snapshot = {
    ...read,
    conversationId: escalation.conversationId,
    priority: read.priority ?? payload.priority,
    queue: read.queue ?? payload.queue,
    escalationId: escalation.id,
  };
  const commit = async (): Promise<TicketLink> => {
    const now = deps.clock.now();
    const link = await deps.store.transaction(async (tx) => {
      const { ticket: stored } = await tx.tickets.upsert(workspaceId, snapshot, now);
      await tx.escalations.updateStatus(workspaceId, escalation.id, { status: 'linked', ticketId: ticket.id, lastError: null }, now);
      await deps.sla.startClocks(
        tx,
        workspaceId,
        // The back-office team could not act before the ticket existed, so its clocks start with the ticket.
        {
          ticketId: ticket.id,
          createdAt: ticket.created_at === null ? now : ticket.created_at * 1000,
          priority: payload.priority,
          account: payload.account,
        },
        now,
      );
      const job = { escalationId: escalation.id } satisfies EscalationJobPayload;
      await tx.outbox.enqueue(workspaceId, { kind: JOB_POST_NOTE, dedupeKey: jobKey(JOB_POST_NOTE, escalation.id), payload: job, now });
      if (payload.shareWithCustomer) {
        await tx.outbox.enqueue(workspaceId, {
          kind: JOB_SHARE_TICKET,
          dedupeKey: jobKey(JOB_SHARE_TICKET, escalation.id),
          payload: job,
          now,
        });
      }
      return stored;
    });
    deps.pokeOutbox();
    deps.logger.info({ workspaceId, escalationId: escalation.id, ticketId: ticket.id }, 'escalation linked to its ticket');
    return link;
  };
  return { snapshot, commit };
}
