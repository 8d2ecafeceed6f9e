/**
 * The store a webhook commit group's notifications are applied through: the transaction's own store, except for
 * reads every notification of the group would otherwise repeat, each made once for the group, and the writes each
 * notification would otherwise send on its own, held and sent for the whole group in one statement per table.
 *
 * - The group's tickets are read (and on PostgreSQL locked, in id order per workspace, workspaces in order, so two
 *   groups never wait on each other in a circle) in one statement per workspace; a notification's `getForUpdate`
 *   of one of them is answered from that read.
 * - The SLA clocks of the group's tickets are read (and on PostgreSQL locked, as `getForUpdate` would lock each)
 *   in one statement; a ticket read whose clock of a kind is missing has none.
 * - Their ladder firings and customer case states are read in one statement each, the first time one is asked for.
 * - The workspace's settings revision (the SLA code asks on every event, src/services/sla/policy-cache.ts) is read
 *   once per workspace: the group applies as one step, under the settings in force when it began.
 * - Writes of those rows (snapshots, clocks, case states) are held (group-writes.ts): each answers as the store
 *   would, since the group holds the rows it compares with, and a later notification of the same ticket sees it.
 *   They reach the store in one statement per table (`flushGroupWrites`, before the caller commits), and before
 *   any other statement of the transaction, so nothing it runs can read around them. A write the store then does
 *   not apply as foretold throws: the transaction rolls back and the processor applies the rows one at a time.
 * - The tickets' report figures are worked out once per ticket, after the group's last row
 *   (services/reports/ticket-figures.ts, `flushDeferredFigures`, which the caller runs before it commits).
 *
 * Other writes go straight to the transaction, so the change feed hears of every write.
 */
import type { ClockKind } from '../../domain/model';
import type { CaseState, LadderFiring, SlaClock, Store, TicketLink } from '../../store';
import { deferFigures } from '../reports/ticket-figures';
import { createGroupWrites, flushingFirst, type GroupWrites } from './group-writes';
import { upsertedTicket, keepsState } from '../../store';

export interface GroupTicket {
  workspaceId: string;
  ticketId: string;
}

const ticketKey = (workspaceId: string, ticketId: string) => `${workspaceId}\u0000${ticketId}`;
const clockKey = (workspaceId: string, ticketId: string, kind: ClockKind) => `${workspaceId}\u0000${ticketId}\u0000${kind}`;

/** Held writes per group store, for `flushGroupWrites`. */
const held = new WeakMap<Store, GroupWrites>();

/** Sends the group's held writes to its transaction; the caller runs it before it commits. */
export async function flushGroupWrites(group: Store): Promise<void> {
  await held.get(group)?.flush();
}

