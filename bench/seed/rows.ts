/**
 * Deterministic rows for the benchmark store: the same index always gives the
 * same row, so two runs seed identical data. Shapes follow what the app writes
 * (ticket snapshots from escalations and webhooks, clocks from the SLA module),
 * and every running clock carries the `next_fire_at` the scheduler would store.
 */
import { PRIORITIES, type Priority, QUEUE_KEYS, QUEUE_LABELS, type StateCategory, type Tier, TIERS } from '../../src/domain/model';
import { defaultSettings } from '../../src/domain/settings';
import { meterForClock, nextLadderStep, resolveTarget, startClock } from '../../src/domain/sla';
import type { SlaClocksTable, TicketLinksTable } from '../../src/store/schema';

export interface SeedSizes {
  workspaces: number;
  tickets: number;
  /** Running SLA clocks: one resolution clock per open ticket (80 %), plus response clocks of new ones (20 %). */
  clocks: number;
}

const DAY = 86_400_000;
const TITLES = ['Refund for double charge', 'Export to CSV fails', 'SSO login loop', 'Invoice address wrong', 'API returns 502'];
const OWNERS = ['Lee Lead', 'Morgan Manager', 'Ada Ops', null];
// One back-office team per routing queue, named as the demo workspaces name them.
const TEAMS = QUEUE_KEYS.map((queue) => QUEUE_LABELS[queue]);
const policy = defaultSettings('UTC').sla;
const ladder = defaultSettings('UTC').ladder;
const businessMeter = meterForClock(policy, { meterMode: 'business' });

export function workspaceId(index: number): string {
  return `bw${String(index).padStart(6, '0')}`;
}

export function ticketId(index: number): string {
  return String(700_000_000 + index);
}

/** Tickets are seeded in contiguous blocks per workspace (primary-key order), the cheapest way to build the index. */
export function ticketWorkspace(index: number, sizes: SeedSizes): number {
  return Math.min(sizes.workspaces - 1, Math.floor(index / Math.ceil(sizes.tickets / sizes.workspaces)));
}

/** Open tickets are the newest of each block: `clocks × 0.8` of them, spread evenly over the workspaces. */
function openTickets(sizes: SeedSizes): number {
  return Math.min(sizes.tickets, Math.ceil(sizes.clocks * 0.8));
}

function isOpen(index: number, sizes: SeedSizes): boolean {
  const block = Math.ceil(sizes.tickets / sizes.workspaces);
  const perWorkspace = Math.ceil(openTickets(sizes) / sizes.workspaces);
  return block - 1 - (index % block) < perWorkspace;
}

function tierOf(index: number): Tier {
  return TIERS[index % TIERS.length]!;
}

/**
 * An open ticket was created at most 40 % of its shortest (response) target ago, so the first ladder step (75 %)
 * of either clock is still minutes away: a freshly seeded store has nothing due, which the "none due" tick needs.
 */
function openCreatedAt(index: number, priority: Priority, now: number): number {
  const { responseMs } = resolveTarget(policy, priority, tierOf(index));
  return now - Math.floor(((index % 41) / 100) * responseMs);
}

/** `workspaceIds[ticketWorkspace(index)]` owns the ticket (the caller may rename workspaces, see seed-store.ts). */
export function ticketRow(index: number, sizes: SeedSizes, now: number, workspaceIds: readonly string[]): TicketLinksTable {
  const open = isOpen(index, sizes);
  const priority = PRIORITIES[index % PRIORITIES.length]!;
  // A quarter of the open tickets still wait for a first response; everything older is resolved.
  const state: StateCategory = open ? (index % 4 === 0 ? 'submitted' : 'in_progress') : 'resolved';
  const createdAt = open ? openCreatedAt(index, priority, now) : now - 30 * DAY - (index % 700) * DAY;
  // About one conversation in four escalated twice, like the sidebar's two-ticket case.
  const conversation = 900_000_000_000 + Math.floor((index * 4) / 5);
  return {
    workspace_id: workspaceIds[ticketWorkspace(index, sizes)]!,
    ticket_id: ticketId(index),
    ticket_number: String(10_000 + (index % 1_000_000)),
    conversation_id: String(conversation),
    contact_id: `c${index % 50_000}`,
    title: `${TITLES[index % TITLES.length]} (#${index})`,
    ticket_type_id: '42',
    state_category: state,
    state_label: null,
    priority,
    queue: QUEUE_KEYS[index % QUEUE_KEYS.length]!,
    team_id: String(100 + (index % TEAMS.length)),
    admin_assignee_id: index % 3 === 0 ? null : String(500 + (index % 20)),
    owner_name: OWNERS[index % OWNERS.length]!,
    team_name: TEAMS[index % TEAMS.length]!,
    is_open: open ? 1 : 0,
    intercom_updated_at: createdAt + 60_000,
    synced_at: now - (index % 600) * 1000,
    escalation_id: null,
    created_at: createdAt,
  };
}

/** The tickets that carry clocks: the open ones (resolution), and the new (`submitted`) ones also a response clock. */
export function clockRows(ticket: TicketLinksTable, index: number, now: number): SlaClocksTable[] {
  if (ticket.is_open !== 1) return [];
  const kinds = ticket.state_category === 'submitted' ? (['response', 'resolution'] as const) : (['resolution'] as const);
  const target = resolveTarget(policy, ticket.priority as Priority, tierOf(index));
  return kinds.map((kind) => {
    const targetMs = kind === 'response' ? target.responseMs : target.resolutionMs;
    const state = startClock({ kind, ticketCreatedAt: ticket.created_at, targetMs, tightening: null, meterMode: 'business', now });
    const next = nextLadderStep(state, ladder, [], businessMeter);
    return {
      workspace_id: ticket.workspace_id,
      ticket_id: ticket.ticket_id,
      kind,
      cycle: 0,
      state_json: JSON.stringify(state),
      status: 'running',
      next_fire_at: next?.dueAt ?? null,
      next_step: next?.step ?? null,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    };
  });
}
