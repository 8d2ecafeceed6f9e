import { parsePeriod, presetPeriod, weeksOf } from '../../../src/domain/reports/period';
import { NOW, ZONE } from './history';

describe('report periods', () => {
  it('a preset is the last N local days, today included, and the N days before it', () => {
    const choice = presetPeriod(7, NOW, ZONE);
    expect(choice.current).toMatchObject({ firstDay: '2026-03-31', lastDay: '2026-04-06', days: 7 });
    expect(choice.previous).toMatchObject({ firstDay: '2026-03-24', lastDay: '2026-03-30', days: 7 });
    expect(parsePeriod({}, NOW, ZONE)).toMatchObject({ ok: true, choice: { preset: 30 } });
  });

  it.each([
    [{ days: '45' }, 'Choose the last 7, 30 or 90 days.'],
    [{ days: '7; drop table' }, 'Choose the last 7, 30 or 90 days.'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'Write the dates as YYYY-MM-DD, for example 2026-03-01.'],
    [{ from: '01/03/2026', to: '2026-03-10' }, 'Write the dates as YYYY-MM-DD, for example 2026-03-01.'],
    [{ from: '2026-03-10' }, 'Give both dates of the period, from and to.'],
    [{ from: ['2026-03-01'], to: '2026-03-10' }, 'Give both dates of the period, from and to.'],
    [{ from: '2026-03-10', to: '2026-03-01' }, 'The period ends before it starts: the “to” date must be on or after the “from” date.'],
    [{ from: '2016-01-01', to: '2026-01-01' }, 'A period can be at most 366 days long; this one has 3654.'],
    [{ from: '2026-05-01', to: '2026-05-02' }, 'The period starts in the future: there is nothing to report yet.'],
  ])('refuses %j with a message', (input, message) => {
    expect(parsePeriod(input, NOW, ZONE)).toEqual({ ok: false, message });
  });

  it('weeks start on local Mondays and cover the period', () => {
    const period = parsePeriod({ from: '2026-03-25', to: '2026-04-01' }, NOW, ZONE);
    if (!period.ok) throw new Error(period.message);
    expect(weeksOf(period.choice.current, ZONE).map((w) => w.label)).toEqual(['2026-03-23', '2026-03-30']);
  });
});
