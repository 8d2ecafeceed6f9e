/**
 * A plausible history of escalations for the reports: the demo workspace's last 90 days in the sandbox, and the
 * benchmark's 20,000-ticket workspace. Deterministic (seeded), built with the real SLA clock transitions so every
 * clock, ladder step and resolution is one the app itself could have written, then inserted in batches.
 *
 * Tickets arrive in business hours, are answered and resolved after a spread of the policy's targets (some late,
 * some waiting on the customer for a day or two, a few reopened), escalations carry triage suggestions that agents
 * mostly kept, and about one conversation in six where the sidebar was opened was escalated. `openFrom` keeps
 * tickets created after it open; `lingering` leaves a tail of older ones open, as a real backlog has.
 */
import type { Kysely } from 'kysely';
import { PRIORITIES, type Priority, QUEUE_KEYS, type QueueKey, TIERS, type Tier } from '../domain/model';
import type { SlaPolicy } from '../domain/settings';
import { addBusinessMs, applyTicketState, markFirstResponse, resolveTarget, startClock } from '../domain/sla';
import type { StateEvent } from '../domain/reports/facts';
import { storeFigures } from '../domain/reports/figures-codec';
import { calendarKey, ticketFigures } from '../domain/reports/ticket-figures';
import { reportFigureColumns } from '../store';
import type { Tables } from '../store/schema';
import { addClock, escalation, feedback, TITLES } from './report-history-rows';
import { seededRandom } from '../util/seeded-random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface HistoryOptions {
  workspaceId: string;
  now: number;
  days: number;
  tickets: number;
  policy: SlaPolicy;
  teams: Readonly<Record<QueueKey, { id: string; name: string }>>;
  /** Tickets created at or after this stay open (default: 5 days before `now`). */
  openFrom?: number;
  seed?: number;
  /** Prefix of generated ids, so two histories never collide. */
  idPrefix?: string;
  /**
   * The chance that a ticket created before `openFrom` in the last 30 days was never closed (a fifth of it for
   * 30–90 days, none older): half wait on a customer who went quiet (a paused clock), half are stuck in progress
   * (a clock that breached). Default none; each ticket then draws nothing extra, so the history stays as it was.
   */
  lingering?: number;
  /** Who the ladder's steps handed a ticket to (escalate: the lead; breach: the breach team and the manager). */
  ladderOwners?: LadderOwners;
  /**
   * Record triage suggestions beside the escalations (default true). The sandbox says no: the triage learner reads
   * these rows, and the demo's own feedback (src/sandbox/demo-feedback.ts) is what its sidebar is tuned to show.
   */
  feedback?: boolean;
}

export interface LadderOwners {
  lead: { id: string; name: string };
  manager: { id: string; name: string };
  breachTeam: { id: string; name: string };
}

export interface HistoryRows {
  ticket_links: Tables['ticket_links'][];
  sla_clocks: Tables['sla_clocks'][];
  ticket_state_events: Tables['ticket_state_events'][];
  ticket_report_figures: Tables['ticket_report_figures'][];
  escalations: Omit<Tables['escalations'], never>[];
  ladder_firings: Tables['ladder_firings'][];
  triage_feedback: Tables['triage_feedback'][];
  conversations_seen: Tables['conversations_seen'][];
}

function pick<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** The first business instant at or after `at` plus a random offset into the day's opening. */
function inBusinessHours(at: number, random: () => number, policy: SlaPolicy): number {
  const open = addBusinessMs(at, 1, policy.businessHours) - 1;
  return Math.round(addBusinessMs(open, random() * 6 * HOUR, policy.businessHours));
}

