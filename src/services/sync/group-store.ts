/**
 * The store a webhook commit group's notifications are applied through: the transaction's own store, except for
 * reads every notification of the group would otherwise repeat, each made once for the group.
 *
 * - The SLA clocks of the group's tickets are read (and on PostgreSQL locked, as `getForUpdate` would lock each)
 *   in one statement before the first notification is applied; each clock written in the group replaces what was
 *   read, so a later notification of the same ticket sees it as it would have read it back. Any other clock write
 *   (none is made while applying a ticket view) forgets what was read.
 * - The group's tickets are read (and on PostgreSQL locked, in id order per workspace, workspaces in order, so two
 *   groups never wait on each other in a circle) in one statement per workspace; a notification's `getForUpdate`
 *   of one of them is answered from that read, and each snapshot the group writes (or finds newer, `upsert`)
 *   replaces it, so a later notification of the same ticket compares with what it would have read back.
 * - The workspace's settings revision (the SLA code asks on every event, src/services/sla/policy-cache.ts) is read
 *   once per workspace: the group applies as one step, under the settings in force when it began.
 *
 * - The tickets' report figures are worked out once per ticket, after the group's last row
 *   (services/reports/ticket-figures.ts, `flushDeferredFigures`, which the caller runs before it commits).
 *
 * Everything else, writes included, goes straight to the transaction, so the change feed hears of every write.
 */
import type { ClockKind } from '../../domain/model';
import type { SlaClock, Store, TicketLink } from '../../store';
import { deferFigures } from '../reports/ticket-figures';

export interface GroupTicket {
  workspaceId: string;
  ticketId: string;
}

const ticketKey = (workspaceId: string, ticketId: string) => `${workspaceId}\u0000${ticketId}`;
const clockKey = (workspaceId: string, ticketId: string, kind: ClockKind) => `${workspaceId}\u0000${ticketId}\u0000${kind}`;

/** Reads the group's tickets and clocks (one statement each per workspace, workspaces in order); the group's store. */
export async function groupStore(tx: Store, tickets: readonly GroupTicket[]): Promise<Store> {
  const byWorkspace = new Map<string, string[]>();
  for (const { workspaceId, ticketId } of tickets) {
    const ids = byWorkspace.get(workspaceId) ?? [];
    ids.push(ticketId);
    byWorkspace.set(workspaceId, ids);
  }
  /** Read tickets by key: null when read and not linked; keys not here were not read. */
  const links = new Map<string, TicketLink | null>();
  for (const workspaceId of [...byWorkspace.keys()].sort()) {
    const ids = byWorkspace.get(workspaceId)!;
    for (const ticketId of ids) links.set(ticketKey(workspaceId, ticketId), null);
    for (const link of await tx.tickets.getManyForUpdate(workspaceId, ids)) links.set(ticketKey(workspaceId, link.ticketId), link);
  }
  /** Read clocks by key; a ticket read whose kind is missing has no such clock (null), other keys were not read. */
  let clocks = new Map<string, SlaClock | null>();
  const read = new Set<string>();
  for (const workspaceId of [...byWorkspace.keys()].sort()) {
    for (const clock of await tx.clocks.getManyForUpdate(workspaceId, byWorkspace.get(workspaceId)!))
      clocks.set(clockKey(workspaceId, clock.ticketId, clock.kind), clock);
    for (const ticketId of byWorkspace.get(workspaceId)!) read.add(`${workspaceId}\u0000${ticketId}`);
  }
  const forget = () => {
    clocks = new Map();
    read.clear();
  };
  const revisions = new Map<string, Promise<string>>();

  const group: Store = {
    ...tx,
    tickets: {
      ...tx.tickets,
      async getForUpdate(workspaceId, ticketId) {
        const key = ticketKey(workspaceId, ticketId);
        return links.has(key) ? links.get(key)! : tx.tickets.getForUpdate(workspaceId, ticketId);
      },
      async upsert(workspaceId, snapshot, now) {
        const result = await tx.tickets.upsert(workspaceId, snapshot, now);
        links.set(ticketKey(workspaceId, result.ticket.ticketId), result.ticket);
        return result;
      },
      async markSynced(workspaceId, ticketId, at) {
        links.delete(ticketKey(workspaceId, ticketId));
        return tx.tickets.markSynced(workspaceId, ticketId, at);
      },
    },
    clocks: {
      ...tx.clocks,
      async getForUpdate(workspaceId, ticketId, kind) {
        const key = clockKey(workspaceId, ticketId, kind);
        if (clocks.has(key)) return clocks.get(key)!;
        if (read.has(`${workspaceId}\u0000${ticketId}`)) return null;
        return tx.clocks.getForUpdate(workspaceId, ticketId, kind);
      },
      async upsert(workspaceId, clock, now) {
        const saved = await tx.clocks.upsert(workspaceId, clock, now);
        clocks.set(clockKey(workspaceId, saved.ticketId, saved.kind), saved);
        return saved;
      },
      async rearm(rows, now) {
        forget();
        return tx.clocks.rearm(rows, now);
      },
      async rearmRunning(workspaceId, at) {
        forget();
        return tx.clocks.rearmRunning(workspaceId, at);
      },
      async lockDue(now, limit, instanceId) {
        forget();
        return tx.clocks.lockDue(now, limit, instanceId);
      },
    },
    settings: {
      ...tx.settings,
      revision(workspaceId) {
        let revision = revisions.get(workspaceId);
        if (!revision) {
          revision = tx.settings.revision(workspaceId);
          revisions.set(workspaceId, revision);
        }
        return revision;
      },
      async save(workspaceId, change) {
        revisions.delete(workspaceId);
        return tx.settings.save(workspaceId, change);
      },
    },
    // Already in the group's transaction: a nested one joins it, through this store.
    transaction: (fn) => fn(group),
  };
  // Report figures once per ticket for the group; the caller flushes them before it commits.
  deferFigures(group);
  return group;
}
