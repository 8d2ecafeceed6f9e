/**
 * The workspace's Back-office ticket types (`GET /ticket_types`, cached per workspace for ~10 minutes) and the
 * pure readings the escalation and sync code need from a type: the state id for a category, the list item for a
 * priority or queue (both ways), and whether tickets of the type may be shared with the customer.
 *
 * Matching list items. Intercom keys list values by item id, while admins name the items freely, so items are
 * matched on their labels:
 * - priority: a label starting with `P1`…`P4` as a word ("P2", "P2 – High");
 * - queue: the label equals the queue's label in the workspace settings or its key ("billing legal"), compared
 *   case- and punctuation-insensitively; failing that, one is a whole-word prefix of the other ("General" ↔
 *   "General escalations"). An exact match always wins over a prefix match.
 * A value read back from a ticket may be the item id or its label; both map.
 *
 * Sharing (our reading of the 2.16 spec and help article 8300305): a Back-office ticket starts internal, and
 * `PUT /tickets/{id}` with `is_shared: true` shows it to the customer, unless its type is marked `is_internal`,
 * whose tickets (and attributes: `visible_to_contacts` false) are never shown to contacts. Tracker tickets are
 * never shared; Customer tickets always are, so a checkbox would mean nothing there.
 */
import type { IntercomClient, TicketType, TicketTypeAttribute } from '../intercom';
import { PRIORITIES, type Priority, QUEUE_KEYS, type QueueKey, type StateCategory } from '../domain/model';
import type { WorkspaceSettings } from '../domain/settings';
import type { Clock } from '../util/clock';
import { createWorkspaceCache, DIRECTORY_TTL_MS } from './directory-cache';

export const BACK_OFFICE = 'Back-office';

export interface TicketTypeCache {
  /** Back-office, not archived, in Intercom's order. */
  backOffice(workspaceId: string): Promise<TicketType[]>;
  /** A Back-office type by id; an unknown id reloads the list once (a type created since). */
  find(workspaceId: string, ticketTypeId: string): Promise<TicketType | null>;
  invalidate(workspaceId: string): void;
}

export function createTicketTypeCache(options: {
  clientFor(workspaceId: string): Promise<IntercomClient>;
  clock: Clock;
  ttlMs?: number;
}): TicketTypeCache {
  const cache = createWorkspaceCache(
    async (workspaceId) => (await (await options.clientFor(workspaceId)).ticketTypes.list()).filter(isUsableBackOffice),
    options.clock,
    options.ttlMs ?? DIRECTORY_TTL_MS,
  );
  return {
    backOffice: (workspaceId) => cache.get(workspaceId),
    async find(workspaceId, ticketTypeId) {
      const cached = (await cache.get(workspaceId)).find((t) => t.id === ticketTypeId);
      if (cached) return cached;
      return (await cache.refresh(workspaceId)).find((t) => t.id === ticketTypeId) ?? null;
    },
    invalidate: (workspaceId) => cache.invalidate(workspaceId),
  };
}

export function isUsableBackOffice(type: TicketType): boolean {
  return type.category === BACK_OFFICE && type.archived !== true;
}

/** The workspace's default type when it is still usable, else the first Back-office type. */
export function defaultTicketType(types: readonly TicketType[], settings: Pick<WorkspaceSettings, 'ticketTypeId'>): TicketType | null {
  return types.find((t) => t.id === settings.ticketTypeId) ?? types[0] ?? null;
}

export function allowsSharing(type: TicketType): boolean {
  return type.category === BACK_OFFICE && type.is_internal !== true;
}

export function stateIdFor(type: TicketType, category: StateCategory): string | null {
  return type.ticket_states.find((s) => s.category === category)?.id ?? null;
}

/** The attribute by name: exact first, then ignoring case (names are typed by admins, in two places). */
export function findAttribute(type: TicketType, name: string | null): TicketTypeAttribute | null {
  if (!name) return null;
  const live = type.ticket_type_attributes.filter((a) => a.archived !== true);
  const wanted = name.trim().toLowerCase();
  return live.find((a) => a.name === name) ?? live.find((a) => a.name.trim().toLowerCase() === wanted) ?? null;
}

