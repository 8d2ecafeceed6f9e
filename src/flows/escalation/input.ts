/**
 * The escalate form's `input_values` → a validated choice, or per-field messages. What an untouched field sends
 * is undocumented (canvas-kit.md §7), so a missing key, `""` and `null` all mean "no value". Choices must be
 * among what the form offered; the reason is required and length-limited before it goes into a ticket.
 */
import { z } from 'zod';
import { CHECKBOX_OPTION_IDS, INPUT_IDS } from '../../../canvases/component-ids';
import type { EscalateField } from '../../../canvases/view-models';
import { PRIORITIES, QUEUE_KEYS } from '../../domain/model';
import type { EscalationChoice } from '../../services/escalation';
import { BoundedMemo } from '../../util/bounded-memo';

export const REASON_MAX_CHARS = 2000;

const noValue = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const blankToUndefined = (value: unknown) => (noValue(value) ? undefined : value);

function choice<T extends readonly [string, ...string[]]>(values: T, missing: string, invalid: string) {
  return z.preprocess(blankToUndefined, z.enum(values, { error: (issue) => (issue.input === undefined ? missing : invalid) }));
}

const reason = z.preprocess(
  blankToUndefined,
  z
    .string({ error: (issue) => (issue.input === undefined ? 'Say why you are escalating.' : 'The reason must be text.') })
    .trim()
    .max(REASON_MAX_CHARS, `Keep the reason under ${REASON_MAX_CHARS.toLocaleString('en-US')} characters.`),
);

/** A checked box sends `[option id]`; anything else (nothing, `[]`, junk) is unchecked. */
const share = z
  .unknown()
  .optional()
  .transform((value) => {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return list.includes(CHECKBOX_OPTION_IDS.shareWithCustomer);
  });

export interface RawValues {
  ticketTypeId: string | null;
  priority: string | null;
  queue: string | null;
  reason: string;
  shareWithCustomer: boolean;
}

export type ParsedInput =
  | { ok: true; choice: EscalationChoice }
  | { ok: false; errors: Partial<Record<EscalateField, string>>; raw: RawValues };

const FIELDS: Record<string, EscalateField> = {
  [INPUT_IDS.ticketType]: 'ticket_type',
  [INPUT_IDS.priority]: 'priority',
  [INPUT_IDS.queue]: 'queue',
  [INPUT_IDS.reason]: 'reason',
};

function formSchema(ticketTypeIds: readonly [string, ...string[]]) {
  return z.object({
    [INPUT_IDS.ticketType]: choice(ticketTypeIds, 'Choose a ticket type.', 'That ticket type is not available any more; choose another.'),
    [INPUT_IDS.priority]: choice(PRIORITIES, 'Choose a priority.', 'Choose a priority from P1 to P4.'),
    [INPUT_IDS.queue]: choice(QUEUE_KEYS, 'Choose a queue.', 'Choose one of the listed queues.'),
    [INPUT_IDS.reason]: reason,
    [INPUT_IDS.shareWithCustomer]: share,
  });
}

/**
 * Schemas by the ticket type ids they offer. zod compiles an object schema on its first parse, which cost more than
 * the parse when the schema was built per submit; a workspace offers the same types until its type cache refreshes.
 * The bound only stops a stream of different id lists from growing the map without end.
 */
const schemas = new BoundedMemo<string, ReturnType<typeof formSchema>>(500);

function schemaFor(ticketTypeIds: readonly [string, ...string[]]) {
  const key = JSON.stringify(ticketTypeIds); // not join(','): ["1,2"] and ["1", "2"] are different offers
  return schemas.get(key, () => formSchema(ticketTypeIds));
}

/**
 * `ticketTypeIds`: the types the form may offer. `fixedTicketTypeId`: the type the form showed as text (one type
 * only; it travels in stored_data, so the submit carries no dropdown value for it).
 */
export function parseEscalateInput(
  values: Record<string, unknown>,
  ticketTypeIds: readonly [string, ...string[]],
  fixedTicketTypeId: string | null,
): ParsedInput {
  const schema = schemaFor(ticketTypeIds);
  const input = fixedTicketTypeId === null ? values : { ...values, [INPUT_IDS.ticketType]: fixedTicketTypeId };
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    const v = parsed.data as Record<string, unknown>;
    return {
      ok: true,
      choice: {
        ticketTypeId: v[INPUT_IDS.ticketType] as string,
        priority: v[INPUT_IDS.priority] as EscalationChoice['priority'],
        queue: v[INPUT_IDS.queue] as EscalationChoice['queue'],
        reason: v[INPUT_IDS.reason] as string,
        shareWithCustomer: v[INPUT_IDS.shareWithCustomer] as boolean,
      },
    };
  }
  const errors: Partial<Record<EscalateField, string>> = {};
  for (const issue of parsed.error.issues) {
    // Every field that can fail is one of the four; anything else would be our bug, shown on the reason.
    const field = FIELDS[String(issue.path[0])] ?? 'reason';
    if (!errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors, raw: rawValues(input) };
}

/** The teammate's values as typed, to put back on the form; a text too long to keep is cut, not dropped. */
function rawValues(values: Record<string, unknown>): RawValues {
  const text = (key: string) => {
    const value = values[key];
    return typeof value === 'string' && !noValue(value) ? value : null;
  };
  return {
    ticketTypeId: text(INPUT_IDS.ticketType),
    priority: text(INPUT_IDS.priority),
    queue: text(INPUT_IDS.queue),
    reason: (text(INPUT_IDS.reason) ?? '').slice(0, REASON_MAX_CHARS * 2),
    shareWithCustomer: share.parse(values[INPUT_IDS.shareWithCustomer]),
  };
}
