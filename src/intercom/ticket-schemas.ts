/**
 * Response schemas for tickets (2.16), tolerant of the older shapes that webhooks and pre-2.16 workspaces send:
 * `ticket_state` as a bare category string (before 2.12), assignee ids as strings (before 2.16).
 */
import { z } from 'zod';
import {
  AssigneeId,
  ContactRefListSchema,
  CursorPagesSchema,
  Id,
  LinkedObjectListSchema,
  NullableString,
  OptionalId,
  PART_FIELDS,
  UnixTime,
} from './common-schemas';
import { TicketStateSchema, TicketTypeSchema } from './ticket-types';

/** Normalised state: `id` is null only for a legacy string state, which carried no id. */
export interface TicketStateRef {
  id: string | null;
  category: string;
  internal_label: string | null;
  external_label: string | null;
}

const TicketStateFieldSchema = z
  .union([TicketStateSchema, z.string().transform((category) => ({ id: null, category, internal_label: null, external_label: null }))])
  .nullish()
  .transform((state): TicketStateRef | null => state ?? null);

export const TicketPartSchema = z.looseObject({
  type: z.string().optional(),
  ...PART_FIELDS,
  // Parts report state *categories*, not state ids.
  ticket_state: NullableString,
  previous_ticket_state: NullableString,
  /** Set on parts an app created through the API (Handoff's own ladder steps, other integrations). */
  app_package_code: NullableString,
});

export const TicketSchema = z.looseObject({
  type: z.string().optional(),
  /** The id for API paths. */
  id: Id,
  /** The "#123" shown in the Inbox; never valid in a path. */
  ticket_id: OptionalId,
  category: NullableString,
  ticket_attributes: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((attributes) => attributes ?? {}),
  ticket_state: TicketStateFieldSchema,
  previous_ticket_state_id: OptionalId,
  ticket_type: TicketTypeSchema.nullish(),
  contacts: ContactRefListSchema,
  admin_assignee_id: AssigneeId,
  team_assignee_id: AssigneeId,
  open: z.boolean().nullish(),
  snoozed_until: UnixTime,
  created_at: UnixTime,
  updated_at: UnixTime,
  is_shared: z.boolean().nullish(),
  linked_objects: LinkedObjectListSchema,
  // At most 500 parts are embedded; total_count says how many exist.
  ticket_parts: z
    .looseObject({ ticket_parts: z.array(TicketPartSchema).default([]), total_count: z.number().optional() })
    .nullish()
    .transform((parts) => ({
      ticket_parts: parts?.ticket_parts ?? [],
      total_count: parts?.total_count ?? parts?.ticket_parts.length ?? 0,
    })),
});

export const TicketListSchema = z.looseObject({
  tickets: z.array(TicketSchema).default([]),
  total_count: z.number().optional(),
  pages: CursorPagesSchema,
});

export type Ticket = z.output<typeof TicketSchema>;
export type TicketPart = z.output<typeof TicketPartSchema>;
