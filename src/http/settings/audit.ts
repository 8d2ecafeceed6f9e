/**
 * The change history shown on the settings page: for each saved version, who
 * saved it, when, and each changed field as "before → after", in the same
 * words the form uses. Settings written by older versions are normalised
 * first, so a field added since then does not show up as a change.
 */
import { DateTime } from 'luxon';
import { parseSettings } from '../../domain/settings';
import type { SettingsAuditEntry } from '../../store';
import { formatValue, getPath } from './field-codec';
import { html, type SafeHtml } from './html';
import { SECTIONS } from './sections';

/** Intercom names for the ids some fields hold, so the history says "Billing team", not "5005". */
export interface NameBook {
  teams: ReadonlyMap<string, string>;
  admins: ReadonlyMap<string, string>;
  ticketTypes: ReadonlyMap<string, string>;
}

const EMPTY_BOOK: NameBook = { teams: new Map(), admins: new Map(), ticketTypes: new Map() };

function namesFor(field: string, book: NameBook): ReadonlyMap<string, string> | null {
  if (/^queues\.\w+\.teamId$|^ladder\.breachTeamId$/.test(field)) return book.teams;
  if (/^ladder\.(lead|manager)AdminId$|^access\.adminIds$/.test(field)) return book.admins;
  return field === 'ticketTypeId' ? book.ticketTypes : null;
}

function named(value: string | string[], names: ReadonlyMap<string, string> | null): string | string[] {
  if (!names) return value;
  const one = (id: string) => (names.has(id) ? `${names.get(id)} (${id})` : id);
  return Array.isArray(value) ? value.map(one) : value === '' ? value : one(value);
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

function shown(value: string | string[]): string {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === '' ? '(empty)' : text;
}

function normalised(raw: unknown, timezone: string): unknown {
  try {
    return parseSettings(raw, timezone);
  } catch {
    return raw;
  }
}

export function diffSettings(beforeRaw: unknown, afterRaw: unknown, timezone: string, book: NameBook = EMPTY_BOOK): FieldChange[] {
  const before = normalised(beforeRaw, timezone);
  const after = normalised(afterRaw, timezone);
  const changes: FieldChange[] = [];
  for (const section of SECTIONS) {
    for (const field of section.fields) {
      const a = formatValue(field.kind, getPath(before, field.name));
      const b = formatValue(field.kind, getPath(after, field.name));
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      const names = namesFor(field.name, book);
      changes.push({ label: field.label, before: shown(named(a, names)), after: shown(named(b, names)) });
    }
  }
  return changes;
}

export function formatWhen(at: number, timezone: string): string {
  const when = DateTime.fromMillis(at, { zone: timezone });
  return `${when.toFormat('LLL d, yyyy, h:mm a')} ${when.offsetNameShort ?? timezone}`;
}

export function renderAudit(entries: readonly SettingsAuditEntry[], book: NameBook, timezone: string): SafeHtml {
  if (entries.length === 0) return html`<p class="muted">No changes saved yet; the defaults are in effect.</p>`;
  const rows = entries.map((entry) => {
    const who = entry.adminId ? (book.admins.get(entry.adminId) ?? `Admin ${entry.adminId}`) : 'Handoff';
    const changes = diffSettings(entry.before, entry.after, timezone, book);
    return html`<li class="audit-entry"><p><strong>Version ${entry.version}</strong> · ${who} · <time datetime="${new Date(
      entry.at,
    ).toISOString()}">${formatWhen(entry.at, timezone)}</time></p>${
      changes.length === 0
        ? html`<p class="muted">No visible change.</p>`
        : html`<ul class="changes">${changes.map(
            (c) => html`<li><span class="change-label">${c.label}</span>: <del>${c.before}</del> → <ins>${c.after}</ins></li>`,
          )}</ul>`
    }</li>`;
  });
  return html`<ol class="audit" reversed>${rows}</ol>`;
}
