/**
 * One resolution, many conversations: the paced fan-out of resolve follow-ups, shared by incidents (conversations
 * linked to a tracker) and shared cases (conversations attached to another conversation's back-office ticket).
 *
 * - `runPacedFanOut` is the fan-out job's body: it pages through the members (keyset, id order) and enqueues one
 *   follow-up job each, keyed by the caller (source, conversation, resolution), due one after another at
 *   `pacing.perSecond`. The due times are stored, so a restart resumes at the same pace, and a re-run after a
 *   crash enqueues nothing twice.
 * - `sendResolveFollowUp` is one follow-up's Intercom work: the note (looked for first when an earlier try may
 *   have posted it), then reopen or unsnooze per the workspace's `resolveBehaviour`.
 * What differs per source (which rows, which job, which note) stays with the source; the pace and the order of
 * the work are decided here once.
 */
import type { Store } from '../store';
import type { Clock } from '../util/clock';
import { type Attempt, postConversationNote, reopenConversation } from './sync/intercom-writes';
import type { SyncDeps, SyncLogger } from './sync/sync-deps';

/**
 * How fast a resolution's follow-ups go out. Each follow-up costs about three Intercom calls (a note, a read, a
 * reopen); Intercom allows 10,000 calls a minute per app and workspace, shared with everything else Handoff and
 * the workspace's other apps do, so the fan-out takes a fixed slice of it and leaves the rest alone.
 */
export interface FanOutPacing {
  /** Follow-ups started per second. */
  perSecond: number;
  /** Follow-ups enqueued per fan-out step (one transaction each). */
  batch: number;
}

/** 10 a second ≈ 1,800 calls a minute, under a fifth of the limit: 2,500 conversations in about four minutes. */
export const DEFAULT_PACING: FanOutPacing = Object.freeze({ perSecond: 10, batch: 250 });

export interface FanOutDeps {
  store: Store;
  clock: Clock;
  pacing: FanOutPacing;
  logger: SyncLogger;
  pokeOutbox(): void;
}

/** A conversation a resolution reaches: its row id (the keyset) and the resolution it was last followed up for. */
export interface FanOutMember {
  id: string;
  followedUpFor: number | null;
}

export interface FanOutSource<M extends FanOutMember> {
  /** Members in id order after `afterId`, at most `limit`. */
  page(afterId: string | undefined, limit: number): Promise<M[]>;
  /** Enqueues one member's follow-up inside `tx`, due at `runAt`; returns 1 when the job is new. */
  enqueue(tx: Store, member: M, now: number, runAt: number): Promise<number>;
  /** Log fields naming the source (workspace, ticket), never customer text. */
  describe: Record<string, string | number>;
}

/** Enqueues the resolution's follow-ups in batches, one transaction each; returns how many were new. */
export async function runPacedFanOut<M extends FanOutMember>(
  deps: FanOutDeps,
  resolvedAt: number,
  source: FanOutSource<M>,
): Promise<{ enqueued: number; linked: number }> {
  const spacingMs = 1_000 / deps.pacing.perSecond;
  const start = deps.clock.now();
  let afterId: string | undefined;
  let index = 0;
  let enqueued = 0;
  for (;;) {
    const page = await source.page(afterId, deps.pacing.batch);
    if (page.length === 0) break;
    const first = index;
    enqueued += await deps.store.transaction(async (tx) => {
      let created = 0;
      for (const [offset, member] of page.entries()) {
        if (member.followedUpFor === resolvedAt) continue;
        created += await source.enqueue(tx, member, start, start + Math.floor((first + offset) * spacingMs));
      }
      return created;
    });
    index += page.length;
    afterId = page.at(-1)!.id;
    deps.pokeOutbox();
  }
  deps.logger.info({ ...source.describe, linked: index, enqueued }, 'resolved: follow-ups enqueued');
  return { enqueued, linked: index };
}

/** One conversation's follow-up in Intercom: the note, then reopen or unsnooze unless the workspace wants a note only. */
export async function sendResolveFollowUp(
  sync: SyncDeps,
  workspaceId: string,
  target: { conversationId: string; ticketId: string; body: string },
  attempt: Attempt,
): Promise<{ note: unknown; reopened: unknown }> {
  const settings = await sync.settings.get(workspaceId);
  const note = await postConversationNote(sync, workspaceId, { ...target, adminId: null }, attempt);
  const reopened =
    settings.resolveBehaviour === 'note_only'
      ? null
      : await reopenConversation(sync, workspaceId, {
          conversationId: target.conversationId,
          ticketId: target.ticketId,
          mode: settings.resolveBehaviour,
          adminId: null,
        });
  return { note, reopened };
}
