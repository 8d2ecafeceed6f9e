/**
 * Link a conversation to an incident, exactly once. The teammate's submit reserves the link and its outbox job in
 * one transaction (src/store/repos/incident-links.ts: one standing link per conversation, one row per form
 * nonce); the flow then runs the job once inline. The job is safe to repeat: Intercom answers a second link with
 * `already_linked_to_tracker`, and then the conversation's own linked objects say whether it was ours.
 * Linked → the note for the tracker is queued, the tracker re-read (its state and count), and a tracker already
 * resolved sends this conversation its follow-up at once.
 */
import { escapeHtml } from '../../domain/text';
import type { Conversation } from '../../intercom';
import type { IncidentLink, LinkReservation, OutboxJob, Store } from '../../store';
import { AppError } from '../../util/app-error';
import { SYNC_JOB_KINDS, type TicketNotePayload } from '../sync/sync-jobs';
import { applyIncident } from './apply';
import type { IncidentDeps } from './deps';
import { enqueueFollowUp } from './follow-ups';
import { INCIDENT_JOB_KINDS, incidentKeys } from './jobs';
import { REFUSALS, refusalCode } from './refusals';

export interface LinkInput {
  workspaceId: string;
  conversationId: string;
  adminId: string;
  trackerId: string;
  note: string | null;
  nonce: string;
  /** When the outbox may take the job over from the inline try. */
  runAt: number;
}

export type LinkOutcome =
  | { kind: 'linked'; link: IncidentLink }
  | { kind: 'refused'; link: IncidentLink; message: string }
  | { kind: 'skipped'; link: IncidentLink };

export async function reserveLink(deps: IncidentDeps, input: LinkInput): Promise<LinkReservation & { job: OutboxJob | null }> {
  const now = deps.clock.now();
  return deps.sync.store.transaction(async (tx) => {
    const reserved = await tx.incidentLinks.reserve(input.workspaceId, {
      requestKey: `${input.conversationId}:${input.nonce}`,
      trackerId: input.trackerId,
      conversationId: input.conversationId,
      adminId: input.adminId,
      note: input.note,
      now,
    });
    if (reserved.kind !== 'new')
      return { ...reserved, job: await tx.outbox.getByDedupeKey(input.workspaceId, incidentKeys.link(reserved.link.id)) };
    const { job } = await tx.outbox.enqueue(input.workspaceId, {
      kind: INCIDENT_JOB_KINDS.link,
      dedupeKey: incidentKeys.link(reserved.link.id),
      payload: { linkId: reserved.link.id },
      now,
      runAt: input.runAt,
    });
    return { ...reserved, job };
  });
}

export async function runLink(deps: IncidentDeps, workspaceId: string, linkId: string): Promise<LinkOutcome> {
  const link = await deps.sync.store.incidentLinks.get(workspaceId, linkId);
  if (!link) throw new AppError('not_found', 'That link is gone.');
  if (link.status !== 'linking') return { kind: 'skipped', link };
  const client = await deps.sync.directory.clientFor(workspaceId);
  try {
    await client.trackers.linkConversation(link.trackerId, link.conversationId);
  } catch (error) {
    const code = refusalCode(error);
    if (code === null) throw error;
    // A repeat of a link whose first answer was lost: Intercom has it, so it is done.
    const ours = code === 'already_linked_to_tracker' && linkedTo(await client.conversations.get(link.conversationId), link.trackerId);
    if (!ours) return refuse(deps, link, REFUSALS[code]!);
  }
  const linked = await commitLinked(deps, link);
  await rereadTracker(deps, workspaceId, link.trackerId);
  return { kind: 'linked', link: linked };
}

function linkedTo(conversation: Conversation, trackerId: string): boolean {
  return conversation.linked_objects.data.some((o) => o.type === 'ticket' && o.id === trackerId);
}

async function refuse(deps: IncidentDeps, link: IncidentLink, message: string): Promise<LinkOutcome> {
  const failed = await deps.sync.store.incidentLinks.setStatus(
    link.workspaceId,
    link.id,
    { status: 'failed', lastError: message },
    deps.clock.now(),
  );
  deps.sync.logger.warn({ workspaceId: link.workspaceId, linkId: link.id }, 'incident link refused by Intercom');
  return { kind: 'refused', link: failed ?? link, message };
}

/** Linked in Intercom: record it, and queue what follows from it, in one transaction. */
export async function commitLinked(deps: IncidentDeps, link: IncidentLink): Promise<IncidentLink> {
  const now = deps.clock.now();
  const { linked, enqueued } = await deps.sync.store.transaction(async (tx) => {
    const linked = (await tx.incidentLinks.setStatus(link.workspaceId, link.id, { status: 'linked', lastError: null }, now)) ?? link;
    let enqueued = 0;
    if (link.note && link.adminId) enqueued += await enqueueNote(tx, link, link.adminId, link.note, now);
    const incident = await tx.incidents.get(link.workspaceId, link.trackerId);
    if (incident?.resolvedAt != null) enqueued += await enqueueFollowUp(tx, linked, incident.resolvedAt, now);
    return { linked, enqueued };
  });
  if (enqueued > 0) deps.sync.pokeOutbox();
  return linked;
}

async function enqueueNote(tx: Store, link: IncidentLink, adminId: string, note: string, now: number): Promise<number> {
  const body = `<p>${escapeHtml(note)}</p><p><em>Linked from conversation ${escapeHtml(link.conversationId)} via Handoff</em></p>`;
  const payload: TicketNotePayload = { ticketId: link.trackerId, adminId, body, crossPost: false };
  const { created } = await tx.outbox.enqueue(link.workspaceId, {
    kind: SYNC_JOB_KINDS.ticketNote,
    dedupeKey: incidentKeys.note(link.id),
    payload,
    now,
  });
  return created ? 1 : 0;
}

/** The tracker's state and count after a change of ours; a failed read leaves the snapshot for the next view. */
export async function rereadTracker(deps: IncidentDeps, workspaceId: string, trackerId: string): Promise<void> {
  try {
    const ticket = await (await deps.sync.directory.clientFor(workspaceId)).tickets.get(trackerId);
    await applyIncident(deps.sync.store, deps.sync.pokeOutbox, workspaceId, ticket, deps.clock.now());
  } catch (error) {
    deps.sync.logger.warn(
      { workspaceId, trackerId, err: String(error).slice(0, 200) },
      'tracker re-read failed; the next view refreshes it',
    );
  }
}

/** A link whose job went dead stops showing as on its way (runs in the dead-lettering's transaction). */
export async function giveUpLink(tx: Store, now: number, workspaceId: string, linkId: string, reason: string): Promise<void> {
  const link = await tx.incidentLinks.get(workspaceId, linkId);
  if (link?.status !== 'linking') return;
  const lastError = `Intercom kept failing; check the incident in Intercom before linking again. (${reason})`;
  await tx.incidentLinks.setStatus(workspaceId, linkId, { status: 'failed', lastError }, now);
}
