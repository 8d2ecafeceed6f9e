/**
 * What a teammate typed into the incident search, read once: an incident number ("88", "#88"), words to find in
 * titles, or nothing (the most recent open incidents). Bounded before anything reads it: a 500-character paste
 * or a line of punctuation is an error the form shows, and costs no Intercom call.
 */
export const MAX_SEARCH_CHARS = 120;
const MAX_WORDS = 8;

export type IncidentQuery = { kind: 'recent' } | { kind: 'number'; number: string } | { kind: 'words'; words: string[] };

export type ParsedQuery = { ok: true; query: IncidentQuery } | { ok: false; error: string };

/** Also the "Add to an existing case" search's reading (`noun` names what is searched in its error). */
export function parseIncidentQuery(raw: unknown, noun = 'incident'): ParsedQuery {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: true, query: { kind: 'recent' } };
  if (text.length > MAX_SEARCH_CHARS)
    return { ok: false, error: `Search with at most ${MAX_SEARCH_CHARS} characters: a few words of the title or its number.` };
  const number = /^#?\s*(\d{1,12})$/.exec(text)?.[1];
  if (number) return { ok: true, query: { kind: 'number', number } };
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return { ok: false, error: `Search for words of the ${noun} title or its number.` };
  return { ok: true, query: { kind: 'words', words: [...new Set(words)].slice(0, MAX_WORDS) } };
}

export interface TrackerOption {
  trackerId: string;
  number: string | null;
  title: string;
  stateLabel: string | null;
  linkedCount: number;
  createdAt: number;
}

/** The options matching the query, most recently created first, at most `limit`. */
export function matchTrackers(options: readonly TrackerOption[], query: IncidentQuery, limit: number): TrackerOption[] {
  const matching = options.filter((option) => {
    if (query.kind === 'recent') return true;
    if (query.kind === 'number') return option.number === query.number;
    const title = option.title.toLowerCase();
    return query.words.every((word) => title.includes(word));
  });
  return [...matching].sort((a, b) => b.createdAt - a.createdAt || b.trackerId.localeCompare(a.trackerId)).slice(0, limit);
}