interface ListItem {
  id: string;
  label: string;
}

function listItems(attribute: TicketTypeAttribute | null): ListItem[] {
  return (attribute?.input_options?.list_options ?? []).filter((o) => o.archived !== true);
}

const PRIORITY_LABEL = /^\s*P([1-4])(?![0-9A-Za-z])/i;

export function priorityOfLabel(label: string): Priority | null {
  const match = PRIORITY_LABEL.exec(label);
  return match ? (PRIORITIES[Number(match[1]) - 1] as Priority) : null;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function queueNames(queue: QueueKey, settings: Pick<WorkspaceSettings, 'queues'>): string[] {
  return [normalise(settings.queues[queue].label), normalise(queue)];
}

function prefixOf(a: string, b: string): boolean {
  return a !== '' && b !== '' && (a.startsWith(`${b} `) || b.startsWith(`${a} `));
}

/** The queue a list label stands for: exact matches over every queue first, then word prefixes. */
export function queueOfLabel(label: string, settings: Pick<WorkspaceSettings, 'queues'>): QueueKey | null {
  const wanted = normalise(label);
  const exact = QUEUE_KEYS.find((q) => queueNames(q, settings).includes(wanted));
  if (exact) return exact;
  return QUEUE_KEYS.find((q) => queueNames(q, settings).some((name) => prefixOf(name, wanted))) ?? null;
}

function itemFor(items: readonly ListItem[], matches: (label: string) => boolean): ListItem | null {
  return items.find((item) => matches(item.label)) ?? null;
}

/** What to send for the priority: the list item id, the plain label for a text attribute, null when the type has none. */
export function priorityValue(type: TicketType, settings: Pick<WorkspaceSettings, 'priorityAttribute'>, priority: Priority) {
  const attribute = findAttribute(type, settings.priorityAttribute);
  if (!attribute) return null;
  if (attribute.data_type !== 'list') return attribute.data_type === 'string' ? { name: attribute.name, value: priority } : null;
  const item = itemFor(listItems(attribute), (label) => priorityOfLabel(label) === priority);
  return item ? { name: attribute.name, value: item.id } : null;
}

export function queueValue(type: TicketType, settings: Pick<WorkspaceSettings, 'queueAttribute' | 'queues'>, queue: QueueKey) {
  const attribute = findAttribute(type, settings.queueAttribute);
  if (!attribute) return null;
  const label = settings.queues[queue].label;
  if (attribute.data_type !== 'list') return attribute.data_type === 'string' ? { name: attribute.name, value: label } : null;
  const items = listItems(attribute);
  const item =
    itemFor(items, (l) => queueNames(queue, settings).includes(normalise(l))) ?? itemFor(items, (l) => queueOfLabel(l, settings) === queue);
  return item ? { name: attribute.name, value: item.id } : null;
}

/** A stored attribute value (item id or label) as a label; other values as text. */
function labelOf(attribute: TicketTypeAttribute | null, value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value);
  return listItems(attribute).find((item) => item.id === text)?.label ?? text;
}

export function priorityFromTicket(
  type: TicketType | null,
  settings: Pick<WorkspaceSettings, 'priorityAttribute'>,
  attributes: Record<string, unknown>,
): Priority | null {
  const name = settings.priorityAttribute;
  if (!name) return null;
  const attribute = type ? findAttribute(type, name) : null;
  const label = labelOf(attribute, attributes[attribute?.name ?? name]);
  return label === null ? null : priorityOfLabel(label);
}

export function queueFromTicket(
  type: TicketType | null,
  settings: Pick<WorkspaceSettings, 'queueAttribute' | 'queues'>,
  attributes: Record<string, unknown>,
): QueueKey | null {
  const name = settings.queueAttribute;
  if (!name) return null;
  const attribute = type ? findAttribute(type, name) : null;
  const label = labelOf(attribute, attributes[attribute?.name ?? name]);
  return label === null ? null : queueOfLabel(label, settings);
}
