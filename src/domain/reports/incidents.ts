/**
 * The incidents section: many conversations handled by one tracker ticket rather than one escalation each. Linking
 * to an incident writes no escalation, so these figures sit beside the escalation rate, never inside it. Queue,
 * priority, tier and team filters do not apply: an incident spans them (the page says so).
 */
import { isStateCategory, STATE_LABELS } from '../model';
import type { IncidentFact, ReportInput } from './facts';
import type { Period } from './period';
import { localTime } from './period';
import { median, share, within } from './stats';
import { percent, type ReportTable } from './table';

export interface IncidentFigures {
  opened: number;
  resolved: number;
  /** Standing links made in the period. */
  linked: number;
  /** Median standing links of the incidents opened in the period; null when none was. */
  medianLinked: number | null;
  /** Conversations linked in the period per 100 conversations seen in it; null when none was seen. */
  per100: number | null;
}

export function incidentFigures(input: ReportInput, period: Period, seen: number): IncidentFigures {
  const opened = input.incidents.filter((i) => within(i.openedAt, period));
  const linked = input.incidentLinks.filter((l) => within(l.createdAt, period)).length;
  return {
    opened: opened.length,
    resolved: input.incidents.filter((i) => i.resolvedAt !== null && within(i.resolvedAt, period)).length,
    linked,
    medianLinked: median(opened.map((i) => i.linked)),
    per100: percent(share(linked, seen)),
  };
}

const stateLabel = (state: string) => (isStateCategory(state) ? STATE_LABELS[state] : state);

/** The period's incidents (opened or resolved in it), earliest opened first. */
export function incidentsTable(input: ReportInput): ReportTable {
  const { current: period, zone } = input;
  const rows = input.incidents
    .filter((i) => within(i.openedAt, period) || (i.resolvedAt !== null && within(i.resolvedAt, period)))
    .sort((a, b) => a.openedAt - b.openedAt || a.trackerId.localeCompare(b.trackerId))
    .map((i: IncidentFact) => [
      i.ticketNumber ?? i.trackerId,
      i.title,
      stateLabel(i.state),
      i.linked,
      localTime(i.openedAt, zone),
      i.resolvedAt === null ? null : localTime(i.resolvedAt, zone),
    ]);
  return {
    id: 'incidents',
    title: 'Incidents in the period',
    columns: ['Incident', 'Title', 'State', 'Linked conversations', 'Opened', 'Resolved'],
    rows,
  };
}
