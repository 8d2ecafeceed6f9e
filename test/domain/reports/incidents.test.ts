import { tableCsv } from '../../../src/domain/reports/csv';
import { incidentsTable } from '../../../src/domain/reports/incidents';
import { buildReport } from '../../../src/domain/reports/report';
import type { Figure } from '../../../src/domain/reports/table';
import { reportTables } from '../../../src/domain/reports/tables';
import { reportInput } from './history';

const values = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.id, [f.current, f.previous]]));

describe('incidents over the hand-built history (worked out in ./incident-history.ts)', () => {
  const report = buildReport(reportInput());

  it('counts incidents opened and resolved, standing links and their median, per period', () => {
    expect(values(report.figures.incidents)).toEqual({
      'incidents-opened': [2, 2],
      'incidents-resolved': [2, 1],
      'incident-conversations': [4, 3],
      'incident-median': [1, 1],
    });
  });

  it('puts conversations handled by incidents per 100 conversations beside the escalation rate', () => {
    const ids = report.figures.escalation.map((f) => f.id);
    expect(ids.indexOf('incident-rate')).toBe(ids.indexOf('escalation-rate') + 1);
    expect(values(report.figures.escalation)['incident-rate']).toEqual([20, 30]);
    expect(buildReport(reportInput({ seen: { current: 0, previous: 0 } })).incidents.per100).toBeNull();
  });

  it('lists the period’s incidents (opened or resolved in it), earliest opened first, in local time', () => {
    expect(incidentsTable(report.input).rows).toEqual([
      ['2', '=cmd|"/c calc"!A1', 'Resolved', 1, '2026-03-20 10:00', '2026-03-30 12:00'],
      ['1', 'Login <b>outage</b> & "SSO"', 'Resolved', 3, '2026-03-24 09:00', '2026-03-26 15:00'],
      ['3', 'Payments slow', 'In progress', 1, '2026-04-01 11:00', null],
    ]);
    expect(reportTables(report).map((t) => t.id)).toContain('incidents');
  });

  it('neutralises a formula title in the CSV', () => {
    expect(tableCsv(incidentsTable(report.input)).split('\r\n')[1]).toBe(
      `2,"'=cmd|""/c calc""!A1",Resolved,1,2026-03-20 10:00,2026-03-30 12:00`,
    );
  });

  it('ignores queue, priority, tier and team filters', () => {
    const filtered = buildReport(reportInput({ filters: { queue: 'technical', priority: 'P1', tier: 'pro', team: 'team-b' } }));
    expect(filtered.figures.incidents).toEqual(report.figures.incidents);
    expect(filtered.incidents).toEqual(report.incidents);
  });

  it('no incidents: zeros, and no median', () => {
    const none = buildReport(reportInput({ incidents: [], incidentLinks: [] }));
    expect(values(none.figures.incidents)).toEqual({
      'incidents-opened': [0, 0],
      'incidents-resolved': [0, 0],
      'incident-conversations': [0, 0],
      'incident-median': [null, null],
    });
  });
});