export function buildHistory(options: HistoryOptions): HistoryRows {
  const { workspaceId: ws, now, policy } = options;
  const random = seededRandom(options.seed ?? 18);
  const prefix = options.idPrefix ?? 'hist';
  const openFrom = options.openFrom ?? now - 5 * DAY;
  const rows: HistoryRows = {
    ticket_links: [],
    sla_clocks: [],
    ticket_state_events: [],
    ticket_report_figures: [],
    escalations: [],
    ladder_firings: [],
    triage_feedback: [],
    conversations_seen: [],
  };
  const span = options.days * DAY;
  for (let i = 0; i < options.tickets; i += 1) {
    const createdAt = inBusinessHours(now - span + Math.floor((i / options.tickets) * span), random, policy);
    if (createdAt >= now) continue;
    const priority = pick<Priority>(random, PRIORITIES, [1, 2.5, 4.5, 2]);
    const tier = pick<Tier>(random, TIERS, [2, 3, 5]);
    const queue = pick<QueueKey>(random, QUEUE_KEYS, [1.5, 3.5, 1, 2, 2]);
    const ticketId = `${prefix}-${i}`;
    const conversationId = `${prefix}-conv-${i}`;
    const target = resolveTarget(policy, priority, tier);
    const start = (kind: 'response' | 'resolution', ms: number) =>
      startClock({ kind, ticketCreatedAt: createdAt, targetMs: ms, tightening: null, meterMode: 'business', now: createdAt });
    let response = start('response', target.responseMs);
    let resolution = start('resolution', target.resolutionMs);
    const apply = (state: 'in_progress' | 'waiting_on_customer' | 'resolved', at: number) => {
      response = applyTicketState(response, state, at, policy);
      resolution = applyTicketState(resolution, state, at, policy);
    };
    const lingers = options.lingering !== undefined && random() < lingerChance(options.lingering, now - createdAt);
    const stayOpen = createdAt >= openFrom || lingers;
    const events: Tables['ticket_state_events'][] = [];
    let state: 'submitted' | 'in_progress' | 'waiting_on_customer' | 'resolved' = 'submitted';
    const answerAt = Math.round(addBusinessMs(createdAt, target.responseMs * (0.2 + random() * 1.1), policy.businessHours));
    if (answerAt < now) {
      response = markFirstResponse(response, answerAt);
      apply('in_progress', answerAt);
      state = 'in_progress';
    }
    let cursor = answerAt;
    if (state === 'in_progress' && random() < 0.3) {
      const waitFrom = Math.round(addBusinessMs(answerAt, 2 * HOUR, policy.businessHours));
      const waitTo = Math.round(waitFrom + (4 + random() * 44) * HOUR);
      if (waitFrom < now) {
        apply('waiting_on_customer', waitFrom);
        state = 'waiting_on_customer';
        if (waitTo < now) {
          apply('in_progress', waitTo);
          state = 'in_progress';
          cursor = waitTo;
        }
      }
    }
    if (lingers && state === 'in_progress' && random() < 0.5) {
      // The customer was asked for something and never came back.
      apply('waiting_on_customer', Math.round(addBusinessMs(cursor, (4 + random() * 20) * HOUR, policy.businessHours)));
      state = 'waiting_on_customer';
    }
    if (state === 'in_progress' && !stayOpen) {
      const resolvedAt = Math.round(addBusinessMs(cursor, target.resolutionMs * (0.2 + random() * 1.0), policy.businessHours));
      if (resolvedAt < now) {
        apply('resolved', resolvedAt);
        state = 'resolved';
        events.push({ workspace_id: ws, ticket_id: ticketId, kind: 'resolved', at: resolvedAt });
        const reopenAt = Math.round(resolvedAt + (1 + random() * 2) * DAY);
        if (random() < 0.08 && reopenAt < now) {
          apply('in_progress', reopenAt);
          events.push({ workspace_id: ws, ticket_id: ticketId, kind: 'reopened', at: reopenAt });
          const again = Math.round(reopenAt + (2 + random() * 20) * HOUR);
          state = 'in_progress';
          if (again < now) {
            apply('resolved', again);
            events.push({ workspace_id: ws, ticket_id: ticketId, kind: 'resolved', at: again });
            state = 'resolved';
          }
        }
      }
    }
    rows.ticket_state_events.push(...events);
    const firedFrom = rows.ladder_firings.length;
    for (const clock of [response, resolution]) addClock(rows, ws, ticketId, clock, { priority, tier }, policy, now);
    const owner = ownerAfterLadder(rows.ladder_firings.slice(firedFrom), options.teams[queue], options.ladderOwners);
    const escalationId = `${prefix}-esc-${i}`;
    rows.ticket_links.push({
      workspace_id: ws,
      ticket_id: ticketId,
      ticket_number: String(50_000 + i),
      conversation_id: conversationId,
      contact_id: null,
      title: `${TITLES[i % TITLES.length]} (#${50_000 + i})`,
      ticket_type_id: null,
      state_category: state,
      state_label: null,
      priority,
      queue,
      team_id: owner.team.id,
      admin_assignee_id: owner.admin?.id ?? null,
      owner_name: owner.admin?.name ?? null,
      team_name: owner.team.name,
      is_open: state === 'resolved' ? 0 : 1,
      intercom_updated_at: now,
      synced_at: now,
      escalation_id: escalationId,
      created_at: createdAt,
    });
    // The figures the clock saves and event records would have stored (src/services/reports/ticket-figures.ts).
    rows.ticket_report_figures.push({
      workspace_id: ws,
      ticket_id: ticketId,
      calendar: calendarKey(policy.businessHours),
      ...reportFigureColumns(storeFigures(ticketFigures({ response, resolution, tier }, events as StateEvent[], policy))),
      updated_at: now,
    });
    rows.escalations.push(escalation(ws, escalationId, conversationId, ticketId, 'linked', createdAt, queue, priority));
    const suggestion = feedback(ws, escalationId, conversationId, createdAt, queue, priority, random);
    if (options.feedback !== false) rows.triage_feedback.push(suggestion);
    for (let k = 0; k < 6; k += 1) {
      rows.conversations_seen.push({
        workspace_id: ws,
        conversation_id: k === 0 ? conversationId : `${prefix}-seen-${i}-${k}`,
        first_seen_at: createdAt - k * HOUR,
      });
    }
    if (random() < 0.03) {
      const failedId = `${prefix}-failed-${i}`;
      rows.escalations.push(escalation(ws, failedId, `${prefix}-conv-f-${i}`, null, 'failed', createdAt + HOUR, queue, priority));
    }
  }
  return rows;
}

