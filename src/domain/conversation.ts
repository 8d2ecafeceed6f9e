/**
 * Normalises Intercom's REST conversation, contact and company (from a Canvas Kit request body or the REST API)
 * into the small views the domain reads. Parsing is tolerant on purpose: Intercom mixes id types across versions,
 * Canvas Kit bodies often omit `conversation_parts`, and a field with an unexpected type is dropped rather than
 * failing the sidebar. Only a missing `id` is an error.
 */
import { z } from 'zod';
import { htmlToText } from './text';

export type AuthorType = 'customer' | 'agent' | 'bot' | 'system';

export interface Part {
  readonly id: string;
  readonly authorType: AuthorType;
  readonly authorName: string | null;
  /** Epoch ms; a part without a time inherits the conversation's, so ordering stays stable. */
  readonly createdAt: number;
  /** Plain text (HTML converted by `htmlToText`); not masked: masking happens where text leaves the app. */
  readonly text: string;
  readonly attachments: readonly { name: string; url: string }[];
  /** Intercom's `part_type` (`comment`, `note`, `assignment`, …); `source` for the first message. */
  readonly partType: string;
}

export interface ConversationView {
  readonly id: string;
  readonly createdAt: number | null;
  readonly title: string | null;
  readonly sourcePart: Part | null;
  /** Chronological, source first. */
  readonly parts: readonly Part[];
  /** Intercom's `total_count` when given: a REST read returns at most the 500 most recent parts. */
  readonly totalPartCount: number;
  readonly contactId: string | null;
  readonly customAttributes: Readonly<Record<string, unknown>>;
}

export interface ContactView {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly externalId: string | null;
  readonly role: string | null;
  readonly customAttributes: Readonly<Record<string, unknown>>;
  readonly browser: string | null;
  readonly os: string | null;
  readonly location: string | null;
  readonly createdAt: number | null;
}

export interface CompanyView {
  readonly id: string;
  readonly companyId: string | null;
  readonly name: string | null;
  readonly plan: string | null;
  readonly customAttributes: Readonly<Record<string, unknown>>;
  readonly monthlySpend: number | null;
}

/**
 * Epoch ms from Intercom's unix seconds, from ms, or from an ISO date/time string. Numbers below 1e11 are seconds
 * (1e11 s is the year 5138; 1e11 ms is 1973), which is how custom date attributes written by other tools are read.
 */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? (value < 1e11 ? value * 1000 : value) : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return toEpochMs(Number(trimmed));
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(parsed) ? null : parsed;
}

const id = z.union([z.string().min(1), z.number()]).transform((v) => String(v));
/** A field we read but can live without: wrong types become `undefined` instead of failing the whole payload. */
const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);
const text = lenient(z.string());
const attributes = lenient(z.record(z.string(), z.unknown()));

const attachmentSchema = z.looseObject({ name: text, url: text });
const authorSchema = z.looseObject({ type: text, name: text, from_ai_agent: lenient(z.boolean()), is_ai_answer: lenient(z.boolean()) });
const partSchema = z.looseObject({
  id: lenient(id),
  part_type: text,
  body: text,
  created_at: lenient(z.unknown()),
  author: lenient(authorSchema),
  attachments: lenient(z.array(z.unknown())),
  redacted: lenient(z.boolean()),
});
type RawPart = z.infer<typeof partSchema>;

const conversationSchema = z.looseObject({
  id,
  title: text,
  created_at: lenient(z.unknown()),
  source: lenient(partSchema.extend({ subject: text })),
  contacts: lenient(z.unknown()),
  conversation_parts: lenient(z.looseObject({ conversation_parts: lenient(z.array(z.unknown())), total_count: lenient(z.number()) })),
  custom_attributes: attributes,
});

function authorTypeOf(raw: RawPart, hasContent: boolean): AuthorType {
  if (!hasContent) return 'system'; // assignment, open/close, snooze…: timeline only
  if (raw.author?.from_ai_agent || raw.author?.is_ai_answer) return 'bot';
  switch (raw.author?.type) {
    case 'user':
    case 'lead':
    case 'contact':
      return 'customer';
    case 'admin':
    case 'team':
      return 'agent';
    case 'bot':
      return 'bot';
    default:
      return 'system';
  }
}

function attachmentsOf(raw: readonly unknown[] | null | undefined): { name: string; url: string }[] {
  const out: { name: string; url: string }[] = [];
  for (const item of raw ?? []) {
    const parsed = attachmentSchema.safeParse(item);
    if (parsed.success && parsed.data.url) out.push({ name: parsed.data.name || 'attachment', url: parsed.data.url });
  }
  return out;
}

function toPart(raw: RawPart, fallbackId: string, partType: string, fallbackTime: number): Part {
  const body = raw.redacted && !raw.body ? '(message redacted)' : htmlToText(raw.body ?? '');
  const attachments = attachmentsOf(raw.attachments);
  return {
    id: raw.id ?? fallbackId,
    authorType: authorTypeOf(raw, body !== '' || attachments.length > 0),
    authorName: raw.author?.name?.trim() || null,
    createdAt: toEpochMs(raw.created_at) ?? fallbackTime,
    text: body,
    attachments,
    partType,
  };
}

