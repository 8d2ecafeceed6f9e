/**
 * Reading the workspace SLA policy: targets from the priority × tier matrix, tightening near a renewal or for a
 * high-risk account, and which meter each clock kind counts with.
 */
import type { ClockKind, Priority, Tier } from '../model';
import type { SlaPolicy } from '../settings';
import { businessMeter, calendarMeter, type MeterMode, type TimeMeter } from './business-calendar';
import type { ClockState, Tightening } from './clock-state';

const MINUTE_MS = 60_000;

export interface ResolvedTarget {
  responseMs: number;
  resolutionMs: number;
}

/** Base targets (before tightening) for a priority and tier, in ms. */
export function resolveTarget(policy: SlaPolicy, priority: Priority, tier: Tier): ResolvedTarget {
  const cell = policy.targets[priority][tier];
  return { responseMs: cell.responseMinutes * MINUTE_MS, resolutionMs: cell.resolutionMinutes * MINUTE_MS };
}

export interface AccountRisk {
  /** Whole days until the contact's or company's renewal date; null when unknown. Negative = already passed. */
  renewalInDays: number | null;
  highRisk: boolean;
}

/**
 * The tightening that applies to an account, or null. Both conditions shrink the target by the same factor once
 * (they do not compound: one "tighter" level is what agents are told about); the reason names every cause, e.g.
 * "renewal in 30 days, high-risk account". A factor of 1 tightens nothing, so it yields null.
 */
export function tighteningFor(account: AccountRisk, policy: Pick<SlaPolicy, 'tightening'>): Tightening | null {
  const { factor, renewalWithinDays } = policy.tightening;
  const reasons: string[] = [];
  const days = account.renewalInDays === null || Number.isNaN(account.renewalInDays) ? null : Math.ceil(account.renewalInDays);
  if (days !== null && days >= 0 && days <= renewalWithinDays) reasons.push(renewalReason(days));
  if (account.highRisk) reasons.push('high-risk account');
  if (reasons.length === 0 || factor >= 1) return null;
  return { factor, reason: reasons.join(', ') };
}

function renewalReason(days: number): string {
  if (days === 0) return 'renewal today';
  return days === 1 ? 'renewal in 1 day' : `renewal in ${days} days`;
}

/** Whether a clock kind counts business or calendar time under this policy (recorded on the clock at start). */
export function meterModeFor(policy: SlaPolicy, kind: ClockKind): MeterMode {
  return kind === 'response' ? policy.responseCounts : policy.resolutionCounts;
}

export function meterFor(policy: SlaPolicy, kind: ClockKind): TimeMeter {
  return meterForMode(policy, meterModeFor(policy, kind));
}

/**
 * The meter for an existing clock: the mode it was started with, over the policy's current business hours. A
 * later switch between business and calendar counting applies to new clocks only, so a running clock's spent time
 * never jumps; a corrected holiday list does apply, because it fixes what business time was.
 */
export function meterForClock(policy: SlaPolicy, clock: Pick<ClockState, 'meterMode'>): TimeMeter {
  return meterForMode(policy, clock.meterMode);
}

function meterForMode(policy: SlaPolicy, mode: MeterMode): TimeMeter {
  return mode === 'business' ? businessMeter(policy.businessHours) : calendarMeter;
}
