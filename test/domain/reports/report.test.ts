import { buildReport } from '../../../src/domain/reports/report';
import type { Figure } from '../../../src/domain/reports/table';
import { HOUR, reportInput } from './history';

const values = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.id, [f.current, f.previous]]));

describe('the report over a hand-built history (Europe/Berlin, DST on 29 March, Good Friday a holiday)', () => {
  const report = buildReport(reportInput());

  it('reads the period as whole local days, the DST night included', () => {
    expect(report.input.current).toMatchObject({ firstDay: '2026-03-23', lastDay: '2026-04-05', days: 14 });
    expect(report.input.current.to - report.input.current.from).toBe(14 * 24 * HOUR - HOUR);
    expect(report.input.previous).toMatchObject({ firstDay: '2026-03-09', lastDay: '2026-03-22' });
  });

  it('escalation rate: 3 escalations over 20 conversations, one against advice, per week', () => {
    expect(values(report.figures.escalation)).toEqual({
      escalations: [3, 1],
      'conversations-seen': [20, 10],
      'escalation-rate': [15, 10],
      'incident-rate': [20, 30],
      'against-advice': [50, 0],
    });
    expect(report.escalation.weekly.rows).toEqual([
      ['2026-03-23', 2],
      ['2026-03-30', 1],
    ]);
  });

  it('SLA attainment of the tickets created in the period, ladder steps and paused time', () => {
    expect(values(report.figures.attainment)).toEqual({
      'response-attained': [50, 100],
      'resolution-attained': [100, null],
      breaches: [1, 0],
      paused: [359, 86],
    });
    expect(report.attainment.byPriorityTier.rows).toEqual([
      ['P1', 'enterprise', 1, 0, 100, 0, 1, 0, 0, 100],
      ['P2', 'standard', 1, 100, 0, 0, 1, 100, 0, 0],
    ]);
    expect(report.attainment.byQueue.rows).toEqual([
      ['vip', 1, 0, 100, 0, 1, 0, 0, 100],
      ['technical', 1, 100, 0, 0, 1, 100, 0, 0],
    ]);
    expect(report.attainment.ladder.rows).toEqual([
      ['Warning (owner)', 1, 0],
      ['Escalated to the lead', 1, 0],
      ['Breached (reassigned)', 1, 0],
    ]);
  });

  it('backlog now and at the start, aging in calendar and business days, oldest first', () => {
    expect(values(report.figures.backlog)).toEqual({ open: [2, 1] });
    expect(report.backlog.byState.rows).toEqual([
      ['New', 1],
      ['In progress', 0],
      ['Waiting on customer', 1],
    ]);
    expect(report.backlog.aging.rows).toEqual([
      ['under 1 day', 0, 1],
      ['1–3 days', 0, 0],
      ['3–7 days', 1, 0],
      ['7–30 days', 1, 1],
      ['over 30 days', 0, 0],
    ]);
    expect(report.backlog.oldest.map((t) => t.ticketId)).toEqual(['tk-3', 'tk-2']);
  });

  it('speed in business hours: 2 h to first response, 20 h to the first resolution', () => {
    expect(values(report.figures.speed)).toEqual({
      'response-median': [2, 1],
      'response-p90': [2, 1],
      'resolution-median': [20, null],
      'resolution-p90': [20, null],
    });
    expect(report.speed.byPriority.rows).toEqual([['P2', 1, 2, 2, 1, 20, 20]]);
    expect(report.speed.weekly.rows).toEqual([
      ['2026-03-23', 1, 2, 2, 1, 20, 20],
      ['2026-03-30', 0, null, null, 0, null, null],
    ]);
  });

  it('outcomes: one ticket resolved (twice, counted once), reopened; one failed escalation; one dead note', () => {
    expect(values(report.figures.outcomes)).toEqual({ resolved: [1, 0], 'reopen-rate': [100, null], failed: [1, 0], dead: [1, 0] });
  });

  it('triage: suggestions kept per queue and the corrections', () => {
    expect(values(report.figures.triage)).toEqual({ judged: [2, 1], 'queue-kept': [50, 100], 'priority-kept': [50, 0] });
    expect(report.triage.byQueue.rows).toEqual([['technical', 1, 100, 100]]);
    expect(report.triage.corrections.rows).toEqual([['keep in chat –', 'vip P1', 1]]);
  });

  it('filters narrow every section to the matching tickets and escalations', () => {
    const technical = buildReport(reportInput({ filters: { queue: 'technical', priority: null, tier: null, team: null } }));
    expect(values(technical.figures.escalation)['escalations']).toEqual([1, 0]);
    expect(values(technical.figures.backlog)).toEqual({ open: [0, 0] });
    expect(values(technical.figures.attainment)['paused']).toEqual([24, 0]);
    const teamA = buildReport(reportInput({ filters: { queue: null, priority: null, tier: null, team: 'team-a' } }));
    // The failed escalation has no ticket, so no team: a team filter leaves it out.
    expect(values(teamA.figures.escalation)['escalations']).toEqual([1, 1]);
    expect(values(teamA.figures.backlog)).toEqual({ open: [1, 1] });
  });
});
