import { clockTime } from '../../../src/domain/recommendation';

const AT = Date.UTC(2026, 10, 18, 9, 5);

describe('the time a reason points at', () => {
  it('is the 24-hour wall clock in the workspace zone', () => {
    expect(clockTime(AT, 'UTC')).toBe('09:05');
    expect(clockTime(AT, 'America/Los_Angeles')).toBe('01:05');
    expect(clockTime(AT + 12 * 3_600_000, 'Europe/Berlin')).toBe('22:05');
  });

  it('falls back to UTC for a zone the runtime does not know, instead of failing the sidebar', () => {
    expect(clockTime(AT, 'Mars/Olympus_Mons')).toBe('09:05');
    expect(clockTime(AT, '')).toBe('09:05');
  });
});
