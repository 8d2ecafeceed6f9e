/**
 * The shared vocabulary of Handoff. One priority model (P1–P4) is used in the
 * sidebar, on the Intercom ticket (as a list attribute) and by the SLA engine.
 */

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Routing queues. Each maps to an Intercom team in the workspace settings. */
export const QUEUE_KEYS = ['vip', 'technical', 'account_risk', 'billing_legal', 'default'] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

/** Intercom's ticket state categories (2.12+ `ticket_state.category`). */
export const STATE_CATEGORIES = ['submitted', 'in_progress', 'waiting_on_customer', 'resolved'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

export const STATE_LABELS: Readonly<Record<StateCategory, string>> = Object.freeze({
  submitted: 'New',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
});

/** Customer tiers used by the SLA matrix and routing. */
export const TIERS = ['enterprise', 'pro', 'standard'] as const;
export type Tier = (typeof TIERS)[number];

/** The two SLA clocks a linked ticket can carry. */
export const CLOCK_KINDS = ['response', 'resolution'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Ladder steps, in the order they fire. */
export const LADDER_STEPS = ['warn', 'escalate', 'breach'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

export function isQueueKey(value: unknown): value is QueueKey {
  return typeof value === 'string' && (QUEUE_KEYS as readonly string[]).includes(value);
}

export function isStateCategory(value: unknown): value is StateCategory {
  return typeof value === 'string' && (STATE_CATEGORIES as readonly string[]).includes(value);
}
