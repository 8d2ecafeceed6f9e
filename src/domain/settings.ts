/**
 * Per-workspace settings: one zod schema gives validation (settings page,
 * store reads) and the TypeScript type. Defaults are seeded on first use.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { customerSettingsSchema, defaultCustomerSettings } from './customer-updates/settings';
import { PRIORITIES, QUEUE_KEYS, QUEUE_LABELS, STATE_CATEGORIES, TIERS } from './model';
import { BoundedMemo } from '../util/bounded-memo';

/**
 * luxon checks a zone by building an Intl formatter for it, which cost more than the rest of parsing a workspace's
 * settings: an SLA storm over a thousand workspaces parses each one's once. Zones are few; the bound keeps a stream
 * of hostile names from growing the memo.
 */
const zoneValidity = new BoundedMemo<string, boolean>(1_000);
const isValidZone = (zone: string) => zoneValidity.get(zone, (name) => IANAZone.isValidZone(name));

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, e.g. 09:00');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const keywordList = z.array(z.string().trim().min(1).max(60)).max(100);

export const queueSettingsSchema = z.object({
  label: z.string().trim().min(1).max(60),
  /** Intercom team id the queue's tickets are assigned to; null = unassigned. */
  teamId: z.string().min(1).nullable(),
  // Per-queue routing keywords were retired with keyword routing (the triage engine chooses the queue); settings
  // saved with them still parse, the unknown key is dropped.
});

export const slaTargetSchema = z.object({
  responseMinutes: z.number().int().positive().max(525_600),
  resolutionMinutes: z.number().int().positive().max(525_600),
});

// An overnight shift is two spans (22:00–24:00 and 00:00–06:00): a span must end after it starts.
const openSpan = z.object({ start: hhmm, end: hhmm }).refine((span) => span.end > span.start, {
  message: 'The closing time must be after the opening time',
  path: ['end'],
});
const weekday = z.array(openSpan).max(4);

export const businessHoursSchema = z.object({
  /** IANA zone, e.g. Europe/Berlin. */
  timezone: z.string().refine(isValidZone, 'Unknown time zone (use an IANA name such as Europe/Berlin)'),
  /** Opening intervals per weekday (mon…sun); an empty list = closed all day. */
  weekly: z.object({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekday, sun: weekday }),
  holidays: z.array(isoDate).max(366),
});

const tierMatrix = z.object(
  Object.fromEntries(TIERS.map((t) => [t, slaTargetSchema])) as Record<(typeof TIERS)[number], typeof slaTargetSchema>,
);

export const slaPolicySchema = z.object({
  businessHours: businessHoursSchema,
  /** Whether each clock counts business time or calendar time. */
  responseCounts: z.enum(['business', 'calendar']),
  resolutionCounts: z.enum(['business', 'calendar']),
  /** State categories in which the clocks pause. `resolved` always stops them. */
  pauseStates: z.array(z.enum(STATE_CATEGORIES)).max(3),
  targets: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, tierMatrix])) as Record<(typeof PRIORITIES)[number], typeof tierMatrix>),
  tightening: z.object({
    renewalWithinDays: z.number().int().min(0).max(365),
    factor: z.number().gt(0).max(1),
  }),
});

export const ladderSettingsSchema = z
  .object({
    warnAt: z.number().gt(0).lt(1),
    escalateAt: z.number().gt(0).lt(1),
    /** Intercom admin ids of the team lead (90 %) and manager (100 %). */
    leadAdminId: z.string().min(1).nullable(),
    managerAdminId: z.string().min(1).nullable(),
    /** At 90 %: assign the ticket to the lead, or only mention them in a note. */
    escalateAction: z.enum(['assign', 'mention']),
    /** Team that is the "SLA Breach" queue; null = keep the current team. */
    breachTeamId: z.string().min(1).nullable(),
  })
  .refine((ladder) => ladder.escalateAt > ladder.warnAt, {
    message: 'The escalate step must come after the warning',
    path: ['escalateAt'],
  });

export const signalSettingsSchema = z.object({
  /** Escalation keywords matched in customer messages (case-insensitive, whole words or phrases). */
  keywords: keywordList,
  /** Contact or company custom attribute holding the tier, and which values mean which tier. */
  tierAttribute: z.string().min(1).max(100),
  tierValues: z.object({ enterprise: keywordList, pro: keywordList }),
  /** Values of the tier attribute shown as VIP. */
  vipValues: keywordList,
  /** Contact or company custom attribute holding the renewal date (unix seconds or ISO date). */
  renewalAttribute: z.string().min(1).max(100),
  renewalWindowDays: z.number().int().min(1).max(365),
  /** Contact or company custom attribute that flags a high-risk account (truthy). */
  highRiskAttribute: z.string().min(1).max(100),
  /** Frustration score (0–10) at or above which frustration counts as a signal. */
  frustrationThreshold: z.number().min(0).max(10),
});

export const settingsAccessSchema = z.object({
  adminIds: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{1,20}$/, 'Intercom admin ids are digits'),
    )
    .max(100),
  roleNames: z.array(z.string().trim().min(1).max(60)).max(20),
  /** Teammates who may read the reports (settings admins always may); defaulted for settings saved before it. */
  reportViewerIds: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{1,20}$/, 'Intercom admin ids are digits'),
    )
    .max(100)
    .default([]),
});

