/** Seeds conversations (with their parts) and ticket types (with states and attributes). */
import type { StateCategory } from '../../domain/model';
import { nextGuid, nextNumericId } from './ids';
import type { SeedContext } from './seed';
import type { FakeConversation, FakePart, FakeTicket, FakeTicketAttribute, FakeTicketType, TicketCategory } from './state';
import { insertTicket } from './ticket-create';

export interface SeedMessage {
  /** `'contact'` (the conversation's first contact) or an admin id. */
  from: 'contact' | { adminId: string };
  body: string;
  /** Admin parts only: `note` is internal. */
  partType?: 'comment' | 'note';
  createdAt?: number;
}

export interface SeedAttribute {
  name: string;
  dataType?: FakeTicketAttribute['dataType'];
  description?: string;
  /** List attributes: option labels; ids are generated guids. */
  options?: string[];
  required?: boolean;
}

const STATE_LABELS: ReadonlyArray<[StateCategory, string, string]> = [
  ['submitted', 'Submitted', 'Submitted'],
  ['in_progress', 'In progress', 'In progress'],
  ['waiting_on_customer', 'Waiting on customer', 'Waiting on you'],
  ['resolved', 'Resolved', 'Resolved'],
];

export function contentSeeder({ state, now, workspaceById }: SeedContext) {
  return {
    /** The first message (from the contact) becomes the conversation's source; the rest become parts. */
    conversation(
      workspaceId: string,
      input: Partial<
        Pick<FakeConversation, 'title' | 'state' | 'priority' | 'adminAssigneeId' | 'teamAssigneeId' | 'companyId' | 'customAttributes'>
      > & {
        contactId: string;
        messages: SeedMessage[];
        createdAt?: number;
      },
    ): FakeConversation {
      const workspace = workspaceById(workspaceId);
      const [first, ...rest] = input.messages;
      if (first?.from !== 'contact') throw new Error('A seeded conversation starts with a message from the contact');
      const createdAt = input.createdAt ?? first.createdAt ?? now();
      const author = (message: SeedMessage): FakePart['author'] =>
        message.from === 'contact' ? { type: 'user', id: input.contactId } : { type: 'admin', id: message.from.adminId };
      const parts = rest.map(
        (message, index): FakePart => ({
          id: nextNumericId(state, 70_000_000),
          partType: message.from === 'contact' ? 'comment' : (message.partType ?? 'comment'),
          body: message.body,
          createdAt: message.createdAt ?? createdAt + 60 * (index + 1),
          author: author(message),
          assignedTo: null,
        }),
      );
      const lastReply = [...parts].reverse().find((part) => part.partType === 'comment');
      const conversation: FakeConversation = {
        id: nextNumericId(state, 1_000),
        title: input.title ?? null,
        createdAt,
        updatedAt: parts.at(-1)?.createdAt ?? createdAt,
        waitingSince: lastReply?.author.type === 'admin' ? null : (lastReply?.createdAt ?? createdAt),
        snoozedUntil: null,
        state: input.state ?? 'open',
        read: true,
        priority: input.priority ?? 'none',
        adminAssigneeId: input.adminAssigneeId ?? null,
        teamAssigneeId: input.teamAssigneeId ?? null,
        contactIds: [input.contactId],
        companyId: input.companyId ?? null,
        source: {
          id: nextNumericId(state, 80_000_000),
          subject: '',
          body: first.body,
          author: author(first),
          deliveredAs: 'customer_initiated',
          createdAt,
        },
        parts,
        links: [],
        customAttributes: { ...input.customAttributes },
      };
      workspace.conversations.set(conversation.id, conversation);
      return conversation;
    },
    /** A ticket type with the four standard states and the default title/description attributes. */
    ticketType(
      workspaceId: string,
      input: { name: string; category?: TicketCategory; description?: string; attributes?: SeedAttribute[] },
    ): FakeTicketType {
      const workspace = workspaceById(workspaceId);
      const category = input.category ?? 'Back-office';
      const attribute = (seed: SeedAttribute, order: number, isDefault = false): FakeTicketAttribute => ({
        id: nextNumericId(state, 100),
        name: seed.name,
        description: seed.description ?? '',
        dataType: seed.dataType ?? (seed.options ? 'list' : 'string'),
        listOptions: seed.options ? seed.options.map((label) => ({ id: nextGuid(state), label })) : null,
        multiline: seed.name === '_default_description_',
        requiredToCreate: seed.required ?? false,
        visibleOnCreate: true,
        isDefault,
        order,
      });
      const type: FakeTicketType = {
        id: nextNumericId(state, 60),
        name: input.name,
        description: input.description ?? input.name,
        icon: '🎟️',
        category,
        isInternal: category !== 'Customer',
        archived: false,
        createdAt: now(),
        updatedAt: now(),
        states: STATE_LABELS.map(([stateCategory, internalLabel, externalLabel]) => ({
          id: nextNumericId(state, 8_000),
          category: stateCategory,
          internalLabel,
          externalLabel,
        })),
        attributes: [],
      };
      type.attributes.push(attribute({ name: '_default_title_' }, 0, true), attribute({ name: '_default_description_' }, 1, true));
      for (const [index, seed] of (input.attributes ?? []).entries()) type.attributes.push(attribute(seed, index + 2));
      workspace.ticketTypes.set(type.id, type);
      return type;
    },
    /**
     * A ticket that already exists (as if created earlier), optionally linked to a conversation and moved to a
     * state. No parts are recorded: seeding describes the present, not its history.
     */
    ticket(
      workspaceId: string,
      input: {
        ticketTypeId: string;
        contactId: string;
        conversationId?: string;
        attributes?: Record<string, unknown>;
        state?: StateCategory;
        adminAssigneeId?: string;
        teamAssigneeId?: string;
        createdAt?: number;
      },
    ): FakeTicket {
      const workspace = workspaceById(workspaceId);
      const type = workspace.ticketTypes.get(input.ticketTypeId);
      if (!type) throw new Error(`No ticket type ${input.ticketTypeId} in workspace ${workspaceId}`);
      const conversation = input.conversationId === undefined ? null : (workspace.conversations.get(input.conversationId) ?? null);
      if (input.conversationId !== undefined && conversation === null) throw new Error(`No conversation ${input.conversationId}`);
      const ticket = insertTicket(state, workspace, {
        type,
        contactId: input.contactId,
        conversation,
        attributes: input.attributes ?? {},
        adminAssigneeId: input.adminAssigneeId ?? null,
        teamAssigneeId: input.teamAssigneeId ?? null,
        companyId: null,
        createdAt: input.createdAt ?? now(),
      });
      const target = input.state === undefined ? null : type.states.find((candidate) => candidate.category === input.state);
      if (target) {
        ticket.stateId = target.id;
        ticket.open = target.category !== 'resolved';
      }
      return ticket;
    },
  };
}
