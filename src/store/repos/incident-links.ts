/**
 * Conversations linked to incidents (migration 0009). A link is reserved before Intercom is asked (`linking`),
 * becomes `linked` once Intercom has it, and `unlinking` → `unlinked` when a teammate undoes it; `failed` when
 * Intercom refused. The row stays after an unlink: who undid it and when is the record.
 * One standing link per conversation: the unique index over (workspace, conversation, active) refuses a second,
 * whoever races for it; one row per request key, so a replayed submit finds its first row.
 */
import type { Selectable } from 'kysely';
import type { IncidentLinksTable } from '../schema';
import { capError, narrow, newId, type RepoContext } from './repo-helpers';

export const INCIDENT_LINK_STATUSES = ['linking', 'linked', 'unlinking', 'unlinked', 'failed'] as const;
export type IncidentLinkStatus = (typeof INCIDENT_LINK_STATUSES)[number];
const STANDING: readonly IncidentLinkStatus[] = ['linking', 'linked', 'unlinking'];

export interface IncidentLink {
  workspaceId: string;
  id: string;
  trackerId: string;
  conversationId: string;
  status: IncidentLinkStatus;
  adminId: string | null;
  /** The teammate's optional note for the tracker, as typed (escaped where it is sent). */
  note: string | null;
  lastError: string | null;
  followedUpFor: number | null;
  createdAt: number;
  updatedAt: number;
  unlinkedAt: number | null;
  unlinkedBy: string | null;
}

/** What a follow-up's progress write names: the link, and the conversation and incident it joins. */
export type FollowedUpLink = Pick<IncidentLink, 'id' | 'trackerId' | 'conversationId'>;

export interface LinkRequest {
  requestKey: string;
  trackerId: string;
  conversationId: string;
  adminId: string;
  note: string | null;
  now: number;
}

export type LinkReservation =
  | { kind: 'new'; link: IncidentLink }
  | { kind: 'duplicate'; link: IncidentLink }
  | { kind: 'already_linked'; link: IncidentLink };

export interface IncidentLinksRepo {
  reserve(workspaceId: string, request: LinkRequest): Promise<LinkReservation>;
  get(workspaceId: string, id: string): Promise<IncidentLink | null>;
  /** The conversation's standing link (linking, linked or unlinking), if any. */
  getStanding(workspaceId: string, conversationId: string): Promise<IncidentLink | null>;
  /** Moves a link on; `failed` and `unlinked` free the conversation for another link. */
  setStatus(
    workspaceId: string,
    id: string,
    change: { status: IncidentLinkStatus; lastError?: string | null; by?: string | null },
    now: number,
  ): Promise<IncidentLink | null>;
  /** A started incident's tracker, once Intercom created it (linked at creation): the link stands. */
  attachTracker(workspaceId: string, id: string, trackerId: string, now: number): Promise<IncidentLink | null>;
  /** Linked conversations of a tracker in id order, after `afterId` (keyset paging for the fan-out). */
  listLinked(workspaceId: string, trackerId: string, options: { afterId?: string; limit: number }): Promise<IncidentLink[]>;
  countLinked(workspaceId: string, trackerId: string): Promise<number>;
  /** The standing, linked links of these conversations (at most 500 ids are looked at). */
  listLinkedFor(workspaceId: string, conversationIds: readonly string[]): Promise<IncidentLink[]>;
  /** How many linked conversations got the follow-up of this resolution. */
  countFollowedUp(workspaceId: string, trackerId: string, resolvedAt: number): Promise<number>;
  /**
   * Takes the link, not only its id: the change feed is told which conversation and incident the progress belongs
   * to, so a fan-out's ten writes a second leave every other conversation's reused sidebar alone.
   */
  markFollowedUp(workspaceId: string, link: FollowedUpLink, resolvedAt: number): Promise<void>;
}

