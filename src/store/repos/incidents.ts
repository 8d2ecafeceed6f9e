/**
 * Tracker tickets Handoff knows about (migration 0009): a snapshot per tracker, refreshed from every view of it
 * (the link's answer, a search, a webhook). A snapshot older than the stored one (Intercom's `updated_at`) is
 * ignored, as tickets.ts does, so a late webhook cannot roll the state back. `resolvedAt` is kept from the
 * moment the tracker first reads as resolved until it reopens: it names the resolution the follow-ups are for.
 */
import type { Selectable } from 'kysely';
import type { IncidentsTable } from '../schema';
import type { RepoContext } from './repo-helpers';

export interface IncidentSnapshot {
  trackerId: string;
  ticketNumber: string | null;
  title: string;
  /** submitted | in_progress | waiting_on_customer | resolved. */
  stateCategory: string;
  stateLabel: string | null;
  open: boolean;
  /** Conversations linked to the tracker in Intercom (Handoff's and anyone else's). */
  linkedCount: number;
  /** Intercom's `updated_at`, epoch ms. */
  intercomUpdatedAt: number;
  createdAt: number;
}

export interface Incident extends IncidentSnapshot {
  workspaceId: string;
  /** When it entered resolved (epoch ms), null while it is not resolved. */
  resolvedAt: number | null;
  syncedAt: number;
}

export type IncidentUpsert =
  | { kind: 'stale'; incident: Incident }
  | { kind: 'stored'; incident: Incident; previous: Incident | null; resolvedNow: boolean };

export interface IncidentsRepo {
  get(workspaceId: string, trackerId: string): Promise<Incident | null>;
  /** Stores the snapshot unless an equal or newer one is stored; says whether this one resolved the incident. */
  upsert(workspaceId: string, snapshot: IncidentSnapshot, now: number): Promise<IncidentUpsert>;
  /** Open incidents, most recently created first (at most `limit`). */
  listOpen(workspaceId: string, limit: number): Promise<Incident[]>;
}

export function createIncidentsRepo({ db }: RepoContext): IncidentsRepo {
  const get = async (workspaceId: string, trackerId: string) => {
    const row = await db
      .selectFrom('incidents')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('tracker_id', '=', trackerId)
      .executeTakeFirst();
    return row ? toIncident(row) : null;
  };
  return {
    get,
    async upsert(workspaceId, snapshot, now) {
      const previous = await get(workspaceId, snapshot.trackerId);
      if (previous && previous.intercomUpdatedAt > snapshot.intercomUpdatedAt) return { kind: 'stale', incident: previous };
      const resolved = snapshot.stateCategory === 'resolved';
      const resolvedNow = resolved && previous?.resolvedAt == null;
      const resolvedAt = resolved ? (previous?.resolvedAt ?? snapshot.intercomUpdatedAt) : null;
      const values = {
        ticket_number: snapshot.ticketNumber,
        title: snapshot.title,
        state_category: snapshot.stateCategory,
        state_label: snapshot.stateLabel,
        open: snapshot.open ? 1 : 0,
        linked_count: snapshot.linkedCount,
        resolved_at: resolvedAt,
        intercom_updated_at: snapshot.intercomUpdatedAt,
        synced_at: now,
      };
      await db
        .insertInto('incidents')
        .values({ workspace_id: workspaceId, tracker_id: snapshot.trackerId, created_at: snapshot.createdAt, ...values })
        .onConflict((oc) => oc.columns(['workspace_id', 'tracker_id']).doUpdateSet(values))
        .execute();
      const incident = { ...snapshot, workspaceId, resolvedAt, syncedAt: now };
      return { kind: 'stored', incident, previous, resolvedNow };
    },
    async listOpen(workspaceId, limit) {
      const rows = await db
        .selectFrom('incidents')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('open', '=', 1)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toIncident);
    },
  };
}

function toIncident(row: Selectable<IncidentsTable>): Incident {
  return {
    workspaceId: row.workspace_id,
    trackerId: row.tracker_id,
    ticketNumber: row.ticket_number,
    title: row.title,
    stateCategory: row.state_category,
    stateLabel: row.state_label,
    open: row.open === 1,
    linkedCount: Number(row.linked_count),
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
    intercomUpdatedAt: Number(row.intercom_updated_at),
    createdAt: Number(row.created_at),
    syncedAt: Number(row.synced_at),
  };
}
