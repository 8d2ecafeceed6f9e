import fc from 'fast-check';
import { formatAbsolute, formatDuration, formatTime, isValidTimeZone } from '../../../src/domain/text/time-format';
import { HOUR, MINUTE, NOW } from '../../canvases/factories';

describe('formatAbsolute', () => {
  it.each([
    ['UTC', 'Nov 21, 2026, 4:05 PM UTC'],
    ['America/Los_Angeles', 'Nov 21, 2026, 8:05 AM PST'],
    ['Europe/Berlin', 'Nov 21, 2026, 5:05 PM GMT+1'],
    ['Australia/Sydney', 'Nov 22, 2026, 3:05 AM GMT+11'],
  ])('shows %s with the zone printed', (zone, expected) => {
    expect(formatAbsolute(NOW, zone)).toBe(expected);
  });

  it('follows daylight saving time', () => {
    expect(formatAbsolute(Date.UTC(2026, 6, 1, 16, 5), 'America/Los_Angeles')).toBe('Jul 1, 2026, 9:05 AM PDT');
  });

  it('uses plain spaces only, whatever the ICU version', () => {
    expect(formatAbsolute(NOW, 'UTC')).not.toMatch(/[\u202f\u00a0]/);
  });

  it('falls back to UTC, and says so, for an unknown zone', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(formatAbsolute(NOW, 'Mars/Olympus')).toBe('Nov 21, 2026, 4:05 PM UTC');
  });

  it('formats the time alone for "as of" stamps', () => {
    expect(formatTime(NOW, 'UTC')).toBe('4:05 PM UTC');
    expect(formatTime(NOW, 'America/New_York')).toBe('11:05 AM EST');
  });

  it('gives every instant of a minute the same stamp, and the next minute its own, across a change to summer time', () => {
    // 8 March 2026, 07:00 UTC: New York goes from 1:59 AM EST to 3:00 AM EDT (the stamps are kept per minute).
    const change = Date.UTC(2026, 2, 8, 7, 0);
    expect(formatTime(change - MINUTE, 'America/New_York')).toBe('1:59 AM EST');
    expect(formatTime(change - 1, 'America/New_York')).toBe('1:59 AM EST');
    expect(formatTime(change, 'America/New_York')).toBe('3:00 AM EDT');
    expect(formatTime(change + MINUTE - 1, 'America/New_York')).toBe('3:00 AM EDT');
    expect(formatTime(change + MINUTE, 'America/New_York')).toBe('3:01 AM EDT');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '<1m'],
    [59_999, '<1m'],
    [MINUTE, '1m'],
    [45 * MINUTE, '45m'],
    [2 * HOUR, '2h'],
    [2 * HOUR + 14 * MINUTE + 59_000, '2h 14m'],
    [24 * HOUR, '1d'],
    [27 * HOUR + 59 * MINUTE, '1d 3h'],
    [-5 * MINUTE, '<1m'],
    [Number.NaN, '<1m'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it('never shows more minutes than there are', () => {
    fc.assert(
      fc.property(fc.integer({ min: MINUTE, max: 23 * HOUR }), (ms) => {
        const m = /^(?:(\d+)h)? ?(?:(\d+)m)?$/.exec(formatDuration(ms));
        expect(m).not.toBeNull();
        const shown = Number(m![1] ?? 0) * HOUR + Number(m![2] ?? 0) * MINUTE;
        expect(shown).toBeLessThanOrEqual(ms);
        expect(ms - shown).toBeLessThan(MINUTE);
      }),
      { seed: 20261121 },
    );
  });
});
