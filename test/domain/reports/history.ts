/**
 * A small history built by hand, in Europe/Berlin with business hours Mon–Fri 09:00–17:00, across the spring-forward
 * night (29 March 2026) and a holiday (Good Friday, 3 April 2026). Every figure the report test expects is worked
 * out in the comments next to the events that make it.
 */
import { DateTime } from 'luxon';
import type { ClockKind, LadderStep, StateCategory, Tier } from '../../../src/domain/model';
import { defaultSettings, type SlaPolicy } from '../../../src/domain/settings';
import { applyTicketState, type ClockState, markFirstResponse, startClock } from '../../../src/domain/sla';
import type { ReportInput, StateEvent, TicketFact } from '../../../src/domain/reports/facts';
import { FIRING_SLOTS, firingSlot, NO_FILTERS } from '../../../src/domain/reports/facts';
import { parsePeriod } from '../../../src/domain/reports/period';
import { type TicketFigures, ticketFigures } from '../../../src/domain/reports/ticket-figures';
import { INCIDENT_LINKS, INCIDENTS } from './incident-history';

export const ZONE = 'Europe/Berlin';
export const HOUR = 3_600_000;
export const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();

export const policy: SlaPolicy = (() => {
  const sla = defaultSettings(ZONE).sla;
  const office = [{ start: '09:00', end: '17:00' }];
  return {
    ...sla,
    businessHours: {
      timezone: ZONE,
      weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
      holidays: ['2026-04-03'],
    },
  };
})();

/** Monday 6 April 2026, 10:00: the report is read then. */
export const NOW = at('2026-04-06T10:00');

function clocks(createdAt: number, targets: { response: number; resolution: number }) {
  const start = (kind: 'response' | 'resolution') =>
    startClock({
      kind,
      ticketCreatedAt: createdAt,
      targetMs: targets[kind] * 60_000,
      tightening: null,
      meterMode: 'business',
      now: createdAt,
    });
  return { response: start('response'), resolution: start('resolution') };
}

interface Step {
  at: string;
  state?: StateCategory;
  firstResponse?: true;
}

/** Replays state changes and first responses the way the SLA service applies them to both clocks. */
function replay(c: { response: ClockState; resolution: ClockState }, steps: Step[]) {
  let { response, resolution } = c;
  const events: StateEvent[] = [];
  let last: StateCategory = 'submitted';
  for (const step of steps) {
    const t = at(step.at);
    if (step.firstResponse) response = markFirstResponse(response, t);
    if (step.state) {
      if (step.state === 'resolved') events.push({ kind: 'resolved', at: t });
      else if (last === 'resolved') events.push({ kind: 'reopened', at: t });
      last = step.state;
      response = applyTicketState(response, step.state, t, policy);
      resolution = applyTicketState(resolution, step.state, t, policy);
    }
  }
  return { response, resolution, events };
}

type Snapshot = Omit<TicketFact, keyof TicketFigures | 'ticketId'>;
interface Replayed {
  tier: Tier;
  response: ClockState;
  resolution: ClockState;
  events: StateEvent[];
}

/** The ticket as the report reads it: its clocks and events turned into the figures the store keeps. */
/** A ticket's firing counts in one period, as the store's tally gives them: one per (step, clock kind) fired. */
function fired(...steps: [LadderStep, ClockKind][]): number[] {
  const counts = FIRING_SLOTS.map(() => 0);
  for (const [step, kind] of steps) counts[firingSlot(step, kind)]! += 1;
  return counts;
}

function ticket(id: string, fields: Snapshot & Replayed): TicketFact {
  const { tier, response, resolution, events, ...snapshot } = fields;
  return {
    ticketId: id,
    ...snapshot,
    ...ticketFigures({ response, resolution, tier }, events, policy),
  };
}

// T1: P2 standard (response 240 min, resolution 1440 min), created Monday 23 March 10:00 (CET).
// First response 12:00 → 2 business hours, met. Waiting on the customer Tue 09:00 → Wed 09:00 (24 h paused).
// Resolved Thu 26 March 14:00: Mon 7 h + Wed 8 h + Thu 5 h = 20 business hours, met. Reopened Mon 30 March 10:00
// (CEST, after the clocks went forward), resolved again 12:00.
const t1 = replay(clocks(at('2026-03-23T10:00'), { response: 240, resolution: 1440 }), [
  { at: '2026-03-23T12:00', firstResponse: true, state: 'in_progress' },
  { at: '2026-03-24T09:00', state: 'waiting_on_customer' },
  { at: '2026-03-25T09:00', state: 'in_progress' },
  { at: '2026-03-26T14:00', state: 'resolved' },
  { at: '2026-03-30T10:00', state: 'in_progress' },
  { at: '2026-03-30T12:00', state: 'resolved' },
]);

