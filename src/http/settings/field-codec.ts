/**
 * Form fields ↔ settings values. A field's `name` is its dotted path in
 * WorkspaceSettings (`sla.targets.P1.enterprise.responseMinutes`), so a zod
 * issue's path leads straight back to the field that caused it. Each kind
 * formats a value for an input and parses what the browser sent back, with a
 * message a person can act on when it cannot.
 */

export type FieldKind =
  | 'text' // trimmed string
  | 'optional' // '' → null (a "none" choice in a select, or an empty input)
  | 'list' // comma- or newline-separated → string[]
  | 'int'
  | 'number'
  | 'percent' // 75 in the form, 0.75 in the settings
  | 'spans' // '09:00-12:00, 13:00-18:00' → [{start, end}]; empty = closed
  | 'multi'; // checkbox group → string[]

export type FormValue = string | string[];
export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const SPAN = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

export function formatValue(kind: FieldKind, value: unknown): FormValue {
  switch (kind) {
    case 'list':
      return Array.isArray(value) ? value.map(String).join(', ') : '';
    case 'multi':
      return Array.isArray(value) ? value.map(String) : [];
    case 'percent':
      return typeof value === 'number' ? String(Math.round(value * 10_000) / 100) : '';
    case 'spans':
      return Array.isArray(value) ? value.map((s: { start: string; end: string }) => `${s.start}-${s.end}`).join(', ') : '';
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

export function parseValue(kind: FieldKind, raw: FormValue | undefined): Parsed {
  // Checkbox values never hold commas; a plain text fallback of the same field may, so split both alike.
  if (kind === 'multi') return { ok: true, value: (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).flatMap(splitList) };
  // A repeated single field (a tampered form) counts as its last value.
  const text = (Array.isArray(raw) ? (raw[raw.length - 1] ?? '') : (raw ?? '')).trim();
  switch (kind) {
    case 'text':
      return { ok: true, value: text };
    case 'optional':
      return { ok: true, value: text === '' ? null : text };
    case 'list':
      return { ok: true, value: splitList(text) };
    case 'int':
      return /^-?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: 'Enter a whole number' };
    case 'number':
      return text !== '' && Number.isFinite(Number(text)) ? { ok: true, value: Number(text) } : { ok: false, message: 'Enter a number' };
    case 'percent':
      return text !== '' && Number.isFinite(Number(text))
        ? { ok: true, value: Number(text) / 100 }
        : { ok: false, message: 'Enter a percentage, e.g. 75' };
    case 'spans':
      return parseSpans(text);
  }
}

export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseSpans(text: string): Parsed {
  const spans: { start: string; end: string }[] = [];
  for (const part of splitList(text)) {
    const match = SPAN.exec(part);
    if (!match) return { ok: false, message: 'Use opening hours like 09:00-17:30, separated by commas; leave empty when closed' };
    spans.push({ start: `${match[1]!.padStart(2, '0')}:${match[2]}`, end: `${match[3]!.padStart(2, '0')}:${match[4]}` });
  }
  return { ok: true, value: spans };
}

export function getPath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Sets a value at a dotted path, creating plain objects on the way (the draft is a fresh clone). */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