/** Reads the group's tickets and clocks (one statement each per workspace, workspaces in order); the group's store. */
export async function groupStore(tx: Store, tickets: readonly GroupTicket[]): Promise<Store> {
  const byWorkspace = new Map<string, string[]>();
  for (const { workspaceId, ticketId } of tickets) {
    const ids = byWorkspace.get(workspaceId) ?? [];
    ids.push(ticketId);
    byWorkspace.set(workspaceId, ids);
  }
  const workspaces = [...byWorkspace.keys()].sort();
  const inGroup = new Set(tickets.map((t) => ticketKey(t.workspaceId, t.ticketId)));
  /** Read tickets by key: null when read and not linked; keys not here were not read. */
  const links = new Map<string, TicketLink | null>();
  for (const workspaceId of workspaces) {
    const ids = byWorkspace.get(workspaceId)!;
    for (const ticketId of ids) links.set(ticketKey(workspaceId, ticketId), null);
    for (const link of await tx.tickets.getManyForUpdate(workspaceId, ids)) links.set(ticketKey(workspaceId, link.ticketId), link);
  }
  /** Read clocks by key; a ticket read whose kind is missing has no such clock (null), other keys were not read. */
  let clocks = new Map<string, SlaClock | null>();
  const read = new Set<string>();
  for (const workspaceId of workspaces) {
    for (const clock of await tx.clocks.getManyForUpdate(workspaceId, byWorkspace.get(workspaceId)!))
      clocks.set(clockKey(workspaceId, clock.ticketId, clock.kind), clock);
    for (const ticketId of byWorkspace.get(workspaceId)!) read.add(ticketKey(workspaceId, ticketId));
  }
  const forget = () => {
    clocks = new Map();
    read.clear();
  };
  /** The group's tickets' firings and case states by ticket key, read on first use (null: not read yet). */
  let firings: Map<string, LadderFiring[]> | null = null;
  let states: Map<string, CaseState> | null = null;
  async function readFirings(): Promise<Map<string, LadderFiring[]>> {
    const found = new Map<string, LadderFiring[]>();
    for (const workspaceId of workspaces)
      for (const firing of await tx.ladder.listByTickets(workspaceId, byWorkspace.get(workspaceId)!)) {
        const key = ticketKey(workspaceId, firing.ticketId);
        found.set(key, [...(found.get(key) ?? []), firing]);
      }
    return found;
  }
  async function readStates(): Promise<Map<string, CaseState>> {
    const found = new Map<string, CaseState>();
    // Not locked: every write of a case state is made under its ticket's lock (apply-ticket.ts), which the group holds.
    for (const workspaceId of workspaces)
      for (const state of await tx.customerSide.getStates(workspaceId, byWorkspace.get(workspaceId)!))
        found.set(ticketKey(workspaceId, state.ticketId), state);
    return found;
  }
  const writes = createGroupWrites(tx, {
    // What was sent is what the group's reads now hold: keep them for the rest of the group.
    sentStates: (workspaceId, sent) => {
      for (const state of sent) states?.set(ticketKey(workspaceId, state.ticketId), state);
    },
  });
  const direct = flushingFirst(tx, writes.flush);
  const revisions = new Map<string, Promise<string>>();

  const group: Store = {
    ...direct,
    tickets: {
      ...direct.tickets,
      async getForUpdate(workspaceId, ticketId) {
        const key = ticketKey(workspaceId, ticketId);
        return links.has(key) ? links.get(key)! : direct.tickets.getForUpdate(workspaceId, ticketId);
      },
      async upsert(workspaceId, snapshot, now) {
        const key = ticketKey(workspaceId, snapshot.ticketId);
        const stored = links.get(key);
        if (!stored) {
          // Not read, or not linked: the store decides.
          const result = await direct.tickets.upsert(workspaceId, snapshot, now);
          links.set(key, result.ticket);
          return result;
        }
        const next = upsertedTicket(stored, snapshot, now);
        if (!next) return { applied: false, ticket: stored };
        links.set(key, next);
        writes.ticket(next);
        return { applied: true, ticket: next };
      },
      async markSynced(workspaceId, ticketId, at) {
        links.delete(ticketKey(workspaceId, ticketId));
        return direct.tickets.markSynced(workspaceId, ticketId, at);
      },
    },
    clocks: {
      ...direct.clocks,
      async getForUpdate(workspaceId, ticketId, kind) {
        const key = clockKey(workspaceId, ticketId, kind);
        if (clocks.has(key)) return clocks.get(key)!;
        if (read.has(ticketKey(workspaceId, ticketId))) return null;
        return direct.clocks.getForUpdate(workspaceId, ticketId, kind);
      },
      async upsert(workspaceId, clock, now) {
        const saved: SlaClock = { ...clock, workspaceId, lockedBy: null, lockedUntil: null, updatedAt: now };
        clocks.set(clockKey(workspaceId, saved.ticketId, saved.kind), saved);
        writes.clock(saved);
        return saved;
      },
      async rearm(rows, now) {
        forget();
        return direct.clocks.rearm(rows, now);
      },
      async rearmRunning(workspaceId, at) {
        forget();
        return direct.clocks.rearmRunning(workspaceId, at);
      },
      async lockDue(now, limit, instanceId) {
        forget();
        return direct.clocks.lockDue(now, limit, instanceId);
      },
    },
    ladder: {
      ...direct.ladder,
      async listByTicket(workspaceId, ticketId) {
        const key = ticketKey(workspaceId, ticketId);
        if (!inGroup.has(key)) return direct.ladder.listByTicket(workspaceId, ticketId);
        firings ??= await readFirings();
        return firings.get(key) ?? [];
      },
      async recordFiring(workspaceId, firing) {
        firings = null;
        return direct.ladder.recordFiring(workspaceId, firing);
      },
      async recordFirings(rows) {
        firings = null;
        return direct.ladder.recordFirings(rows);
      },
    },
    customerSide: {
      ...direct.customerSide,
      async recordState(workspaceId, state) {
        const key = ticketKey(workspaceId, state.ticketId);
        if (!inGroup.has(key)) return direct.customerSide.recordState(workspaceId, state);
        states ??= await readStates();
        if (!keepsState(writes.heldState(workspaceId, state.ticketId) ?? states.get(key) ?? null, state)) return false;
        writes.state(workspaceId, state);
        return true;
      },
    },
    settings: {
      ...direct.settings,
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
        return direct.settings.save(workspaceId, change);
      },
    },
    // Already in the group's transaction: a nested one joins it, through this store.
    transaction: (fn) => fn(group),
  };
  held.set(group, writes);
  // Report figures once per ticket for the group; the caller flushes them before it commits.
  deferFigures(group);
  return group;
}