// T2: P1 enterprise (response 30 min, resolution 240 min), created Thursday 2 April 16:00, still new. By now the
// clocks have run Thu 16:00–17:00 and Mon 09:00–10:00 (Good Friday and the weekend closed): 2 business hours, so
// the response clock is breached and the resolution clock is still running. Calendar age 3 d 18 h; business age
// 2 h = 0.25 business days.
const t2 = replay(clocks(at('2026-04-02T16:00'), { response: 30, resolution: 240 }), []);

// T3: P3 pro (response 480 min, resolution 2400 min), created Wednesday 18 March 10:00 (previous period). First
// response 11:00 (1 business hour). Waiting on the customer since Thu 19 March 10:00, still. Paused in the previous
// period: to Mon 23 March 00:00 = 86 h; in the current period: all of it, 14 days less the hour DST skipped = 335 h.
// Business age by now: Wed 7 + Thu 8 + Fri 8 + 40 + (Mon–Thu) 32 + Mon 1 = 96 h = 12 business days.
const t3 = replay(clocks(at('2026-03-18T10:00'), { response: 480, resolution: 2400 }), [
  { at: '2026-03-18T11:00', firstResponse: true, state: 'in_progress' },
  { at: '2026-03-19T10:00', state: 'waiting_on_customer' },
]);

export const TICKETS: TicketFact[] = [
  ticket('tk-1', {
    createdAt: at('2026-03-23T10:00'),
    state: 'resolved',
    isOpen: false,
    priority: 'P2',
    queue: 'technical',
    teamId: 'team-a',
    tier: 'standard',
    ...t1,
  }),
  ticket('tk-2', {
    createdAt: at('2026-04-02T16:00'),
    state: 'submitted',
    isOpen: true,
    priority: 'P1',
    queue: 'vip',
    teamId: 'team-b',
    tier: 'enterprise',
    ...t2,
  }),
  ticket('tk-3', {
    createdAt: at('2026-03-18T10:00'),
    state: 'waiting_on_customer',
    isOpen: true,
    priority: 'P3',
    queue: 'billing_legal',
    teamId: 'team-a',
    tier: 'pro',
    ...t3,
  }),
];

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const period = parsePeriod({ from: '2026-03-23', to: '2026-04-05' }, NOW, ZONE);
  if (!period.ok) throw new Error(period.message);
  return {
    now: NOW,
    zone: ZONE,
    policy,
    current: period.choice.current,
    previous: period.choice.previous,
    filters: NO_FILTERS,
    tickets: TICKETS,
    escalations: [
      {
        id: 'esc-1',
        ticketId: 'tk-1',
        status: 'linked',
        createdAt: at('2026-03-23T10:00'),
        queue: 'technical',
        priority: 'P2',
      },
      {
        id: 'esc-2',
        ticketId: 'tk-2',
        status: 'linked',
        createdAt: at('2026-04-02T16:00'),
        queue: 'vip',
        priority: 'P1',
      },
      {
        id: 'esc-3',
        ticketId: null,
        status: 'failed',
        createdAt: at('2026-03-25T12:00'),
        queue: 'default',
        priority: 'P4',
      },
      {
        id: 'esc-4',
        ticketId: 'tk-3',
        status: 'linked',
        createdAt: at('2026-03-18T10:00'),
        queue: 'billing_legal',
        priority: 'P3',
      },
    ],
    // tk-2's response clock fired every step on Thu 2 April (current period): warn 16:23, escalate 16:27, breach 16:30.
    firings: [
      { ticketId: 'tk-2', current: fired(['warn', 'response'], ['escalate', 'response'], ['breach', 'response']), previous: fired() },
    ],
    feedback: [
      feedback('esc-1', '2026-03-23T10:00', 'technical_bugs', 'P2', 'technical', 'P2', false),
      feedback('esc-2', '2026-04-02T16:00', 'stay_in_chat', null, 'vip', 'P1', true),
      feedback('esc-4', '2026-03-18T10:00', 'billing_legal', 'P2', 'billing_legal', 'P3', false),
    ],
    deadJobs: [{ kind: 'escalation.post_note', createdAt: at('2026-03-24T08:00') }],
    incidents: INCIDENTS,
    incidentLinks: INCIDENT_LINKS,
    seen: { current: 20, previous: 10 },
    ...overrides,
  };
}

function feedback(
  escalationId: string,
  when: string,
  suggestedOutcome: string,
  suggestedPriority: 'P1' | 'P2' | null,
  finalQueue: 'technical' | 'vip' | 'billing_legal',
  finalPriority: 'P1' | 'P2' | 'P3',
  overrodeKeepInChat: boolean,
) {
  return {
    escalationId,
    createdAt: at(when),
    judged: true,
    suggestedOutcome,
    suggestedPriority,
    finalQueue,
    finalPriority,
    overrodeKeepInChat,
  };
}
