/**
 * Incidents in the hand-built history (./history.ts: current period 23 March – 5 April 2026, previous 9–22 March,
 * Europe/Berlin; 20 conversations seen now, 10 before). Each figure the incidents test expects is worked out here.
 *
 * INC-4: opened 10 March, resolved 12 March (both previous); two standing links (10 and 11 March).
 * INC-2: opened 20 March (previous), resolved 30 March (current, after the DST night); one standing link (20 March).
 * INC-1: opened 24 March, resolved 26 March (current); three standing links (24, 24, 25 March). Its title is
 *        customer-influenced markup.
 * INC-3: opened 1 April (current), in progress; one standing link (1 April). A second conversation linked and
 *        undone is not among the standing links, so it counts nowhere.
 *
 * Current: opened 2 (INC-1, INC-3); resolved 2 (INC-1, INC-2); linked 4; median of [3, 1] by nearest rank = 1;
 *          4 ÷ 20 × 100 = 20 per 100.
 * Previous: opened 2 (INC-4, INC-2); resolved 1 (INC-4); linked 3; median of [2, 1] = 1; 3 ÷ 10 × 100 = 30.
 */
import { DateTime } from 'luxon';
import type { IncidentFact, IncidentLinkFact } from '../../../src/domain/reports/facts';

// ./history.ts imports this file, so its `at` cannot be imported back here: the same zone, local times to epoch ms.
const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Berlin' }).toMillis();

function incident(n: number, title: string, state: string, opened: string, resolved: string | null, linked: number): IncidentFact {
  return {
    trackerId: `tr-${n}`,
    ticketNumber: String(n),
    title,
    state,
    openedAt: at(opened),
    resolvedAt: resolved === null ? null : at(resolved),
    linked,
  };
}

export const INCIDENTS: IncidentFact[] = [
  incident(1, 'Login <b>outage</b> & "SSO"', 'resolved', '2026-03-24T09:00', '2026-03-26T15:00', 3),
  incident(2, '=cmd|"/c calc"!A1', 'resolved', '2026-03-20T10:00', '2026-03-30T12:00', 1),
  incident(3, 'Payments slow', 'in_progress', '2026-04-01T11:00', null, 1),
  incident(4, 'Email delays', 'resolved', '2026-03-10T08:00', '2026-03-12T08:00', 2),
];

const link = (n: number, when: string): IncidentLinkFact => ({ trackerId: `tr-${n}`, createdAt: at(when) });

export const INCIDENT_LINKS: IncidentLinkFact[] = [
  link(4, '2026-03-10T08:00'),
  link(4, '2026-03-11T08:00'),
  link(2, '2026-03-20T10:00'),
  link(1, '2026-03-24T09:00'),
  link(1, '2026-03-24T10:00'),
  link(1, '2026-03-25T09:00'),
  link(3, '2026-04-01T11:00'),
];
