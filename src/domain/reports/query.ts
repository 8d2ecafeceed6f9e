/**
 * The page's query string → a period and filters, or a message that says what is wrong. Every parameter is
 * known and every value is one the workspace has: an unknown filter is refused, not ignored, so a lead never
 * reads an unfiltered figure believing it filtered.
 */
import { isPriority, isQueueKey, type Priority, type QueueKey, TIERS, type Tier } from '../model';
import type { Filters } from './facts';
import { type PeriodChoice, parsePeriod } from './period';

export const QUERY_PARAMS = ['days', 'from', 'to', 'queue', 'priority', 'tier', 'team'] as const;

export type ReportQuery = { ok: true; period: PeriodChoice; filters: Filters } | { ok: false; message: string };

const one = (value: unknown): unknown => (value === '' ? undefined : value);

export function parseReportQuery(query: Record<string, unknown>, now: number, zone: string, teamIds: ReadonlySet<string>): ReportQuery {
  const unknown = Object.keys(query).find((k) => !(QUERY_PARAMS as readonly string[]).includes(k));
  if (unknown !== undefined) return { ok: false, message: `The report has no setting called “${unknown.slice(0, 40)}”.` };
  const period = parsePeriod({ days: one(query['days']), from: one(query['from']), to: one(query['to']) }, now, zone);
  if (!period.ok) return period;
  const queue = one(query['queue']);
  const priority = one(query['priority']);
  const tier = one(query['tier']);
  const team = one(query['team']);
  if (queue !== undefined && !isQueueKey(queue)) return { ok: false, message: 'There is no such queue; choose one from the list.' };
  if (priority !== undefined && !isPriority(priority)) return { ok: false, message: 'Priorities are P1, P2, P3 and P4.' };
  if (tier !== undefined && !(typeof tier === 'string' && (TIERS as readonly string[]).includes(tier)))
    return { ok: false, message: 'Tiers are enterprise, pro and standard.' };
  if (team !== undefined && !(typeof team === 'string' && teamIds.has(team)))
    return { ok: false, message: 'There is no such team in this workspace’s queues or tickets; choose one from the list.' };
  return {
    ok: true,
    period: period.choice,
    filters: {
      queue: (queue as QueueKey | undefined) ?? null,
      priority: (priority as Priority | undefined) ?? null,
      tier: (tier as Tier | undefined) ?? null,
      team: (team as string | undefined) ?? null,
    },
  };
}
