/**
 * The write side of a ticket's report figures (src/domain/reports/ticket-figures.ts): worked out from the ticket's
 * stored clocks and state events and stored in the caller's transaction, so they commit with the change that moved
 * them. Called from the clock save (src/services/sla/clock-record.ts) and from the state-event record
 * (./state-events.ts); the report service uses `figuresFromStore` for rows missing or measured under other hours.
 */
import { TIERS, type Tier } from '../../domain/model';
import type { StateEvent } from '../../domain/reports/facts';
import { storeFigures } from '../../domain/reports/figures-codec';
import { calendarKey, type TicketFigures, ticketFigures } from '../../domain/reports/ticket-figures';
import type { SlaPolicy } from '../../domain/settings';
import { type ClockState, clockStateSchema } from '../../domain/sla';
import type { ReportClockRow, ReportFiguresWrite, ReportStateEventRow, Store } from '../../store';

function clockOf(raw: unknown): ClockState | null {
  if (raw === null) return null;
  const parsed = clockStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The tier the clock's target came from (src/services/sla/clock-record.ts stores it beside the state). */
function tierOf(...raws: unknown[]): Tier | null {
  for (const raw of raws) {
    const tier = (raw as { basis?: { tier?: unknown } } | null)?.basis?.tier;
    if (typeof tier === 'string' && (TIERS as readonly string[]).includes(tier)) return tier as Tier;
  }
  return null;
}

/**
 * Figures of each ticket from its stored clocks and events (rows of other tickets are ignored). A clock the SLA
 * module cannot read feeds no figure, as a report would never guess one.
 */
export function figuresFromRows(
  ticketIds: readonly string[],
  clocks: readonly ReportClockRow[],
  events: readonly ReportStateEventRow[],
  policy: SlaPolicy,
): WorkedFigures[] {
  const byTicket = new Map<string, { response: unknown; resolution: unknown; events: StateEvent[] }>(
    ticketIds.map((id) => [id, { response: null, resolution: null, events: [] }]),
  );
  for (const c of clocks) {
    const entry = byTicket.get(c.ticketId);
    if (entry && (c.kind === 'response' || c.kind === 'resolution')) entry[c.kind] = c.state;
  }
  for (const e of events) byTicket.get(e.ticketId)?.events.push({ kind: e.kind, at: e.at });
  return [...byTicket].map(([ticketId, raw]) => {
    const clocksOf = { response: clockOf(raw.response), resolution: clockOf(raw.resolution), tier: tierOf(raw.response, raw.resolution) };
    return { ticketId, figures: ticketFigures(clocksOf, raw.events, policy) };
  });
}

export interface WorkedFigures {
  ticketId: string;
  figures: TicketFigures;
}

/** The rows that store worked-out figures, named by the business hours they were measured with. */
export function figuresWrites(worked: readonly WorkedFigures[], policy: SlaPolicy): ReportFiguresWrite[] {
  const calendar = calendarKey(policy.businessHours);
  return worked.map((w) => ({ ticketId: w.ticketId, calendar, figures: storeFigures(w.figures) }));
}

/** Works the tickets' figures out from what the store holds now. */
export async function figuresFromStore(
  store: Store,
  workspaceId: string,
  ticketIds: readonly string[],
  policy: SlaPolicy,
): Promise<WorkedFigures[]> {
  if (ticketIds.length === 0) return [];
  const clocks = await store.reports.ticketClocks(workspaceId, ticketIds);
  const events = await store.reports.stateEvents(workspaceId, ticketIds);
  return figuresFromRows(ticketIds, clocks, events, policy);
}

/**
 * Stores the ticket's figures again from its clocks and events, inside the caller's transaction; in a store that
 * defers them (`deferFigures`), once for the batch when it flushes.
 */
export async function refreshTicketFigures(
  tx: Store,
  workspaceId: string,
  ticketId: string,
  policy: SlaPolicy,
  now: number,
): Promise<void> {
  const later = deferred.get(tx);
  if (later) {
    const entry = later.get(workspaceId) ?? { policy, now, ticketIds: new Set<string>() };
    later.set(workspaceId, { policy, now, ticketIds: entry.ticketIds.add(ticketId) });
    return;
  }
  const worked = await figuresFromStore(tx, workspaceId, [ticketId], policy);
  await tx.reports.saveFigures(workspaceId, figuresWrites(worked, policy), now, 'replace');
}

/**
 * Figures worked out once per ticket for a batch of writes instead of after each write that moves them: a webhook
 * commit group (services/sync/group-store.ts) may move one ticket's clocks and state several times, and many
 * tickets, and each refresh reads a ticket's clocks and events and writes its row. Figures are a function of what
 * is stored when they are worked out (stored with 'replace'), so working them out after the batch's last write and
 * before its commit stores the same rows, for all its tickets in three statements per workspace.
 */
const deferred = new WeakMap<Store, Map<string, { policy: SlaPolicy; now: number; ticketIds: Set<string> }>>();

/** From now on `refreshTicketFigures(store, …)` only notes the ticket; `flushDeferredFigures(store)` stores them. */
export function deferFigures(store: Store): void {
  deferred.set(store, new Map());
}

/** Stores the figures of every ticket noted since `deferFigures` (or the last flush), in the store's transaction. */
export async function flushDeferredFigures(store: Store): Promise<void> {
  const pending = deferred.get(store);
  if (!pending || pending.size === 0) return;
  deferred.set(store, new Map());
  for (const [workspaceId, { policy, now, ticketIds }] of [...pending].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const worked = await figuresFromStore(store, workspaceId, [...ticketIds].sort(), policy);
    await store.reports.saveFigures(workspaceId, figuresWrites(worked, policy), now, 'replace');
  }
}
