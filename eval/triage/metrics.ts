/**
 * Scores predictions against gold labels: queue accuracy over the five outcomes, priority exact and within one
 * level (over cases where gold and prediction are both tickets), ticket-decision precision and recall, and
 * breakdowns. Pure; run.ts prints.
 */
export const OUTCOMES = ['stay_in_chat', 'billing_legal', 'technical_bugs', 'account_risk', 'vip_high_tier'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Scored {
  gold: { outcome: Outcome; priority: string | null };
  predicted: { outcome: Outcome; priority: string | null };
}

export interface Summary {
  cases: number;
  queueCorrect: number;
  priorityPairs: number;
  priorityExact: number;
  priorityWithinOne: number;
  /** Gold ticket predicted ticket with the right queue, but priority off by ≥ 2 — counted in pairs above. */
  ticketTP: number;
  ticketFP: number;
  ticketFN: number;
}

const LEVEL: Record<string, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

export function summarise(rows: readonly Scored[]): Summary {
  const s: Summary = {
    cases: 0,
    queueCorrect: 0,
    priorityPairs: 0,
    priorityExact: 0,
    priorityWithinOne: 0,
    ticketTP: 0,
    ticketFP: 0,
    ticketFN: 0,
  };
  for (const row of rows) {
    s.cases++;
    if (row.gold.outcome === row.predicted.outcome) s.queueCorrect++;
    const goldTicket = row.gold.outcome !== 'stay_in_chat';
    const predTicket = row.predicted.outcome !== 'stay_in_chat';
    if (goldTicket && predTicket) s.ticketTP++;
    else if (predTicket) s.ticketFP++;
    else if (goldTicket) s.ticketFN++;
    if (goldTicket && predTicket && row.gold.priority && row.predicted.priority) {
      s.priorityPairs++;
      const gap = Math.abs(LEVEL[row.gold.priority]! - LEVEL[row.predicted.priority]!);
      if (gap === 0) s.priorityExact++;
      if (gap <= 1) s.priorityWithinOne++;
    }
  }
  return s;
}

export function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

export function confusion(rows: readonly Scored[]): number[][] {
  const matrix = OUTCOMES.map(() => OUTCOMES.map(() => 0));
  for (const row of rows) {
    const line = matrix[OUTCOMES.indexOf(row.gold.outcome)]!;
    const column = OUTCOMES.indexOf(row.predicted.outcome);
    line[column] = (line[column] ?? 0) + 1;
  }
  return matrix;
}
