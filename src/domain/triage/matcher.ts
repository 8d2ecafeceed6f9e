/**
 * Concept lexicons compiled into a token index. A lexicon entry is a phrase of word patterns written in folded
 * form: `refund` (exact), `refund*` (prefix: inflections), `*ausfall` (suffix: German compound heads),
 * `*datenschutz*` (inside a word), and `~` (skip up to three words: "cancel ~ subscription" matches
 * "cancel our annual subscription"). Matching walks tokens, never a regex, so the work is linear in the text.
 */
import type { Sentence } from './text';

type WordPattern = { kind: 'exact' | 'prefix' | 'suffix' | 'contains'; text: string } | { kind: 'gap' };

interface Entry {
  concept: string;
  words: WordPattern[];
}

export interface ConceptHit {
  concept: string;
  /** Token span [from, to) inside the sentence. */
  from: number;
  to: number;
}

const GAP = 3;

function parseWord(raw: string): WordPattern {
  if (raw === '~') return { kind: 'gap' };
  const lead = raw.startsWith('*');
  const tail = raw.endsWith('*') && raw.length > 1;
  const text = raw.slice(lead ? 1 : 0, tail ? -1 : undefined);
  if (lead && tail) return { kind: 'contains', text };
  if (lead) return { kind: 'suffix', text };
  if (tail) return { kind: 'prefix', text };
  return { kind: 'exact', text };
}

function wordMatches(pattern: WordPattern, word: string): boolean {
  switch (pattern.kind) {
    case 'exact':
      return word === pattern.text;
    case 'prefix':
      return word.startsWith(pattern.text);
    case 'suffix':
      return word.length > pattern.text.length && word.endsWith(pattern.text);
    case 'contains':
      return word.includes(pattern.text);
    default:
      return false;
  }
}

/** Tries to match `words` starting at token `at`; returns the end index or -1. Gaps make it bounded backtracking (≤ 4 tries per gap). */
function matchFrom(words: readonly WordPattern[], w: number, sentence: Sentence, at: number): number {
  if (w === words.length) return at;
  const pattern = words[w]!;
  if (pattern.kind === 'gap') {
    for (let skip = 0; skip <= GAP; skip++) {
      const end = matchFrom(words, w + 1, sentence, at + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = sentence.tokens[at];
  if (!token || !wordMatches(pattern, token.word)) return -1;
  return matchFrom(words, w + 1, sentence, at + 1);
}

/** Folds a lexicon entry the way text.ts folds messages, so entries can be written with or without accents. */
function foldEntry(entry: string): string {
  return entry
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll("'", ' ');
}

/** Concept id → lines of comma-separated entries (a line per language or so, to keep lexicon files short). */
export type Lexicon = Readonly<Record<string, readonly string[]>>;

export class ConceptMatcher {
  /** Entries whose first word is exact or a prefix of ≥ 3 letters, keyed by those 3 letters (or the short word). */
  private readonly byHead = new Map<string, Entry[]>();
  /** Entries starting with a suffix or infix pattern: tried on every long-enough token. */
  private readonly scanned: Entry[] = [];

  constructor(lexicons: readonly Lexicon[]) {
    for (const lexicon of lexicons) {
      for (const [concept, phrases] of Object.entries(lexicon)) {
        for (const line of phrases) for (const phrase of line.split(',')) if (phrase.trim()) this.add(concept, phrase.trim());
      }
    }
  }

  private add(concept: string, phrase: string): void {
    const words = foldEntry(phrase).split(' ').filter(Boolean).map(parseWord);
    const first = words[0];
    if (!first || first.kind === 'gap') throw new Error(`lexicon entry for ${concept} must start with a word: "${phrase}"`);
    const entry = { concept, words };
    if (first.kind === 'suffix' || first.kind === 'contains') {
      this.scanned.push(entry);
      return;
    }
    if (first.kind === 'prefix' && first.text.length < 3) throw new Error(`prefix too short in "${phrase}"`);
    const key = first.text.length < 3 ? first.text : first.text.slice(0, 3);
    const list = this.byHead.get(key) ?? [];
    list.push(entry);
    this.byHead.set(key, list);
  }

  /** Every concept hit in the sentence (one per concept and start token). */
  match(sentence: Sentence): ConceptHit[] {
    const hits: ConceptHit[] = [];
    const tokens = sentence.tokens;
    for (let at = 0; at < tokens.length; at++) {
      const word = tokens[at]!.word;
      const keyed = word.length < 3 ? this.byHead.get(word) : this.byHead.get(word.slice(0, 3));
      if (keyed) this.tryEntries(keyed, sentence, at, hits);
      if (word.length >= 5) this.tryEntries(this.scanned, sentence, at, hits);
    }
    return hits;
  }

  private tryEntries(entries: readonly Entry[], sentence: Sentence, at: number, hits: ConceptHit[]): void {
    for (const entry of entries) {
      const end = matchFrom(entry.words, 0, sentence, at);
      if (end < 0) continue;
      if (hits.some((hit) => hit.concept === entry.concept && hit.from === at)) continue;
      hits.push({ concept: entry.concept, from: at, to: end });
    }
  }
}
