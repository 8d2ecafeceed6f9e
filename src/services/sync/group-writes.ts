/**
 * The writes a webhook commit group holds back (group-store.ts): its tickets' snapshots, SLA clocks and customer
 * case states, the latest of each row only, sent in one statement per table and workspace when flushed. Each row
 * was answered already as the store would answer (the group holds the rows compared with), so a row the store does
 * not then write is a wrong forecast: the flush throws, the transaction rolls back, and the processor applies the
 * group's rows one per transaction, without a group store.
 */
import type { CaseState, SlaClock, Store, TicketLink } from '../../store';

export interface GroupWrites {
  ticket(link: TicketLink): void;
  clock(clock: SlaClock): void;
  state(workspaceId: string, state: CaseState): void;
  /** The case state held for the ticket, if any. */
  heldState(workspaceId: string, ticketId: string): CaseState | undefined;
  /** Sends what is held (rows in key order, so two transactions take their row locks in one order). */
  flush(): Promise<void>;
}

export interface GroupWritesOptions {
  /** Case states just sent: what the store now holds for their tickets. */
  sentStates(workspaceId: string, states: readonly CaseState[]): void;
}

/** A held write the store did not apply as the group foretold. */
export class GroupWriteMismatch extends Error {
  constructor(table: string, expected: number, written: number) {
    super(`webhook group: ${written} of ${expected} ${table} rows written as foretold`);
    this.name = 'GroupWriteMismatch';
  }
}

export function createGroupWrites(tx: Store, options: GroupWritesOptions): GroupWrites {
  const tickets = new Map<string, TicketLink>();
  const clocks = new Map<string, SlaClock>();
  const states = new Map<string, { workspaceId: string; state: CaseState }>();
  const key = (...parts: string[]) => parts.join('\u0000');

  /** The held rows by workspace (workspaces in order, rows in key order), and nothing held any more. */
  function take<T>(held: Map<string, T>, workspaceOf: (row: T) => string): [string, T[]][] {
    const byWorkspace = new Map<string, T[]>();
    for (const k of [...held.keys()].sort()) {
      const row = held.get(k)!;
      const rows = byWorkspace.get(workspaceOf(row)) ?? [];
      rows.push(row);
      byWorkspace.set(workspaceOf(row), rows);
    }
    held.clear();
    return [...byWorkspace].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  return {
    ticket: (link) => void tickets.set(key(link.workspaceId, link.ticketId), link),
    clock: (clock) => void clocks.set(key(clock.workspaceId, clock.ticketId, clock.kind), clock),
    state: (workspaceId, state) => void states.set(key(workspaceId, state.ticketId), { workspaceId, state }),
    heldState: (workspaceId, ticketId) => states.get(key(workspaceId, ticketId))?.state,

    async flush() {
      for (const [workspaceId, links] of take(tickets, (l) => l.workspaceId)) {
        const written = await tx.tickets.upsertMany(workspaceId, links);
        if (written.length !== links.length) throw new GroupWriteMismatch('ticket_links', links.length, written.length);
      }
      for (const [workspaceId, rows] of take(clocks, (c) => c.workspaceId)) await tx.clocks.upsertMany(workspaceId, rows);
      for (const [workspaceId, held] of take(states, (s) => s.workspaceId)) {
        const rows = held.map((h) => h.state);
        const written = await tx.customerSide.recordStates(workspaceId, rows);
        if (written.length !== rows.length) throw new GroupWriteMismatch('customer_case_states', rows.length, written.length);
        options.sentStates(workspaceId, rows);
      }
    },
  };
}

/** Repositories whose tables are none of the held ones, nor read with them: their calls need no flush first. */
const UNRELATED: ReadonlySet<string> = new Set(['outbox', 'webhooks', 'changes']);

/**
 * `tx` with every repository method (but those of `UNRELATED`) sending the held writes first: whatever a
 * notification runs besides the group's own reads and writes sees the store as if nothing had been held.
 */
export function flushingFirst(tx: Store, flush: () => Promise<void>): Store {
  const wrapped: Record<string, unknown> = { ...tx };
  for (const [name, repo] of Object.entries(tx)) {
    if (UNRELATED.has(name) || typeof repo !== 'object' || repo === null) continue;
    const copy: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(repo as Record<string, unknown>)) {
      copy[method] =
        typeof fn === 'function'
          ? async (...args: unknown[]) => {
              await flush();
              return (fn as (...a: unknown[]) => unknown).apply(repo, args);
            }
          : fn;
    }
    wrapped[name] = copy;
  }
  return wrapped as unknown as Store;
}
