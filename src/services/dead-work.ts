/**
 * Outbox work that gave up (status `dead`), described for people: which ticket or conversation it concerned, what
 * it was meant to do, and the last error with anything secret-looking masked. The sidebar puts a line on the
 * ticket's card; the settings page lists them with a Retry button. One description per kind, here.
 */
import { z } from 'zod';
import { LADDER_STEPS } from '../domain/model';
import { maskSensitive, oneLine, truncate } from '../domain/text';
import type { Escalation, OutboxJob } from '../store';
import { JOB_CREATE_TICKET, JOB_POST_NOTE, JOB_SHARE_TICKET } from './escalation';
import { CUSTOMER_DETAILS_JOB_KIND } from './customer-cases/jobs';
import { CUSTOMER_UPDATE_JOB_KIND } from './customer-updates/jobs';
import { CASE_JOB_KINDS } from './shared-cases/jobs';
import { LADDER_JOB_KIND } from './sla/ladder-job-kind';
import { SYNC_JOB_KINDS } from './sync/sync-jobs';

export interface DeadWork {
  jobId: string;
  kind: string;
  /** What the work was for, e.g. "SLA breach step" (never customer text). */
  what: string;
  ticketId: string | null;
  conversationId: string | null;
  escalationId: string | null;
  /** The last error, one line, secrets masked, at most 200 characters. */
  lastError: string;
  failedAt: number | null;
  attempts: number;
}

const LADDER_STEP_LABELS: Record<(typeof LADDER_STEPS)[number], string> = {
  warn: 'SLA warning note',
  escalate: 'SLA escalation step',
  breach: 'SLA breach step',
};

const KIND_LABELS: Readonly<Record<string, string>> = {
  [SYNC_JOB_KINDS.ticketNote]: 'Note on the ticket',
  [SYNC_JOB_KINDS.ticketPriority]: 'Priority change',
  [SYNC_JOB_KINDS.conversationNote]: 'Resolve note in the conversation',
  [SYNC_JOB_KINDS.conversationReopen]: 'Reopening the conversation after the ticket resolved',
  [SYNC_JOB_KINDS.ticketReread]: 'Re-reading the ticket',
  [JOB_CREATE_TICKET]: 'Creating the ticket',
  [JOB_POST_NOTE]: 'Escalation follow-up note',
  [JOB_SHARE_TICKET]: 'Sharing the ticket with the customer',
  [CUSTOMER_UPDATE_JOB_KIND]: 'Case update to the customer',
  [CUSTOMER_DETAILS_JOB_KIND]: 'Details the customer added in the Messenger',
  [CASE_JOB_KINDS.fanOut]: 'Resolve follow-ups of the shared case',
  [CASE_JOB_KINDS.followUp]: 'Resolve follow-up in an attached conversation',
};

/** Only the fields that say what a job concerns; a payload without them is still listed, just without a link. */
const subjectSchema = z.object({
  ticketId: z.string().min(1).optional(),
  conversationId: z.string().min(1).optional(),
  escalationId: z.string().min(1).optional(),
  step: z.enum(LADDER_STEPS).optional(),
});

export function describeDeadJob(job: OutboxJob): DeadWork {
  const parsed = subjectSchema.safeParse(job.payload);
  const subject = parsed.success ? parsed.data : {};
  const what =
    job.kind === LADDER_JOB_KIND
      ? subject.step
        ? LADDER_STEP_LABELS[subject.step]
        : 'SLA ladder step'
      : (KIND_LABELS[job.kind] ?? `Background job (${job.kind})`);
  return {
    jobId: job.id,
    kind: job.kind,
    what,
    ticketId: subject.ticketId ?? null,
    conversationId: subject.conversationId ?? null,
    escalationId: subject.escalationId ?? null,
    lastError: truncate(oneLine(maskSensitive(job.lastError ?? 'no error recorded')), 200),
    failedAt: job.doneAt,
    attempts: job.attempts,
  };
}

/**
 * The dead work of one conversation's tickets, by ticket id: work naming the ticket, and escalation work whose
 * escalation (of this conversation) is linked to it. `dead` is the workspace's dead list, read once per view.
 */
export function deadWorkByTicket(
  dead: readonly OutboxJob[],
  ticketIds: readonly string[],
  escalations: readonly Pick<Escalation, 'id' | 'ticketId'>[],
): Map<string, DeadWork[]> {
  const wanted = new Set(ticketIds);
  const ticketOfEscalation = new Map(escalations.flatMap((e) => (e.ticketId ? [[e.id, e.ticketId] as const] : [])));
  const byTicket = new Map<string, DeadWork[]>();
  for (const job of dead) {
    const work = describeDeadJob(job);
    const ticketId = work.ticketId ?? (work.escalationId ? (ticketOfEscalation.get(work.escalationId) ?? null) : null);
    if (ticketId === null || !wanted.has(ticketId)) continue;
    byTicket.set(ticketId, [...(byTicket.get(ticketId) ?? []), work]);
  }
  return byTicket;
}

/** The card's line: what failed and what to do about it (short enough for the sidebar's width). */
export function deadWorkLine(work: readonly DeadWork[]): string | null {
  const [first, ...rest] = work;
  if (!first) return null;
  const what = rest.length === 0 ? first.what : `${first.what} and ${rest.length} more`;
  return `${what} could not reach Intercom — ask an admin to retry it in Handoff settings.`;
}
