/**
 * Start an incident from this conversation: a tracker ticket with the handoff summary, linked to the conversation
 * at creation. Like escalation's create, `POST /tickets` has no idempotency key, so the description ends in a
 * reference naming the link, and a retry first looks among the conversation's linked trackers for it.
 * The link row is reserved (with the form's nonce) and the job enqueued in one transaction before Intercom is
 * asked; the flow then runs the job once inline.
 */
import type { Conversation, IntercomClient, Ticket } from '../../intercom';
import type { IncidentLink, OutboxJob } from '../../store';
import { AppError } from '../../util/app-error';
import { type EscalationContext, summaryFor } from '../escalation';
import { applyIncidentView } from './apply';
import type { IncidentDeps } from './deps';
import { INCIDENT_JOB_KINDS, incidentKeys, incidentReference, type StartJobPayload, startJobPayload } from './jobs';
import { REFUSALS, refusalCode } from './refusals';
import { TRACKER } from './snapshot';

/** Until Intercom says which tracker it is, a started incident's link names none. */
export const PENDING_TRACKER = '';

export const STARTED_REASON = 'Started as an incident from this conversation: other customers may be reporting the same problem.';

export async function trackerTypeId(client: IntercomClient): Promise<string> {
  const type = (await client.ticketTypes.list()).find((t) => t.category === TRACKER && t.archived !== true);
  if (!type)
    throw new AppError(
      'intercom_rejected',
      'This workspace has no tracker ticket type. An admin can add one in Intercom: Settings › Tickets.',
    );
  return type.id;
}

export async function reserveStart(
  deps: IncidentDeps,
  input: { context: EscalationContext; adminId: string; title: string; ticketTypeId: string; nonce: string; runAt: number },
): Promise<{ kind: 'new' | 'duplicate' | 'already_linked'; link: IncidentLink; job: OutboxJob | null }> {
  const { workspaceId, conversationId } = input.context;
  const summary = summaryFor(deps.escalation, input.context, STARTED_REASON);
  const now = deps.clock.now();
  return deps.sync.store.transaction(async (tx) => {
    const reserved = await tx.incidentLinks.reserve(workspaceId, {
      requestKey: `${conversationId}:${input.nonce}`,
      trackerId: PENDING_TRACKER,
      conversationId,
      adminId: input.adminId,
      note: null,
      now,
    });
    if (reserved.kind !== 'new')
      return { ...reserved, job: await tx.outbox.getByDedupeKey(workspaceId, incidentKeys.start(reserved.link.id)) };
    const payload: StartJobPayload = startJobPayload.parse({
      linkId: reserved.link.id,
      ticketTypeId: input.ticketTypeId,
      contactId: input.context.contactId,
      title: input.title,
      description: `${summary.text}\n\n${incidentReference(reserved.link.id)}`,
    });
    const { job } = await tx.outbox.enqueue(workspaceId, {
      kind: INCIDENT_JOB_KINDS.start,
      dedupeKey: incidentKeys.start(reserved.link.id),
      payload,
      now,
      runAt: input.runAt,
    });
    return { ...reserved, job };
  });
}

export type StartOutcome =
  | { kind: 'started'; link: IncidentLink; tracker: Ticket }
  | { kind: 'refused'; message: string }
  | { kind: 'skipped' };

export async function runStart(deps: IncidentDeps, workspaceId: string, job: StartJobPayload): Promise<StartOutcome> {
  const { store } = deps.sync;
  const link = await store.incidentLinks.get(workspaceId, job.linkId);
  if (link?.status !== 'linking' || link.trackerId !== PENDING_TRACKER) return { kind: 'skipped' };
  const client = await deps.sync.directory.clientFor(workspaceId);
  let tracker: Ticket;
  try {
    tracker =
      (await findStarted(client, await client.conversations.get(link.conversationId), job.linkId)) ??
      (await client.tickets.create({
        ticketTypeId: job.ticketTypeId,
        contact: { id: job.contactId },
        conversationToLinkId: link.conversationId,
        attributes: { _default_title_: job.title, _default_description_: job.description },
      }));
  } catch (error) {
    const code = refusalCode(error);
    if (code === null) throw error;
    await store.incidentLinks.setStatus(workspaceId, link.id, { status: 'failed', lastError: REFUSALS[code]! }, deps.clock.now());
    return { kind: 'refused', message: REFUSALS[code]! };
  }
  const now = deps.clock.now();
  const started = await store.transaction(async (tx) => {
    const attached = await tx.incidentLinks.attachTracker(workspaceId, link.id, tracker.id, now);
    await applyIncidentView(tx, workspaceId, tracker, now);
    return attached ?? link;
  });
  deps.sync.logger.info({ workspaceId, linkId: link.id, trackerId: tracker.id }, 'incident started');
  return { kind: 'started', link: started, tracker };
}

/** The tracker this link already created, if an earlier try's answer was lost. */
async function findStarted(client: IntercomClient, conversation: Conversation, linkId: string): Promise<Ticket | null> {
  const trackers = conversation.linked_objects.data.filter((o) => o.type === 'ticket' && o.category === TRACKER);
  for (const candidate of trackers) {
    const ticket = await client.tickets.get(candidate.id);
    const description = ticket.ticket_attributes['_default_description_'];
    if (typeof description === 'string' && description.includes(incidentReference(linkId))) return ticket;
  }
  return null;
}
