/**
 * The whole report: the seven sections computed for the chosen period, and each headline figure again for the
 * previous period of the same length (its trend). Pure: the same input always gives the same report.
 */
import { type Attainment, attainment } from './attainment';
import { type Backlog, backlog } from './backlog';
import { type EscalationRate, escalationRate } from './escalation-rate';
import type { ReportInput, TicketDetails } from './facts';
import { type IncidentFigures, incidentFigures } from './incidents';
import { type Outcomes, outcomes } from './outcomes';
import type { SectionId } from './definitions';
import { scopeOf } from './scope';
import { type Speed, speed } from './speed';
import { median, percentile } from './stats';
import { type Figure, hours, percent } from './table';
import { type TriageAccuracy, triageAccuracy } from './triage-accuracy';

export interface Report {
  input: ReportInput;
  escalation: EscalationRate;
  attainment: Attainment;
  backlog: Backlog;
  speed: Speed;
  outcomes: Outcomes;
  triage: TriageAccuracy;
  incidents: IncidentFigures;
  /** Headline figures by section id, each with its previous-period value. */
  figures: Record<SectionId, Figure[]>;
  /** Number and title of the tickets the page names (the oldest open ones), by ticket id: `withDetails` adds them. */
  details: ReadonlyMap<string, TicketDetails>;
}

/** The report with the number and title of the tickets it names. */
export function withDetails(report: Report, details: ReadonlyMap<string, TicketDetails>): Report {
  return { ...report, details };
}

/** The tickets whose details the page shows: the oldest open ones. */
export const namedTickets = (report: Report): string[] => report.backlog.oldest.map((t) => t.ticketId);

interface Parts {
  escalation: EscalationRate;
  attainment: Attainment;
  speed: Speed;
  outcomes: Outcomes;
  triage: TriageAccuracy;
  incidents: IncidentFigures;
}

function parts(input: ReportInput, which: 'current' | 'previous'): Parts {
  const scope = scopeOf(input, which);
  return {
    escalation: escalationRate(scope, input.seen[which]),
    attainment: attainment(scope),
    speed: speed(scope),
    outcomes: outcomes(scope),
    triage: triageAccuracy(scope),
    incidents: incidentFigures(input, input[which], input.seen[which]),
  };
}

const ms = (samples: readonly { ms: number }[]) => samples.map((s) => s.ms);

export function buildReport(input: ReportInput): Report {
  const now = parts(input, 'current');
  const before = parts(input, 'previous');
  const queue = backlog(scopeOf(input, 'current'));
  const fig = (id: string, label: string, unit: Figure['unit'], better: Figure['better'], pick: (p: Parts) => number | null): Figure => ({
    id,
    label,
    unit,
    better,
    current: pick(now),
    previous: pick(before),
  });
  return {
    input,
    ...now,
    backlog: queue,
    details: new Map(),
    figures: {
      escalation: [
        fig('escalations', 'Escalations', 'count', null, (p) => p.escalation.escalations),
        fig('conversations-seen', 'Conversations with the sidebar opened', 'count', null, (p) => p.escalation.seen),
        fig('escalation-rate', 'Escalations per 100 conversations', 'per100', null, (p) => p.escalation.per100),
        fig('incident-rate', 'Conversations handled by incidents per 100 conversations', 'per100', null, (p) => p.incidents.per100),
        fig('against-advice', 'Escalated although triage said keep in chat', 'percent', 'down', (p) => percent(p.escalation.againstAdvice)),
      ],
      attainment: [
        fig('response-attained', 'Response SLA met', 'percent', 'up', (p) => percent(p.attainment.attained.response)),
        fig('resolution-attained', 'Resolution SLA met', 'percent', 'up', (p) => percent(p.attainment.attained.resolution)),
        fig('breaches', 'Breaches (100 % steps)', 'count', 'down', (p) => p.attainment.breaches),
        fig('paused', 'Hours paused waiting on the customer', 'hours', null, (p) => hours(p.attainment.pausedMs)),
      ],
      backlog: [
        {
          id: 'open',
          label: 'Open tickets (now, and at the start of the period)',
          unit: 'count',
          better: 'down',
          current: queue.openNow,
          previous: queue.openAtStart,
        },
      ],
      speed: [
        fig('response-median', 'First response, median (business h)', 'hours', 'down', (p) => hours(median(ms(p.speed.response)))),
        fig('response-p90', 'First response, 90th percentile (business h)', 'hours', 'down', (p) =>
          hours(percentile(ms(p.speed.response), 0.9)),
        ),
        fig('resolution-median', 'Resolution, median (business h)', 'hours', 'down', (p) => hours(median(ms(p.speed.resolution)))),
        fig('resolution-p90', 'Resolution, 90th percentile (business h)', 'hours', 'down', (p) =>
          hours(percentile(ms(p.speed.resolution), 0.9)),
        ),
      ],
      outcomes: [
        fig('resolved', 'Tickets resolved', 'count', null, (p) => p.outcomes.resolved),
        fig('reopen-rate', 'Reopened after resolution', 'percent', 'down', (p) => percent(p.outcomes.reopenRate)),
        fig('failed', 'Escalations failed', 'count', 'down', (p) => p.outcomes.failedEscalations),
        fig('dead', 'Escalation work dead-lettered', 'count', 'down', (p) => p.outcomes.deadJobs),
      ],
      incidents: [
        fig('incidents-opened', 'Incidents opened', 'count', null, (p) => p.incidents.opened),
        fig('incidents-resolved', 'Incidents resolved', 'count', null, (p) => p.incidents.resolved),
        fig('incident-conversations', 'Conversations linked to incidents', 'count', null, (p) => p.incidents.linked),
        fig('incident-median', 'Linked conversations per incident, median', 'count', null, (p) => p.incidents.medianLinked),
      ],
      triage: [
        fig('judged', 'Suggestions recorded', 'count', null, (p) => p.triage.judged),
        fig('queue-kept', 'Suggested queue kept', 'percent', 'up', (p) => percent(p.triage.queueKept)),
        fig('priority-kept', 'Suggested priority kept', 'percent', 'up', (p) => percent(p.triage.priorityKept)),
      ],
    },
  };
}