const contactRefSchema = z.looseObject({ id });

/** `contacts` is `{type:"contact.list", contacts:[…]}` in REST and sometimes a bare array in older captures. */
function firstContactId(raw: unknown): string | null {
  const list = Array.isArray(raw) ? raw : (raw as { contacts?: unknown } | null | undefined)?.contacts;
  if (!Array.isArray(list)) return null;
  for (const entry of list) {
    const parsed = contactRefSchema.safeParse(entry);
    if (parsed.success) return parsed.data.id;
  }
  return null;
}

/** Parses a REST conversation. Throws a `ZodError` only when the payload is not an object with an id. */
export function parseConversation(raw: unknown): ConversationView {
  const c = conversationSchema.parse(raw);
  const createdAt = toEpochMs(c.created_at) ?? toEpochMs(c.source?.created_at);
  const baseTime = createdAt ?? 0;
  const sourcePart = c.source ? toPart({ ...c.source, created_at: c.source.created_at ?? createdAt }, 'source', 'source', baseTime) : null;
  const parts: Part[] = sourcePart ? [sourcePart] : [];
  const rawParts = c.conversation_parts?.conversation_parts ?? [];
  rawParts.forEach((item, index) => {
    const parsed = partSchema.safeParse(item);
    if (parsed.success) parts.push(toPart(parsed.data, `part-${index}`, parsed.data.part_type || 'comment', baseTime));
  });
  // Intercom lists parts oldest first, but webhooks and merges can interleave; the sort is stable, so ties keep order.
  parts.sort((a, b) => a.createdAt - b.createdAt);
  const title = c.title?.trim() || (c.source?.subject ? htmlToText(c.source.subject) : '') || null;
  return {
    id: c.id,
    createdAt,
    title,
    sourcePart,
    parts,
    totalPartCount: Math.max(c.conversation_parts?.total_count ?? 0, rawParts.length) + (sourcePart ? 1 : 0),
    contactId: firstContactId(c.contacts),
    customAttributes: c.custom_attributes ?? {},
  };
}

/** A reply the customer can see, from a teammate or a bot (internal notes and assignments are not answers). */
export function isReplyToCustomer(part: Part): boolean {
  if (part.authorType !== 'agent' && part.authorType !== 'bot') return false;
  return !part.partType.includes('note') && !part.partType.includes('assign');
}

const contactSchema = z.looseObject({
  id,
  name: text,
  email: text,
  external_id: lenient(id),
  role: text,
  custom_attributes: attributes,
  browser: text,
  browser_version: text,
  os: text,
  location: lenient(z.looseObject({ city: text, region: text, country: text })),
  created_at: lenient(z.unknown()),
});

/** Parses a REST contact (`GET /contacts/{id}` or the Canvas Kit `contact`/legacy `customer`). */
export function parseContact(raw: unknown): ContactView {
  const c = contactSchema.parse(raw);
  const place = [c.location?.city, c.location?.region, c.location?.country].filter((p): p is string => Boolean(p?.trim()));
  return {
    id: c.id,
    name: c.name?.trim() || null,
    email: c.email?.trim() || null,
    externalId: c.external_id ?? null,
    role: c.role ?? null,
    customAttributes: c.custom_attributes ?? {},
    browser: c.browser ? [c.browser, c.browser_version].filter(Boolean).join(' ') : null,
    os: c.os || null,
    location: [...new Set(place)].join(', ') || null,
    createdAt: toEpochMs(c.created_at),
  };
}

const companySchema = z.looseObject({
  id,
  company_id: lenient(id),
  name: text,
  // `plan` is `{type:"plan", id, name}` in REST and a bare name in some webhook payloads.
  plan: lenient(z.union([z.string(), z.looseObject({ name: text })])),
  custom_attributes: attributes,
  monthly_spend: lenient(z.number()),
});

function toCompany(c: z.infer<typeof companySchema>): CompanyView {
  const plan = typeof c.plan === 'string' ? c.plan : c.plan?.name;
  return {
    id: c.id,
    companyId: c.company_id ?? null,
    name: c.name?.trim() || null,
    plan: plan?.trim() || null,
    customAttributes: c.custom_attributes ?? {},
    monthlySpend: c.monthly_spend ?? null,
  };
}

/** Parses a REST company. */
export function parseCompany(raw: unknown): CompanyView {
  return toCompany(companySchema.parse(raw));
}

/** `GET /contacts/{id}/companies` answers `{type:"list", companies:[…]}`; other lists use `data`. Bad entries are skipped. */
export function parseCompanies(raw: unknown): CompanyView[] {
  const envelope = (raw ?? {}) as { companies?: unknown; data?: unknown };
  const list = Array.isArray(raw) ? raw : Array.isArray(envelope.companies) ? envelope.companies : envelope.data;
  if (!Array.isArray(list)) return [];
  const out: CompanyView[] = [];
  for (const item of list) {
    const parsed = companySchema.safeParse(item);
    if (parsed.success) out.push(toCompany(parsed.data));
  }
  return out;
}
