/**
 * Building blocks for Intercom response schemas. Intercom mixes numbers and strings for ids (and changed several
 * between versions; 2.16 made ticket assignees integers), and webhooks follow the app's configured version rather
 * than our header, so every id is accepted as either and normalised to a string here, at the edge.
 */
import { z } from 'zod';

const RawId = z.union([z.string(), z.number()]);

/** A required id, always a string afterwards. */
export const Id = RawId.transform((value) => String(value));

/** An id that may be absent or null. */
export const OptionalId = RawId.nullish().transform((value) => (value == null ? null : String(value)));

/**
 * An assignee id: integer in 2.16, string before (and in webhook captures). 0, "0", "" and null all mean
 * "nobody", normalised to null so callers have one test for unassigned.
 */
export const AssigneeId = RawId.nullish().transform((value) => {
  if (value == null) return null;
  const id = String(value);
  return id === '0' || id === '' ? null : id;
});

export const IdList = z.array(Id);

/** Unix seconds; null when Intercom has no value. */
export const UnixTime = z
  .number()
  .nullish()
  .transform((value) => value ?? null);

export const NullableString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

export const LinkedObjectSchema = z.looseObject({
  type: z.string(),
  id: Id,
  category: NullableString,
});

/** `linked_objects` on tickets and conversations; missing on older payloads, so it defaults to empty. */
export const LinkedObjectListSchema = z
  .looseObject({ data: z.array(LinkedObjectSchema).default([]), total_count: z.number().optional(), has_more: z.boolean().optional() })
  .nullish()
  .transform((value) => value ?? { data: [] as z.output<typeof LinkedObjectSchema>[] });

export const ContactRefSchema = z.looseObject({ type: z.string().optional(), id: Id, external_id: NullableString });

/** `{type:"contact.list", contacts:[…]}` on conversations and tickets. */
export const ContactRefListSchema = z
  .looseObject({ contacts: z.array(ContactRefSchema).default([]) })
  .nullish()
  .transform((value) => value ?? { contacts: [] as z.output<typeof ContactRefSchema>[] });

export const PartAuthorSchema = z.looseObject({
  type: z.string(),
  id: OptionalId,
  name: NullableString,
  email: NullableString,
});

/** The fields conversation parts and ticket parts share; each schema adds its own. */
export const PART_FIELDS = {
  id: Id,
  part_type: z.string(),
  body: NullableString,
  created_at: UnixTime,
  author: PartAuthorSchema.nullish(),
  assigned_to: z.looseObject({ type: z.string(), id: OptionalId }).nullish(),
};

/** Cursor pages (`pages.next.starting_after`) on searches. */
export const CursorPagesSchema = z
  .looseObject({
    next: z.looseObject({ starting_after: NullableString }).nullish(),
  })
  .nullish();

export type LinkedObject = z.output<typeof LinkedObjectSchema>;
export type ContactRef = z.output<typeof ContactRefSchema>;
export type PartAuthor = z.output<typeof PartAuthorSchema>;
