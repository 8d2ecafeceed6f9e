/**
 * Ticket types, their states and attributes (`GET /ticket_types`, `GET /ticket_types/{id}`). States are per type,
 * so callers pick the target state by `category`, never by a hard-coded id.
 */
import { z } from 'zod';
import { Id, NullableString, OptionalId } from './common-schemas';
import type { IntercomHttp } from './transport';
import type { CallOptions } from './call-options';

/** `ticket_state` objects (2.12+); tickets before 2.12 carried a bare category string, handled in tickets.ts. */
export const TicketStateSchema = z.looseObject({
  id: Id,
  category: z.string(),
  internal_label: NullableString,
  external_label: NullableString,
});

/** A list attribute's choices. Their shape is not in the spec's schema (`input_options` is a bare object). */
export const ListOptionSchema = z.looseObject({ id: Id, label: z.string(), archived: z.boolean().optional() });

export const TicketTypeAttributeSchema = z.looseObject({
  id: Id,
  name: z.string(),
  description: NullableString,
  data_type: z.string(),
  input_options: z.looseObject({ list_options: z.array(ListOptionSchema).optional() }).nullish(),
  required_to_create: z.boolean().optional(),
  visible_on_create: z.boolean().optional(),
  default: z.boolean().optional(),
  archived: z.boolean().optional(),
  ticket_type_id: OptionalId,
});

/**
 * The spec documents `{type:"ticket_type_attributes.list", ticket_type_attributes:[…]}`, but examples and real
 * payloads send `{type:"list", data:[…]}` (intercom-node #499). Both become a plain array.
 */
const AttributeListSchema = z
  .union([
    z.looseObject({ data: z.array(TicketTypeAttributeSchema) }).transform((list) => list.data),
    z.looseObject({ ticket_type_attributes: z.array(TicketTypeAttributeSchema) }).transform((list) => list.ticket_type_attributes),
  ])
  .nullish()
  .transform((list) => list ?? []);

const StateListSchema = z
  .looseObject({ data: z.array(TicketStateSchema) })
  .nullish()
  .transform((list) => list?.data ?? []);

export const TicketTypeSchema = z.looseObject({
  id: Id,
  name: z.string(),
  category: NullableString,
  description: NullableString,
  icon: NullableString,
  archived: z.boolean().optional(),
  is_internal: z.boolean().optional(),
  ticket_type_attributes: AttributeListSchema,
  ticket_states: StateListSchema,
});

const TicketTypeListSchema = z.looseObject({ data: z.array(TicketTypeSchema) }).transform((list) => list.data);

export type TicketState = z.output<typeof TicketStateSchema>;
export type TicketTypeAttribute = z.output<typeof TicketTypeAttributeSchema>;
export type TicketType = z.output<typeof TicketTypeSchema>;

export interface TicketTypesApi {
  list(options?: CallOptions): Promise<TicketType[]>;
  get(ticketTypeId: string, options?: CallOptions): Promise<TicketType>;
}

export function ticketTypesApi(http: IntercomHttp): TicketTypesApi {
  return {
    list: (options) => http.request({ method: 'GET', path: '/ticket_types', schema: TicketTypeListSchema, retry: options?.retry }),
    get: (ticketTypeId, options) =>
      http.request({
        method: 'GET',
        path: `/ticket_types/${encodeURIComponent(ticketTypeId)}`,
        schema: TicketTypeSchema,
        retry: options?.retry,
      }),
  };
}