export function createIncidentLinksRepo({ db }: RepoContext): IncidentLinksRepo {
  const find = async (workspaceId: string, column: 'id' | 'request_key', value: string) => {
    const row = await db
      .selectFrom('incident_links')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where(column, '=', value)
      .executeTakeFirst();
    return row ? toLink(row) : null;
  };
  const getStanding = async (workspaceId: string, conversationId: string) => {
    const row = await db
      .selectFrom('incident_links')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('conversation_id', '=', conversationId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return row ? toLink(row) : null;
  };
  const linkedOf = (workspaceId: string, trackerId: string) =>
    db
      .selectFrom('incident_links')
      .where('workspace_id', '=', workspaceId)
      .where('tracker_id', '=', trackerId)
      .where('active', '=', 1)
      .where('status', '=', 'linked');

  return {
    async reserve(workspaceId, request) {
      const earlier = await find(workspaceId, 'request_key', request.requestKey);
      if (earlier) return { kind: 'duplicate', link: earlier };
      const inserted = await db
        .insertInto('incident_links')
        .values({
          workspace_id: workspaceId,
          id: newId(),
          request_key: request.requestKey,
          tracker_id: request.trackerId,
          conversation_id: request.conversationId,
          status: 'linking',
          active: 1,
          admin_id: request.adminId,
          note: request.note,
          last_error: null,
          followed_up_for: null,
          created_at: request.now,
          updated_at: request.now,
          unlinked_at: null,
          unlinked_by: null,
        })
        // DO NOTHING rather than catching the violation: on PostgreSQL an error would abort the caller's transaction.
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { kind: 'new', link: toLink(inserted) };
      const raced = await find(workspaceId, 'request_key', request.requestKey);
      if (raced) return { kind: 'duplicate', link: raced };
      const standing = await getStanding(workspaceId, request.conversationId);
      if (!standing) throw new Error('Incident link was neither inserted nor found');
      return { kind: 'already_linked', link: standing };
    },
    get: (workspaceId, id) => find(workspaceId, 'id', id),
    getStanding,
    async setStatus(workspaceId, id, change, now) {
      const standing = STANDING.includes(change.status);
      const undone = change.status === 'unlinked';
      await db
        .updateTable('incident_links')
        .set({
          status: change.status,
          active: standing ? 1 : null,
          updated_at: now,
          ...(change.lastError === undefined ? {} : { last_error: change.lastError === null ? null : capError(change.lastError) }),
          ...(undone ? { unlinked_at: now } : {}),
          ...(change.by === undefined ? {} : { unlinked_by: change.by }),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      return find(workspaceId, 'id', id);
    },
    async attachTracker(workspaceId, id, trackerId, now) {
      await db
        .updateTable('incident_links')
        .set({ tracker_id: trackerId, status: 'linked', active: 1, updated_at: now, last_error: null })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      return find(workspaceId, 'id', id);
    },
    async listLinked(workspaceId, trackerId, options) {
      const rows = await linkedOf(workspaceId, trackerId)
        .selectAll()
        .$if(options.afterId !== undefined, (qb) => qb.where('id', '>', options.afterId as string))
        .orderBy('id')
        .limit(options.limit)
        .execute();
      return rows.map(toLink);
    },
    async countLinked(workspaceId, trackerId) {
      const row = await linkedOf(workspaceId, trackerId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async listLinkedFor(workspaceId, conversationIds) {
      if (conversationIds.length === 0) return [];
      const rows = await db
        .selectFrom('incident_links')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', 'in', conversationIds.slice(0, 500))
        .where('active', '=', 1)
        .where('status', '=', 'linked')
        .execute();
      return rows.map(toLink);
    },
    async countFollowedUp(workspaceId, trackerId, resolvedAt) {
      const row = await linkedOf(workspaceId, trackerId)
        .where('followed_up_for', '=', resolvedAt)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markFollowedUp(workspaceId, { id }, resolvedAt) {
      await db
        .updateTable('incident_links')
        .set({ followed_up_for: resolvedAt })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}

function toLink(row: Selectable<IncidentLinksTable>): IncidentLink {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    trackerId: row.tracker_id,
    conversationId: row.conversation_id,
    status: narrow(INCIDENT_LINK_STATUSES, row.status, 'incident_links.status'),
    adminId: row.admin_id,
    note: row.note,
    lastError: row.last_error,
    followedUpFor: row.followed_up_for === null ? null : Number(row.followed_up_for),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    unlinkedAt: row.unlinked_at === null ? null : Number(row.unlinked_at),
    unlinkedBy: row.unlinked_by,
  };
}
