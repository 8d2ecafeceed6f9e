/**
 * What each SLA ladder step does in Intercom (the `ladder.step` outbox job's work; jobs/ladder-handlers.ts feeds it).
 *
 * - warn (75 %): a note on the ticket, addressed to its owner.
 * - escalate (90 %): per `settings.ladder.escalateAction`, assign the ticket to the team lead (`PUT /tickets/{id}`
 *   with `assignee_id` = lead) or only mention them; then a note.
 * - breach (100 %): move the ticket to the SLA Breach team, then reassign it to the manager, then one note with
 *   `cross_post: true` (the note lands on the ticket and is copied into the linked conversation). The 2.16 update
 *   body has a single `assignee_id`, which takes either an admin or a team id and sets only that side, so setting
 *   both is two PUTs: team first, manager last, so the manager is the owner whatever Intercom does to the admin
 *   assignee on a team change.
 *
 * Acting admin (`admin_id` of the PUTs and notes): the admin who installed Handoff, i.e. the app's own identity;
 * only when unknown, the lead or manager from the settings. Not the lead/manager first: Intercom does not notify
 * a teammate of an assignment they made themselves, and the point of the step is that they hear about it.
 *
 * Safe to repeat: the PUTs set absolute values, and before posting the handler reads the ticket's parts for the
 * step's marker on a note by the admin it posts as, so a note whose answer was lost is not posted twice (and a copy
 * of the marker by anyone else does not silence the step). Steps of one clock run in order: a step
 * waits (retry) while an earlier step's job of the same cycle is still queued.
 */
import { LADDER_STEPS } from '../../domain/model';
import type { WorkspaceSettings } from '../../domain/settings';
import type { IntercomClient, Ticket } from '../../intercom';
import type { OutboxJob, Store } from '../../store';
import { toOutboxError } from '../intercom-failure';
import { PermanentJobError, RetryJobError } from '../job-outcomes';
import { ladderNote } from './ladder-notes';
import { type LadderPayload, ladderDedupeKey, ladderMarker, ladderPayloadSchema } from './ladder-payload';

/** Names are cosmetic: null when unknown, and the note falls back to the id. */
export interface LadderNames {
  adminName(adminId: string | null): string | null;
  teamName(teamId: string | null): string | null;
}

export interface LadderStepDeps {
  store: Store;
  clientFor(workspaceId: string): Promise<IntercomClient>;
  settings(workspaceId: string): Promise<WorkspaceSettings>;
  names(workspaceId: string): Promise<LadderNames>;
  /** Mirrors a ticket view into our store (the sync's applyTicket), so the sidebar shows the new owner at once. */
  applyTicket?(workspaceId: string, ticket: Ticket): Promise<void>;
}

/** How soon a step waiting for an earlier one looks again (the worker's backoff may make it later). */
const WAIT_FOR_EARLIER_MS = 2_000;

