/**
 * The customer's side of a workspace's settings (issue 20): which queues tell the customer when their case moves,
 * how often, in which words, what the Messenger card and the embed may show, and which sites may ask for it.
 * Part of the versioned settings (src/domain/settings.ts), so it is saved, audited and conflict-checked like the rest.
 */
import { z } from 'zod';
import { QUEUE_KEYS, type QueueKey, STATE_CATEGORIES, type StateCategory } from '../model';
import { LANGUAGES, type Language } from '../triage/language';
import { DEFAULT_TEMPLATES, templateProblem } from './templates';

const template = z.string().superRefine((text, ctx) => {
  const problem = templateProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const stateTemplates = z.object(Object.fromEntries(STATE_CATEGORIES.map((s) => [s, template])) as Record<StateCategory, typeof template>);

/** A case title a customer reads: plain text, short. */
const customerTitle = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((text) => !/[<>]/.test(text), 'Write plain text, without < or >');

/** An origin as browsers send it: scheme, host and optional port, nothing else (no path, no wildcard). */
const origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'Write an origin such as https://app.example.com (no path, no trailing slash)')
  .transform((value) => value.toLowerCase());

export const customerSettingsSchema = z.object({
  /** Queues whose tickets post automatic case updates to the customer; none by default (an admin opts in). */
  updateQueues: z.array(z.enum(QUEUE_KEYS)).max(QUEUE_KEYS.length),
  /** At most one update per conversation within this many minutes; later changes wait, and only the latest is told. */
  intervalMinutes: z.number().int().min(1).max(10_080),
  /** A state must hold this long before it is told: a ticket that flaps within it sends one message, or none. */
  collapseMinutes: z.number().int().min(0).max(120),
  /** Used when the conversation's language cannot be told, or has no template. */
  defaultLanguage: z.enum(LANGUAGES),
  templates: z.object(Object.fromEntries(LANGUAGES.map((l) => [l, stateTemplates])) as Record<Language, typeof stateTemplates>),
  /** What a customer sees as the title of a case in each queue (the ticket's own title is written for the team). */
  titles: z.object(Object.fromEntries(QUEUE_KEYS.map((q) => [q, customerTitle])) as Record<QueueKey, typeof customerTitle>),
  /** The "Your requests" Messenger app and the embed answer only when this is on. */
  messenger: z.enum(['off', 'on']),
  /** Sites allowed to call the embed's endpoint from a browser (CORS). */
  embedOrigins: z.array(origin).max(20),
});

export type CustomerSettings = z.infer<typeof customerSettingsSchema>;

export const DEFAULT_CUSTOMER_TITLES: Readonly<Record<QueueKey, string>> = {
  vip: 'Your priority request',
  technical: 'Your technical issue',
  account_risk: 'Your account request',
  billing_legal: 'Your billing question',
  default: 'Your request',
};

export function defaultCustomerSettings(): CustomerSettings {
  return {
    updateQueues: [],
    intervalMinutes: 30,
    collapseMinutes: 5,
    defaultLanguage: 'en',
    templates: structuredClone(DEFAULT_TEMPLATES) as CustomerSettings['templates'],
    titles: { ...DEFAULT_CUSTOMER_TITLES },
    messenger: 'off',
    embedOrigins: [],
  };
}