export const workspaceSettingsSchema = z.object({
  /** Default back-office ticket type; null = the first Back-office type Intercom lists. */
  ticketTypeId: z.string().min(1).nullable(),
  /** Names of the ticket attributes that hold the priority and queue, when the type has them. */
  priorityAttribute: z.string().min(1).max(100).nullable(),
  queueAttribute: z.string().min(1).max(100).nullable(),
  queues: z.object(
    Object.fromEntries(QUEUE_KEYS.map((q) => [q, queueSettingsSchema])) as Record<(typeof QUEUE_KEYS)[number], typeof queueSettingsSchema>,
  ),
  signals: signalSettingsSchema,
  sla: slaPolicySchema,
  ladder: ladderSettingsSchema,
  /** What happens in the conversation when its ticket resolves. */
  resolveBehaviour: z.enum(['note_only', 'reopen', 'unsnooze']),
  /** Ticket snapshots older than this are re-read by the reconciliation job. */
  snapshotMaxAgeMinutes: z.number().int().min(1).max(1440),
  /** What happens to a workspace's data when the app is uninstalled. */
  retentionOnUninstall: z.enum(['keep', 'purge']),
  /**
   * Who may open the settings page besides the admin who installed Handoff: these Intercom admin ids, and
   * teammates whose Intercom role name (when Canvas Kit sends one) is listed. Defaulted so settings saved
   * before this field existed still parse.
   */
  access: settingsAccessSchema.default(() => ({ adminIds: [], roleNames: ['Owner', 'Admin'], reportViewerIds: [] })),
  /** What the customer hears and sees of their case (issue 20); defaulted so older settings still parse. */
  customer: customerSettingsSchema.default(defaultCustomerSettings),
});

export type QueueSettings = z.infer<typeof queueSettingsSchema>;
export type SlaTarget = z.infer<typeof slaTargetSchema>;
export type BusinessHours = z.infer<typeof businessHoursSchema>;
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export type LadderSettings = z.infer<typeof ladderSettingsSchema>;
export type SignalSettings = z.infer<typeof signalSettingsSchema>;
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;
export type SettingsAccess = z.infer<typeof settingsAccessSchema>;

const nineToSix = [{ start: '09:00', end: '18:00' }];

function target(responseMinutes: number, resolutionMinutes: number): SlaTarget {
  return { responseMinutes, resolutionMinutes };
}

/** Sensible defaults for a new workspace; every figure can be changed on the settings page. */
export function defaultSettings(timezone = 'UTC'): WorkspaceSettings {
  return {
    ticketTypeId: null,
    priorityAttribute: 'Priority',
    queueAttribute: 'Queue',
    queues: {
      vip: { label: QUEUE_LABELS.vip, teamId: null },
      technical: { label: QUEUE_LABELS.technical, teamId: null },
      account_risk: { label: QUEUE_LABELS.account_risk, teamId: null },
      billing_legal: { label: QUEUE_LABELS.billing_legal, teamId: null },
      default: { label: QUEUE_LABELS.default, teamId: null },
    },
    signals: {
      keywords: ['cancel', 'refund', 'chargeback', 'legal', 'lawyer', 'gdpr', 'outage', 'not working', 'data loss', 'security'],
      tierAttribute: 'tier',
      tierValues: { enterprise: ['enterprise', 'vip'], pro: ['pro', 'premium', 'business'] },
      vipValues: ['vip'],
      renewalAttribute: 'renewal_date',
      renewalWindowDays: 60,
      highRiskAttribute: 'high_risk',
      frustrationThreshold: 4,
    },
    sla: {
      businessHours: {
        timezone,
        weekly: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: [], sun: [] },
        holidays: [],
      },
      responseCounts: 'business',
      resolutionCounts: 'business',
      pauseStates: ['waiting_on_customer'],
      targets: {
        P1: { enterprise: target(30, 240), pro: target(60, 480), standard: target(120, 960) },
        P2: { enterprise: target(60, 480), pro: target(120, 960), standard: target(240, 1440) },
        P3: { enterprise: target(240, 1440), pro: target(480, 2400), standard: target(480, 2880) },
        P4: { enterprise: target(480, 2880), pro: target(960, 4320), standard: target(1440, 7200) },
      },
      tightening: { renewalWithinDays: 45, factor: 0.5 },
    },
    ladder: { warnAt: 0.75, escalateAt: 0.9, leadAdminId: null, managerAdminId: null, escalateAction: 'assign', breachTeamId: null },
    resolveBehaviour: 'reopen',
    snapshotMaxAgeMinutes: 15,
    retentionOnUninstall: 'keep',
    access: { adminIds: [], roleNames: ['Owner', 'Admin'], reportViewerIds: [] },
    customer: defaultCustomerSettings(),
  };
}

/** Parses stored settings, filling anything missing from the defaults (settings saved by older versions). */
export function parseSettings(raw: unknown, timezone = 'UTC'): WorkspaceSettings {
  const defaults = defaultSettings(timezone);
  const merged = raw && typeof raw === 'object' ? deepMerge(defaults, raw as Record<string, unknown>) : defaults;
  return workspaceSettingsSchema.parse(merged);
}

function deepMerge<T>(base: T, patch: Record<string, unknown>): T {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    const bothObjects =
      current && value && typeof current === 'object' && typeof value === 'object' && !Array.isArray(current) && !Array.isArray(value);
    out[key] = bothObjects ? deepMerge(current, value as Record<string, unknown>) : value;
  }
  return out as T;
}