/** Runs one `ladder.step` job at `now`; throws the outbox's job errors (permanent, retry at a time, or transient). */
export async function runLadderStep(deps: LadderStepDeps, job: OutboxJob, now: number): Promise<unknown> {
  const parsed = ladderPayloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError('ladder.step payload is not a v1 ladder payload');
  const payload = parsed.data;
  await waitForEarlierSteps(deps.store, job.workspaceId, payload, now);
  const workspace = await deps.store.workspaces.get(job.workspaceId);
  if (!workspace || workspace.uninstalledAt !== null) throw new PermanentJobError('workspace uninstalled');
  try {
    const client = await deps.clientFor(job.workspaceId);
    const settings = await deps.settings(job.workspaceId);
    const ticket = await client.tickets.get(payload.ticketId);
    const { ladder } = settings;
    const actor = workspace.installedByAdminId ?? ladder.leadAdminId ?? ladder.managerAdminId;
    if (actor === null) throw new PermanentJobError('no admin to act as: set a team lead or manager in the SLA ladder settings');
    const existing = ownStepNote(ticket, ladderMarker(payload), actor);
    if (existing) return { noteId: existing.id, repeated: true };
    const resolved = ticket.ticket_state?.category === 'resolved';
    const { assigned, updated } = await act(client, ticket, payload, settings, actor, resolved);
    // Intercom sends no webhook for the app's own updates; without this the sidebar would show the old owner.
    if (updated && deps.applyTicket) await deps.applyTicket(job.workspaceId, updated);
    const names = await deps.names(job.workspaceId);
    const person = (id: string | null) => (id === null ? null : (names.adminName(id) ?? `admin ${id}`));
    const body = ladderNote({
      payload,
      zone: workspace.timezone,
      owner: person(ticket.admin_assignee_id),
      lead: person(ladder.leadAdminId),
      manager: person(ladder.managerAdminId),
      breachTeam: ladder.breachTeamId === null ? null : (names.teamName(ladder.breachTeamId) ?? `team ${ladder.breachTeamId}`),
      escalateAction: ladder.escalateAction,
      resolved,
    });
    // Only the breach note is copied into the conversation: the agent there should know the case is late.
    const crossPost = payload.step === 'breach' ? { crossPost: true } : {};
    const note = await client.tickets.reply(payload.ticketId, {
      adminId: actor,
      body,
      messageType: 'note',
      ...crossPost,
    });
    // `assigned` is kept in the job's result so the app can tell its own assignments from the team's.
    return { noteId: note.id, assigned };
  } catch (error) {
    throw toOutboxError(error);
  }
}

/**
 * The note this step already posted, if its answer was lost. The marker is predictable and anyone who can write
 * on the ticket (its owner, the customer on a shared ticket) could copy it, so only a note by the admin the
 * ladder posts as counts: a copy by anyone else must not silence the step.
 */
function ownStepNote(ticket: Ticket, marker: string, actor: string) {
  return ticket.ticket_parts.ticket_parts.find(
    (part) =>
      part.part_type === 'note' && part.author?.type === 'admin' && part.author.id === actor && (part.body?.includes(marker) ?? false),
  );
}

/** The step's assignments. Skipped on a resolved ticket: a late step must not pull a finished case back to someone. */
async function act(
  client: IntercomClient,
  ticket: Ticket,
  payload: LadderPayload,
  settings: WorkspaceSettings,
  actor: string,
  resolved: boolean,
): Promise<{ assigned: string[]; updated: Ticket | null }> {
  const { ladder } = settings;
  if (resolved) return { assigned: [], updated: null };
  const targets: (string | null)[] = [];
  if (payload.step === 'escalate' && ladder.escalateAction === 'assign') targets.push(ladder.leadAdminId);
  // Team first, manager last: the manager ends up the owner whatever a team change does to the admin assignee.
  if (payload.step === 'breach') targets.push(ladder.breachTeamId, ladder.managerAdminId);
  const assigned: string[] = [];
  let updated: Ticket | null = null;
  for (const assigneeId of targets) {
    if (assigneeId === null) continue;
    updated = await client.tickets.update(ticket.id, { actingAdminId: actor, assigneeId });
    assigned.push(assigneeId);
  }
  return { assigned, updated };
}

/** Keeps a clock's notes in step order: an earlier step of the same cycle that is still queued goes first. */
async function waitForEarlierSteps(store: Store, workspaceId: string, payload: LadderPayload, now: number): Promise<void> {
  for (const step of LADDER_STEPS.slice(0, LADDER_STEPS.indexOf(payload.step))) {
    const earlier = await store.outbox.getByDedupeKey(
      workspaceId,
      ladderDedupeKey(workspaceId, payload.ticketId, payload.kind, payload.cycle, step),
    );
    if (earlier && (earlier.status === 'pending' || earlier.status === 'running')) {
      const after = Math.max(now + WAIT_FOR_EARLIER_MS, (earlier.nextAttemptAt ?? now) + WAIT_FOR_EARLIER_MS);
      throw new RetryJobError(`waiting for the ${step} step of this clock`, after);
    }
  }
}
