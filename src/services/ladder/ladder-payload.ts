/**
 * The `ladder.step` outbox job: what the scheduler records when a step fires, and everything the handler needs to
 * act and to write a note that explains itself (which clock, which step, when it fell due, against what target)
 * without re-reading the clock, whose state may have moved on by the time an Intercom outage ends.
 */
import { z } from 'zod';
import { CLOCK_KINDS, type ClockKind, LADDER_STEPS, type LadderStep, PRIORITIES, TIERS } from '../../domain/model';

export { LADDER_JOB_KIND } from '../sla/ladder-job-kind';

const instant = z.number().int();

export const ladderPayloadSchema = z.object({
  v: z.literal(1),
  ticketId: z.string().min(1),
  kind: z.enum(CLOCK_KINDS),
  cycle: z.number().int().nonnegative(),
  step: z.enum(LADDER_STEPS),
  /** When the step fell due: after downtime this is in the past, and the note says so. */
  dueAt: instant,
  firedAt: instant,
  /** When the clock reaches (or reached) 100 % as seen at firing; null when no deadline runs (paused). */
  deadlineAt: instant.nullable(),
  /** The step's share of the target, e.g. 0.75. */
  fraction: z.number().gt(0).max(1),
  /** Effective target (after tightening) in ms of counted time. */
  targetMs: z.number().int().positive(),
  meterMode: z.enum(['business', 'calendar']),
  basis: z.object({ priority: z.enum(PRIORITIES), tier: z.enum(TIERS) }).nullable(),
  tightenedReason: z.string().nullable(),
});

export type LadderPayload = z.infer<typeof ladderPayloadSchema>;

/** One outbox row per (workspace, ticket, clock, cycle, step): the same key as the firing row it is enqueued with. */
export function ladderDedupeKey(workspaceId: string, ticketId: string, kind: ClockKind, cycle: number, step: LadderStep): string {
  return `${workspaceId}:${ticketId}:${kind}:${cycle}:${step}`;
}

/**
 * The marker every ladder note ends with. Before posting, the handler looks for it among the ticket's parts, so a
 * note whose answer was lost (timeout after Intercom saved it) is never posted twice. Plain text, because Intercom
 * sanitises note HTML and an HTML comment or attribute might not survive.
 */
export function ladderMarker(payload: Pick<LadderPayload, 'kind' | 'cycle' | 'step'>): string {
  return `handoff-sla:${payload.kind}:${payload.cycle}:${payload.step}`;
}
