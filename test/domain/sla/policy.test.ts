import { meterFor, meterForClock, meterModeFor, resolveTarget, tighteningFor } from '../../../src/domain/sla/policy';
import { HOUR, MIN, policy, wall } from './fixtures';

describe('resolveTarget', () => {
  it('reads the priority × tier matrix in ms', () => {
    expect(resolveTarget(policy(), 'P1', 'enterprise')).toEqual({ responseMs: 30 * MIN, resolutionMs: 4 * HOUR });
    expect(resolveTarget(policy(), 'P4', 'standard')).toEqual({ responseMs: 24 * HOUR, resolutionMs: 120 * HOUR });
  });
});

describe('tighteningFor', () => {
  const p = policy(); // renewal within 45 days, factor 0.5

  it('tightens for a renewal inside the window and says when', () => {
    expect(tighteningFor({ renewalInDays: 30, highRisk: false }, p)).toEqual({ factor: 0.5, reason: 'renewal in 30 days' });
    expect(tighteningFor({ renewalInDays: 45, highRisk: false }, p)?.reason).toBe('renewal in 45 days');
    expect(tighteningFor({ renewalInDays: 1, highRisk: false }, p)?.reason).toBe('renewal in 1 day');
    expect(tighteningFor({ renewalInDays: 0, highRisk: false }, p)?.reason).toBe('renewal today');
  });

  it('does not tighten outside the window, after the renewal, or when unknown', () => {
    expect(tighteningFor({ renewalInDays: 46, highRisk: false }, p)).toBeNull();
    expect(tighteningFor({ renewalInDays: -3, highRisk: false }, p)).toBeNull();
    expect(tighteningFor({ renewalInDays: null, highRisk: false }, p)).toBeNull();
  });

  it('tightens a high-risk account, and names both causes without compounding the factor', () => {
    expect(tighteningFor({ renewalInDays: null, highRisk: true }, p)).toEqual({ factor: 0.5, reason: 'high-risk account' });
    expect(tighteningFor({ renewalInDays: 10, highRisk: true }, p)).toEqual({
      factor: 0.5,
      reason: 'renewal in 10 days, high-risk account',
    });
  });

  it('a factor of 1 is no tightening', () => {
    expect(tighteningFor({ renewalInDays: 10, highRisk: true }, { tightening: { renewalWithinDays: 45, factor: 1 } })).toBeNull();
  });
});

describe('meters from the policy', () => {
  const saturday = wall('2026-01-10T10:00', 'Europe/Berlin');

  it('each clock kind counts as the policy says', () => {
    const mixed = policy({ responseCounts: 'calendar', resolutionCounts: 'business' });
    expect(meterModeFor(mixed, 'response')).toBe('calendar');
    expect(meterFor(mixed, 'response').elapsed(saturday, saturday + HOUR)).toBe(HOUR);
    expect(meterFor(mixed, 'resolution').elapsed(saturday, saturday + HOUR)).toBe(0);
  });

  it('an existing clock keeps the mode it started with', () => {
    const switched = policy({ resolutionCounts: 'calendar' });
    expect(meterForClock(switched, { meterMode: 'business' }).elapsed(saturday, saturday + HOUR)).toBe(0);
  });
});
