/**
 * What the back-office team does in Intercom's Inbox, for the sandbox panel and sync tests: each helper changes
 * the ticket exactly as the REST update would (shared ticket-ops) and, when webhooks are configured, sends the
 * notification Intercom would send. Part-based topics wrap the ticket as
 * `{type:"ticket_ticket_part", ticket, ticket_part}`; `ticket.state.updated` carries the ticket itself.
 */
import type { StateCategory } from '../../domain/model';
import type { Clock } from '../../util/clock';
import { ticketJson, ticketPartJson } from './serialize-tickets';
import { type FakePart, type FakeState, type FakeTicket, type FakeWorkspace, findTicket } from './state';
import { addTicketNote, assignTicket, setTicketState, ticketTypeOf } from './ticket-ops';
import type { WebhookDelivery, WebhookSender } from './webhooks';

export interface BackOffice {
  /** Moves the ticket to its type's state of that category; no webhook when it is already there. */
  setState(ticketId: string, category: StateCategory, options?: { adminId?: string }): Promise<WebhookDelivery | null>;
  /** Assigns to an admin (`ticket.admin.assigned`) or a team (`ticket.team.assigned`). */
  assign(ticketId: string, assigneeId: string, options?: { actorId?: string }): Promise<WebhookDelivery | null>;
  /** A note typed in the Inbox, or (`viaApi`) one an integration posted through the REST API, stamped as Intercom does. */
  addNote(
    ticketId: string,
    adminId: string,
    body: string,
    options?: { crossPost?: boolean; viaApi?: boolean },
  ): Promise<WebhookDelivery | null>;
}

export function createBackOffice(state: FakeState, clock: Clock, webhooks: WebhookSender): BackOffice {
  const now = () => Math.floor(clock.now() / 1000);
  const lookup = (ticketId: string) => {
    const found = findTicket(state, ticketId);
    if (!found) throw new Error(`No fake ticket ${ticketId}`);
    return found;
  };
  const actorFor = (workspace: FakeWorkspace, ticket: FakeTicket, explicit?: string) =>
    explicit ?? ticket.adminAssigneeId ?? workspace.meAdminId ?? '0';
  const emitPart = (workspace: FakeWorkspace, ticket: FakeTicket, topic: string, part: FakePart) =>
    webhooks.configured
      ? webhooks.send(workspace.id, topic, {
          type: 'ticket_ticket_part',
          ticket: ticketJson(workspace, ticket),
          ticket_part: ticketPartJson(workspace, part),
        })
      : Promise.resolve(null);

  return {
    async setState(ticketId, category, options = {}) {
      const { workspace, ticket } = lookup(ticketId);
      const target = ticketTypeOf(workspace, ticket).states.find((candidate) => candidate.category === category);
      if (!target) throw new Error(`Ticket type of ${ticketId} has no ${category} state`);
      const part = setTicketState(state, workspace, ticket, target.id, actorFor(workspace, ticket, options.adminId), now());
      if (part === null || !webhooks.configured) return null;
      return webhooks.send(workspace.id, 'ticket.state.updated', ticketJson(workspace, ticket));
    },
    async assign(ticketId, assigneeId, options = {}) {
      const { workspace, ticket } = lookup(ticketId);
      const part = assignTicket(state, workspace, ticket, assigneeId, actorFor(workspace, ticket, options.actorId), now());
      return emitPart(workspace, ticket, part.assignedTo?.type === 'team' ? 'ticket.team.assigned' : 'ticket.admin.assigned', part);
    },
    async addNote(ticketId, adminId, body, options = {}) {
      const { workspace, ticket } = lookup(ticketId);
      if (!workspace.admins.has(adminId)) throw new Error(`No admin ${adminId} in workspace ${workspace.id}`);
      const part = addTicketNote(state, workspace, ticket, adminId, body, now(), options.crossPost ?? false);
      if (options.viaApi) part.viaApi = true;
      return emitPart(workspace, ticket, 'ticket.note.created', part);
    },
  };
}