/** Lingering is likelier the younger the ticket: most of a real backlog is recent, a little of it old. */
function lingerChance(chance: number, ageMs: number): number {
  if (ageMs <= 30 * DAY) return chance;
  return ageMs <= 90 * DAY ? chance / 5 : 0;
}

/** The owner the ladder's steps left a ticket with: the escalate step assigns the lead, the breach step the breach team and the manager. */
function ownerAfterLadder(
  fired: readonly Tables['ladder_firings'][],
  queueTeam: { id: string; name: string },
  owners: LadderOwners | undefined,
): { team: { id: string; name: string }; admin: { id: string; name: string } | null } {
  const steps = new Set(fired.map((f) => f.step));
  if (!owners) return { team: queueTeam, admin: null };
  if (steps.has('breach')) return { team: owners.breachTeam, admin: owners.manager };
  return { team: queueTeam, admin: steps.has('escalate') ? owners.lead : null };
}

/** Inserts in chunks (SQLite caps bound parameters per statement), parents first. */
export async function insertHistory(db: Kysely<Tables>, rows: HistoryRows, chunk = 200): Promise<void> {
  const tables = [
    'ticket_links',
    'escalations',
    'sla_clocks',
    'ticket_state_events',
    'ticket_report_figures',
    'ladder_firings',
    'triage_feedback',
    'conversations_seen',
  ] as const;
  await db.transaction().execute(async (tx) => {
    for (const table of tables) {
      const list = rows[table] as unknown[];
      for (let i = 0; i < list.length; i += chunk) {
        await tx
          .insertInto(table)
          .values(list.slice(i, i + chunk) as never)
          .execute();
      }
    }
  });
}
