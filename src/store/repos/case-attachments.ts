/**
 * Shared cases (migration 0012): conversations attached to a back-office ticket another conversation opened.
 * An attachment stands (`active` 1) from the teammate's submit until someone detaches it; the row stays after a
 * detach as the record of who undid it and when. One standing attachment per conversation and ticket, whoever races
 * for it (the unique index); one row per request key, so a replayed submit finds its first row.
 */
import { type Selectable, sql } from 'kysely';
import type { CaseAttachmentsTable } from '../schema';
import { newId, type RepoContext } from './repo-helpers';
import { type TicketLink, toTicket } from './tickets';

export interface CaseAttachment {
  workspaceId: string;
  id: string;
  ticketId: string;
  conversationId: string;
  /** False once detached. */
  attached: boolean;
  adminId: string;
  /** The teammate's optional note for the ticket, as typed (escaped where it is sent). */
  note: string | null;
  followedUpFor: number | null;
  createdAt: number;
  detachedAt: number | null;
  detachedBy: string | null;
}

export interface AttachRequest {
  requestKey: string;
  ticketId: string;
  conversationId: string;
  adminId: string;
  note: string | null;
  now: number;
}

export type AttachReservation =
  | { kind: 'new'; attachment: CaseAttachment }
  | { kind: 'duplicate'; attachment: CaseAttachment }
  | { kind: 'already_attached'; attachment: CaseAttachment };

/** Which attachment a write is about: the ticket and conversation name what the sidebar must render afresh. */
export interface AttachmentRef {
  id: string;
  ticketId: string;
  conversationId: string;
}

export interface CaseAttachmentsRepo {
  reserve(workspaceId: string, request: AttachRequest): Promise<AttachReservation>;
  get(workspaceId: string, id: string): Promise<CaseAttachment | null>;
  detach(workspaceId: string, ref: AttachmentRef, by: string, now: number): Promise<CaseAttachment | null>;
  /** Standing attachments of a ticket in id order, after `afterId` (keyset paging for the resolve fan-out). */
  listAttached(workspaceId: string, ticketId: string, options: { afterId?: string; limit: number }): Promise<CaseAttachment[]>;
  countAttached(workspaceId: string, ticketId: string): Promise<number>;
  markFollowedUp(workspaceId: string, ref: AttachmentRef, resolvedAt: number): Promise<void>;
  /**
   * Open tickets linked through Handoff a conversation could be attached to, newest first, at most `limit`: by
   * number, or with every word in the title (case-insensitive). Bounded by the open-tickets index and the limit.
   */
  listCandidates(workspaceId: string, filter: CandidateFilter, limit: number): Promise<TicketLink[]>;
  /**
   * The ticket's snapshot, its row locked until the caller's transaction ends (PostgreSQL; SQLite has one writer):
   * an attachment and the ticket's resolution then happen one after the other, so the resolution's fan-out sees
   * every attachment made before it and an attachment made after it sees the ticket resolved.
   */
  getTicketForUpdate(workspaceId: string, ticketId: string): Promise<TicketLink | null>;
}

export type CandidateFilter = { kind: 'recent' } | { kind: 'number'; number: string } | { kind: 'words'; words: readonly string[] };

/** A LIKE pattern matching `word` anywhere, its own wildcards taken literally (escape character `\`). */
function containing(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createCaseAttachmentsRepo({ db, dialect }: RepoContext): CaseAttachmentsRepo {
  const find = async (workspaceId: string, column: 'id' | 'request_key', value: string) => {
    const row = await db
      .selectFrom('case_attachments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where(column, '=', value)
      .executeTakeFirst();
    return row ? toAttachment(row) : null;
  };
  const standingOf = (workspaceId: string, ticketId: string) =>
    db.selectFrom('case_attachments').where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).where('active', '=', 1);

  return {
    async reserve(workspaceId, request) {
      const earlier = await find(workspaceId, 'request_key', request.requestKey);
      if (earlier) return { kind: 'duplicate', attachment: earlier };
      const inserted = await db
        .insertInto('case_attachments')
        .values({
          workspace_id: workspaceId,
          id: newId(),
          request_key: request.requestKey,
          ticket_id: request.ticketId,
          conversation_id: request.conversationId,
          active: 1,
          admin_id: request.adminId,
          note: request.note,
          followed_up_for: null,
          created_at: request.now,
          detached_at: null,
          detached_by: null,
        })
        // DO NOTHING rather than catching the violation: on PostgreSQL an error would abort the caller's transaction.
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { kind: 'new', attachment: toAttachment(inserted) };
      const raced = await find(workspaceId, 'request_key', request.requestKey);
      if (raced) return { kind: 'duplicate', attachment: raced };
      const standing = await standingOf(workspaceId, request.ticketId)
        .selectAll()
        .where('conversation_id', '=', request.conversationId)
        .executeTakeFirst();
      if (!standing) throw new Error('Case attachment was neither inserted nor found');
      return { kind: 'already_attached', attachment: toAttachment(standing) };
    },
    get: (workspaceId, id) => find(workspaceId, 'id', id),
    async detach(workspaceId, ref, by, now) {
      await db
        .updateTable('case_attachments')
        .set({ active: null, detached_at: now, detached_by: by })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', ref.id)
        .where('active', '=', 1)
        .execute();
      return find(workspaceId, 'id', ref.id);
    },
    async listAttached(workspaceId, ticketId, options) {
      const rows = await standingOf(workspaceId, ticketId)
        .selectAll()
        .$if(options.afterId !== undefined, (qb) => qb.where('id', '>', options.afterId as string))
        .orderBy('id')
        .limit(options.limit)
        .execute();
      return rows.map(toAttachment);
    },
    async countAttached(workspaceId, ticketId) {
      const row = await standingOf(workspaceId, ticketId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markFollowedUp(workspaceId, ref, resolvedAt) {
      await db
        .updateTable('case_attachments')
        .set({ followed_up_for: resolvedAt })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', ref.id)
        .execute();
    },
    async getTicketForUpdate(workspaceId, ticketId) {
      const row = await db
        .selectFrom('ticket_links')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('ticket_id', '=', ticketId)
        .$if(dialect === 'postgres', (qb) => qb.forUpdate())
        .executeTakeFirst();
      return row ? toTicket(row) : null;
    },
    async listCandidates(workspaceId, filter, limit) {
      const rows = await db
        .selectFrom('ticket_links')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('is_open', '=', 1)
        .$if(filter.kind === 'number', (qb) => qb.where('ticket_number', '=', (filter as { number: string }).number))
        .$if(filter.kind === 'words', (qb) =>
          qb.where((eb) =>
            eb.and(
              (filter as { words: readonly string[] }).words.map(
                (word) => sql<boolean>`lower(title) like ${containing(word.toLowerCase())} escape '\\'`,
              ),
            ),
          ),
        )
        .orderBy('created_at', 'desc')
        .orderBy('ticket_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toTicket);
    },
  };
}

function toAttachment(row: Selectable<CaseAttachmentsTable>): CaseAttachment {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    ticketId: row.ticket_id,
    conversationId: row.conversation_id,
    attached: row.active === 1,
    adminId: row.admin_id,
    note: row.note,
    followedUpFor: row.followed_up_for === null ? null : Number(row.followed_up_for),
    createdAt: Number(row.created_at),
    detachedAt: row.detached_at === null ? null : Number(row.detached_at),
    detachedBy: row.detached_by,
  };
}
