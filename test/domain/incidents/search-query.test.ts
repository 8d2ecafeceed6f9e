import { matchTrackers, parseIncidentQuery, type TrackerOption } from '../../../src/domain/incidents/search-query';

const option = (trackerId: string, title: string, number: string, createdAt: number): TrackerOption => ({
  trackerId,
  title,
  number,
  createdAt,
  stateLabel: 'Open',
  linkedCount: 0,
});

describe('incident search query', () => {
  it('reads nothing as the most recent, a number with or without #, and words', () => {
    expect(parseIncidentQuery('  ')).toEqual({ ok: true, query: { kind: 'recent' } });
    expect(parseIncidentQuery('#88')).toEqual({ ok: true, query: { kind: 'number', number: '88' } });
    expect(parseIncidentQuery('88')).toEqual({ ok: true, query: { kind: 'number', number: '88' } });
    expect(parseIncidentQuery('Payments, E_PAYMENT_502!')).toEqual({
      ok: true,
      query: { kind: 'words', words: ['payments', 'e_payment_502'] },
    });
  });

  it('refuses 500 characters, punctuation only, and anything that is not text', () => {
    expect(parseIncidentQuery('x'.repeat(500))).toMatchObject({ ok: false });
    expect(parseIncidentQuery('?!…—///***')).toMatchObject({ ok: false });
    expect(parseIncidentQuery(42)).toEqual({ ok: true, query: { kind: 'recent' } });
  });

  it('matches every word in the title, by number exactly, most recent first', () => {
    const options = [
      option('1', 'Payments failing', '10', 100),
      option('2', 'Payments slow in EU', '11', 300),
      option('3', 'Login', '12', 200),
    ];
    expect(matchTrackers(options, { kind: 'recent' }, 2).map((o) => o.trackerId)).toEqual(['2', '3']);
    expect(matchTrackers(options, { kind: 'words', words: ['payments'] }, 8).map((o) => o.trackerId)).toEqual(['2', '1']);
    expect(matchTrackers(options, { kind: 'words', words: ['payments', 'eu'] }, 8).map((o) => o.trackerId)).toEqual(['2']);
    expect(matchTrackers(options, { kind: 'number', number: '1' }, 8)).toEqual([]);
  });
});
