import { defaultSettings, parseSettings, workspaceSettingsSchema } from '../../src/domain/settings';

describe('workspace settings', () => {
  it('ships defaults that pass their own schema, for any valid zone', () => {
    expect(workspaceSettingsSchema.safeParse(defaultSettings()).success).toBe(true);
    expect(parseSettings(null, 'America/New_York').sla.businessHours.timezone).toBe('America/New_York');
  });

  it('fills settings saved by an older version from the defaults, keeping what was set', () => {
    const parsed = parseSettings({ resolveBehaviour: 'note_only', ladder: { leadAdminId: '77' } });
    expect(parsed.resolveBehaviour).toBe('note_only');
    expect(parsed.ladder).toMatchObject({ leadAdminId: '77', warnAt: 0.75, escalateAt: 0.9 });
    expect(parsed.queues.billing_legal.label).toBe('Billing / Legal');
  });

  it.each([
    ['an unknown time zone', (s: ReturnType<typeof defaultSettings>) => (s.sla.businessHours.timezone = 'Mars/Olympus'), 'time zone'],
    [
      'a span that ends before it starts',
      (s: ReturnType<typeof defaultSettings>) => (s.sla.businessHours.weekly.mon = [{ start: '18:00', end: '09:00' }]),
      'closing time',
    ],
    ['an escalate step before the warning', (s: ReturnType<typeof defaultSettings>) => (s.ladder.escalateAt = 0.5), 'escalate step'],
    ['a malformed holiday', (s: ReturnType<typeof defaultSettings>) => (s.sla.businessHours.holidays = ['25/12/2026']), 'YYYY-MM-DD'],
    ['a zero target', (s: ReturnType<typeof defaultSettings>) => (s.sla.targets.P1.enterprise.responseMinutes = 0), 'Too small'],
  ])('rejects %s with a message a person can act on', (_name, mutate, message) => {
    const settings = defaultSettings();
    mutate(settings);
    const result = workspaceSettingsSchema.safeParse(settings);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' | ')).toMatch(new RegExp(message, 'i'));
  });
});
