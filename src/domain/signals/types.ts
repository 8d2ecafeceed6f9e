/** Escalation signals: what the sidebar shows and what priority, routing and SLA tightening read. */
import type { Tier } from '../model';

export const SIGNAL_KINDS = ['high_risk', 'keyword', 'tier', 'renewal', 'frustration'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface Signal {
  readonly kind: SignalKind;
  /** Stable identifier within the kind: the keyword, `enterprise`/`vip`/`pro`, `renewal`, … */
  readonly key: string;
  /** Short line for the sidebar and the reason prefill, e.g. `Keyword: refund`, `Renewal in 23 days`. */
  readonly label: string;
  /** Importance used for ordering (higher first); see `weights` in each detector. */
  readonly weight: number;
}

/** The facts behind the signals, computed whether or not they cross a signal threshold. */
export interface SignalFacts {
  readonly tier: Tier;
  readonly isVip: boolean;
  /** Whole days until the next renewal, counted up (a renewal an hour away is 1); null when unknown or already past. */
  readonly renewalInDays: number | null;
  /** Epoch ms of that renewal. */
  readonly renewalAt: number | null;
  /** 0–10, from customer wording. */
  readonly frustration: number;
  readonly highRisk: boolean;
  /** Signal keywords found in customer messages, lower-cased, in settings order. */
  readonly keywords: readonly string[];
}
