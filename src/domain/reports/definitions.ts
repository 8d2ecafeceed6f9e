/**
 * The definition of every report figure, in the words the page shows behind each section's "How is this counted?"
 * and the README repeats: two leads reading the same number must mean the same thing by it.
 */
export const SECTION_IDS = ['escalation', 'incidents', 'attainment', 'backlog', 'speed', 'outcomes', 'triage'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  escalation: 'Escalation rate',
  incidents: 'Incidents',
  attainment: 'SLA attainment',
  backlog: 'Backlog and aging',
  speed: 'Speed',
  outcomes: 'Outcomes',
  triage: 'Triage',
};

/** Said under the incidents section and first among its definitions: the page's filters leave it as it is. */
export const INCIDENTS_NOT_FILTERED = 'Not filtered by queue, priority, tier or team: an incident spans them.';

export const DEFINITIONS: Readonly<Record<SectionId, readonly string[]>> = {
  escalation: [
    'Period: whole days in the workspace’s time zone, the first day’s 00:00 up to the 00:00 after the last day. The trend compares with the same number of days just before.',
    'Escalations: escalations submitted in the period (created, queued or failed alike).',
    'Conversations: conversations in which the Handoff sidebar was first opened in the period, each counted once ever. Filters do not apply to them (a conversation has no queue until it is escalated).',
    'Escalations per 100 conversations: escalations ÷ conversations × 100.',
    'Against advice: of the escalations with a recorded triage suggestion, the share where triage had recommended keeping the chat in chat.',
    'Conversations handled by incidents per 100 conversations: conversations linked to incidents in the period ÷ conversations × 100. Linking to an incident is not an escalation, so no conversation is counted in both rates.',
  ],
  incidents: [
    INCIDENTS_NOT_FILTERED,
    'Incidents opened: incidents started from Handoff, or existing tracker tickets first linked from Handoff, in the period (the earliest link that did not fail).',
    'Incidents resolved: incidents whose tracker ticket entered resolved in the period and is resolved now (a reopened one counts again when it resolves again).',
    'Conversations linked: links made in the period that still stand; links undone since, or that Intercom refused, are not counted.',
    'Linked conversations per incident: the median (nearest rank) of the conversations standing linked now to each incident opened in the period.',
  ],
  attainment: [
    'Judged on the tickets created in the period, as of now. A clock is met when it stopped (first response, or resolution) within its target; breached when its budget ran out, stopped or not; running otherwise (paused included).',
    'SLA met %: met ÷ (met + breached), so clocks still running neither help nor hurt.',
    'Ladder steps: steps that fired in the period, per clock: the warning to the owner, the escalation to the lead, and the breach (reassignment to the manager).',
    'Hours paused: calendar hours in the period during which a resolution clock stood paused (waiting on the customer), excluding time the ticket was resolved.',
  ],
  backlog: [
    'Open tickets: linked tickets not resolved, now. The trend compares with the tickets open at the start of the period.',
    'Age: from the ticket’s creation to now. In calendar days, and in business days: business hours as the SLA clocks count them (the workspace’s opening hours, time zone and holidays), divided by the average open time of an open weekday.',
    'Buckets include their lower bound: exactly 1 day old is in “1–3 days”.',
  ],
  speed: [
    'Business hours as the SLA clocks count them: time waiting on the customer is excluded.',
    'Time to first response: the response clock’s time when it stopped (the back-office team’s first note or assignment), counted in the period it stopped in.',
    'Time to resolution: the resolution clock’s time at the ticket’s first resolution, counted in the period of that resolution.',
    'Median and 90th percentile by nearest rank: the smallest time that at least half (nine in ten) of the tickets did not exceed.',
  ],
  outcomes: [
    'Tickets resolved: tickets with a resolution in the period (each counted once).',
    'Reopened after resolution: of those, the share reopened after that resolution (up to now).',
    'Escalations failed: escalations submitted in the period that created no ticket (Intercom refused it, or it ran out of retries).',
    'Dead-lettered: escalation work (create, note, share) queued in the period that ran out of retries. Not filtered.',
  ],
  triage: [
    'From the triage suggestion recorded with each escalation submitted in the period; suggestions where triage could not judge are left out.',
    'Queue kept: the agent escalated to the suggested queue. Priority kept: the agent kept the suggested priority.',
    'Corrections: suggested queue and priority → the agent’s choice, most common first.',
  ],
};
