/**
 * The settings page's sections and their fields. Each section is its own form,
 * saved on its own (so an error in one never holds up another), and these
 * definitions are the only paths a form can write: a POST can change nothing
 * that is not listed here, whatever fields it carries.
 */
import { PRIORITIES, QUEUE_KEYS, QUEUE_LABELS, STATE_CATEGORIES, STATE_LABELS, TIERS } from '../../domain/model';
import { LANGUAGE_NAMES } from '../../domain/customer-updates/templates';
import { LANGUAGES } from '../../domain/triage/language';
import type { FieldKind } from './field-codec';

export const SECTION_IDS = ['tickets', 'routing', 'sla', 'ladder', 'customer', 'access'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface FieldDef {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
}

export interface SectionDef {
  id: SectionId;
  title: string;
  fields: readonly FieldDef[];
}

export const WEEKDAYS = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
] as const;

const f = (name: string, label: string, kind: FieldKind, hint?: string): FieldDef =>
  hint ? { name, label, kind, hint } : { name, label, kind };
const LIST_HINT = 'Separate with commas';

const tickets: SectionDef = {
  id: 'tickets',
  title: 'Back-office tickets',
  fields: [
    f('ticketTypeId', 'Default ticket type', 'optional', 'Preselected on the escalate form'),
    f('priorityAttribute', 'Ticket attribute that holds the priority', 'optional', 'Leave empty if the ticket type has none'),
    f('queueAttribute', 'Ticket attribute that holds the queue', 'optional', 'Leave empty if the ticket type has none'),
  ],
};

const routing: SectionDef = {
  id: 'routing',
  title: 'Queues and routing',
  fields: [
    ...QUEUE_KEYS.flatMap((q) => [
      f(`queues.${q}.label`, `${QUEUE_LABELS[q]}: name shown to agents`, 'text'),
      f(`queues.${q}.teamId`, `${QUEUE_LABELS[q]}: Intercom team`, 'optional'),
    ]),
    f('signals.keywords', 'Escalation keywords', 'list', LIST_HINT),
    f('signals.tierAttribute', 'Tier attribute (contact or company)', 'text'),
    f('signals.tierValues.enterprise', 'Values that mean Enterprise', 'list', LIST_HINT),
    f('signals.tierValues.pro', 'Values that mean Pro', 'list', LIST_HINT),
    f('signals.vipValues', 'Values shown as VIP', 'list', LIST_HINT),
    f('signals.renewalAttribute', 'Renewal date attribute', 'text'),
    f('signals.renewalWindowDays', 'Renewal counts as a signal within (days)', 'int'),
    f('signals.highRiskAttribute', 'High-risk flag attribute', 'text'),
    f('signals.frustrationThreshold', 'Frustration threshold (0–10)', 'number'),
  ],
};

const sla: SectionDef = {
  id: 'sla',
  title: 'SLA policy',
  fields: [
    ...PRIORITIES.flatMap((p) =>
      TIERS.flatMap((t) => [
        f(`sla.targets.${p}.${t}.responseMinutes`, `${p} ${t}: response (minutes)`, 'int'),
        f(`sla.targets.${p}.${t}.resolutionMinutes`, `${p} ${t}: resolution (minutes)`, 'int'),
      ]),
    ),
    f('sla.responseCounts', 'Response clock counts', 'text'),
    f('sla.resolutionCounts', 'Resolution clock counts', 'text'),
    f('sla.businessHours.timezone', 'Time zone', 'text', 'An IANA name, e.g. Europe/Berlin'),
    ...WEEKDAYS.map(([key, day]) => f(`sla.businessHours.weekly.${key}`, day, 'spans', 'e.g. 09:00-18:00; empty = closed')),
    f('sla.businessHours.holidays', 'Holidays', 'list', 'Dates as YYYY-MM-DD, separated by commas'),
    f('sla.pauseStates', 'Clocks pause while the ticket is', 'multi'),
    f('sla.tightening.renewalWithinDays', 'Tighten when renewal is within (days)', 'int'),
    f('sla.tightening.factor', 'Tightened targets are this share of normal', 'number', 'e.g. 0.5 halves them'),
  ],
};

const ladder: SectionDef = {
  id: 'ladder',
  title: 'Breach ladder and resolution',
  fields: [
    f('ladder.warnAt', 'Warn the owner at (% of target)', 'percent'),
    f('ladder.escalateAt', 'Escalate to the lead at (% of target)', 'percent'),
    f('ladder.leadAdminId', 'Team lead', 'optional'),
    f('ladder.escalateAction', 'At the escalate step', 'text'),
    f('ladder.managerAdminId', 'Manager (takes over at 100 %)', 'optional'),
    f('ladder.breachTeamId', 'SLA breach team', 'optional', 'Breached tickets move here; none = keep their team'),
    f('resolveBehaviour', 'When a back-office ticket resolves', 'text'),
  ],
};

/** The customer's side (issue 20): automatic case updates, the Messenger card and the embed. */
const customer: SectionDef = {
  id: 'customer',
  title: 'The customer’s side',
  fields: [
    f(
      'customer.updateQueues',
      'Queues whose customers are told when their case moves',
      'multi',
      'None by default: nothing is sent until you opt in',
    ),
    f(
      'customer.collapseMinutes',
      'Tell a new state once it has held for (minutes)',
      'int',
      'A ticket that moves back and forth within this time sends one message, or none',
    ),
    f('customer.intervalMinutes', 'At most one update per conversation every (minutes)', 'int'),
    f('customer.defaultLanguage', 'Language when the conversation’s cannot be told', 'text'),
    ...LANGUAGES.flatMap((language) =>
      STATE_CATEGORIES.map((state) =>
        f(
          `customer.templates.${language}.${state}`,
          `${LANGUAGE_NAMES[language]}: ${STATE_LABELS[state]}`,
          'text',
          'Plain text; placeholders {{state}} (the state’s customer-facing label), {{reference}} (#ticket number), {{title}}',
        ),
      ),
    ),
    ...QUEUE_KEYS.map((q) => f(`customer.titles.${q}`, `${QUEUE_LABELS[q]}: title the customer sees`, 'text')),
    f('customer.messenger', '“Your requests” in the Messenger and the embed', 'text'),
    f('customer.embedOrigins', 'Sites allowed to show the embed', 'list', 'Origins such as https://app.example.com, separated by commas'),
  ],
};

const access: SectionDef = {
  id: 'access',
  title: 'Access and data',
  fields: [
    f('access.adminIds', 'Admins who may change these settings', 'multi', 'Besides the admin who installed Handoff'),
    f('access.roleNames', 'Intercom roles that may change these settings', 'list', LIST_HINT),
    f('access.reportViewerIds', 'Teammates who may read the reports', 'multi', 'Besides everyone who may change these settings'),
    f('retentionOnUninstall', 'When Handoff is uninstalled', 'text'),
    f('snapshotMaxAgeMinutes', 'Re-read ticket snapshots older than (minutes)', 'int'),
  ],
};

export const SECTIONS: readonly SectionDef[] = [tickets, routing, sla, ladder, customer, access];

export function sectionById(id: string): SectionDef | undefined {
  return SECTIONS.find((section) => section.id === id);
}

/** Every field by name, for labels in the audit and the error summary. */
export const FIELDS_BY_NAME: ReadonlyMap<string, FieldDef> = new Map(SECTIONS.flatMap((s) => s.fields.map((d) => [d.name, d] as const)));
