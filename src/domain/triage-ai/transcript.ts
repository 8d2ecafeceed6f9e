/**
 * The transcript the AI provider receives: every message masked (emails, card numbers, secrets), each cut to a
 * bounded length, the whole cut to `maxChars` by leaving out the oldest messages after the first (the opening usually
 * states the case, the latest say where it stands). Encoded as JSON with `<`, `>` and `&` escaped, so no customer
 * text can close the <transcript> tag it travels in or pass for markup around it.
 */
import type { TriageMessage } from '../triage';
import { maskEmails, maskSensitive, truncate } from '../text';

/** No single message may take more than this; a 100 KB paste says what it says in its first few thousand chars. */
export const MAX_MESSAGE_CHARS = 4_000;
/** Read past the cut before masking, so a secret that straddles the cut is still recognised whole. */
const MASK_MARGIN = 256;

export interface MaskedTranscript {
  /** The JSON array sent to the provider. */
  json: string;
  /** Indexes (into the input's messages) of the messages it contains: reasons may only point at these. */
  sent: ReadonlySet<number>;
  /** Messages left out for length. */
  omitted: number;
}

interface Entry {
  i: number;
  from: TriageMessage['author'];
  text: string;
}

export function maskedText(text: string, maxChars: number = MAX_MESSAGE_CHARS): string {
  const head = text.length > maxChars + MASK_MARGIN ? text.slice(0, maxChars + MASK_MARGIN) : text;
  return truncate(maskSensitive(maskEmails(head)).replace(/\s+/g, ' ').trim(), maxChars);
}

/** JSON that cannot end a surrounding tag: the three characters markup needs become \u escapes (still valid JSON). */
export function tagSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const entrySize = (entry: Entry) => entry.text.length + 32;

export function maskedTranscript(messages: readonly TriageMessage[], maxChars: number): MaskedTranscript {
  const entries: Entry[] = messages
    .map((m, i) => ({ i, from: m.author, text: maskedText(m.text ?? '', Math.min(MAX_MESSAGE_CHARS, maxChars)) }))
    .filter((entry) => entry.text.length > 0);
  const kept: Entry[] = [];
  let budget = maxChars;
  const first = entries[0];
  if (first) budget -= entrySize(first);
  for (let k = entries.length - 1; k >= 1; k--) {
    const entry = entries[k]!;
    if (entrySize(entry) > budget) break;
    budget -= entrySize(entry);
    kept.unshift(entry);
  }
  if (first && budget >= 0) kept.unshift(first);
  return { json: tagSafeJson(kept), sent: new Set(kept.map((e) => e.i)), omitted: entries.length - kept.length };
}
