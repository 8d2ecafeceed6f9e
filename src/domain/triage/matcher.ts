/**
 * Concept lexicons compiled into a token index. A lexicon entry is a phrase of word patterns written in folded
 * form: `refund` (exact), `refund*` (prefix: inflections), `*ausfall` (suffix: German compound heads),
 * `*datenschutz*` (inside a word), and `~` (skip up to four words: "cancel ~ subscription" matches
 * "cancel our annual subscription"). Matching walks tokens, never a regex, so the work is linear in the text.
 */
import type { Sentence, Token } from './text';

type WordPattern = { kind: 'exact' | 'prefix' | 'suffix' | 'contains'; text: string } | { kind: 'gap' };

interface Entry {
  concept: string;
  words: WordPattern[];
  literals: string[];
  /** Position in the lexicons: hits at one token keep this order whichever index found them. */
  order: number;
}

/** Merges two lists of entries already in lexicon order. */
function inOrder(a: readonly Entry[], b: readonly Entry[]): Entry[] {
  const out: Entry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.order < b[j]!.order)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

export interface ConceptHit {
  concept: string;
  /** Token span [from, to) inside the sentence. */
  from: number;
  to: number;
  /** The entry's literal words: a negation inside a gap negates the phrase, one written into the phrase does not. */
  literals: readonly string[];
}

const GAP = 4;

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

function wordMatches(pattern: WordPattern, token: Token): boolean {
  const word = token.word;
  switch (pattern.kind) {
    case 'exact':
      return word === pattern.text;
    case 'prefix':
      return !token.glued && word.startsWith(pattern.text);
    case 'suffix':
      return !token.glued && word.length > pattern.text.length && word.endsWith(pattern.text);
    case 'contains':
      // Infix patterns are written for glued codes too ("NFSE_SEFAZ_TIMEOUT", "payment_intent_invalid").
      return word.includes(pattern.text);
    default:
      return false;
  }
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return word.length > 0;
}

/** Tries to match `words` starting at token `at`; returns the end index or -1. Gaps make it bounded backtracking (≤ 4 tries per gap). */
function matchFrom(words: readonly WordPattern[], w: number, sentence: Sentence, at: number): number {
  if (w === words.length) return at;
  const pattern = words[w]!;
  if (pattern.kind === 'gap') {
    // Up to GAP words, numbers not counted ("zweimal 1.188,00 EUR per SEPA abgebucht"); never across a clause mark.
    let skippedWords = 0;
    for (let skip = 0; skippedWords <= GAP && skip <= GAP * 3; skip++) {
      const skipped = sentence.tokens[at + skip - 1];
      if (skip > 0 && skipped?.breakBefore && !isNumber(skipped.word)) break;
      if (skip > 0 && skipped && !isNumber(skipped.word)) skippedWords++;
      if (skippedWords > GAP) break;
      const end = matchFrom(words, w + 1, sentence, at + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = sentence.tokens[at];
  if (!token || !wordMatches(pattern, token)) return -1;
  // Only the first word of a phrase may follow a comma or bracket: phrases stay inside one clause.
  if (w > 0 && token.breakBefore) return -1;
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
  /** Entries whose first word is exact, keyed by that word: only the entries that can start at a token are tried. */
  private readonly byWord = new Map<string, Entry[]>();
  /** Entries whose first word is a prefix (≥ 3 letters), keyed by its first 3 letters. */
  private readonly byPrefixHead = new Map<string, Entry[]>();
  /** Entries starting with a suffix pattern (German compound heads), keyed by the pattern's last 3 letters. */
  private readonly bySuffixTail = new Map<string, Entry[]>();
  /** Entries starting with an infix pattern: tried on every long-enough token. */
  private readonly scanned: Entry[] = [];
  private count = 0;

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
    const literals = words.flatMap((w) => (w.kind === 'exact' ? [w.text] : []));
    const entry = { concept, words, literals, order: this.count++ };
    if (first.kind === 'suffix' && first.text.length >= 3) {
      const tail = first.text.slice(-3);
      this.bySuffixTail.set(tail, [...(this.bySuffixTail.get(tail) ?? []), entry]);
      return;
    }
    if (first.kind === 'suffix' || first.kind === 'contains') {
      this.scanned.push(entry);
      return;
    }
    if (first.kind === 'prefix' && first.text.length < 3) throw new Error(`prefix too short in "${phrase}"`);
    const [index, key] = first.kind === 'exact' ? [this.byWord, first.text] : [this.byPrefixHead, first.text.slice(0, 3)];
    const list = index.get(key) ?? [];
    list.push(entry);
    index.set(key, list);
  }

  /** Every concept hit in the sentence (one per concept and start token), in lexicon order at each token. */
  match(sentence: Sentence): ConceptHit[] {
    const hits: ConceptHit[] = [];
    const tokens = sentence.tokens;
    for (let at = 0; at < tokens.length; at++) {
      const word = tokens[at]!.word;
      const exact = this.byWord.get(word);
      const prefixed = word.length >= 3 ? this.byPrefixHead.get(word.slice(0, 3)) : undefined;
      const startedAt = hits.length;
      if (exact && prefixed) this.tryEntries(inOrder(exact, prefixed), sentence, at, hits, startedAt);
      else if (exact ?? prefixed) this.tryEntries((exact ?? prefixed)!, sentence, at, hits, startedAt);
      if (word.length >= 5) {
        const suffixed = this.bySuffixTail.get(word.slice(-3));
        if (suffixed) this.tryEntries(suffixed, sentence, at, hits, startedAt);
        this.tryEntries(this.scanned, sentence, at, hits, startedAt);
      }
    }
    return hits;
  }

  /** Hits from `startedAt` on are this token's: the duplicate check looks only at them, so it stays constant per token. */
  private tryEntries(entries: readonly Entry[], sentence: Sentence, at: number, hits: ConceptHit[], startedAt: number): void {
    for (const entry of entries) {
      const end = matchFrom(entry.words, 0, sentence, at);
      if (end < 0) continue;
      if (this.hasHit(hits, startedAt, entry.concept)) continue;
      hits.push({ concept: entry.concept, from: at, to: end, literals: entry.literals });
    }
  }

  private hasHit(hits: readonly ConceptHit[], startedAt: number, concept: string): boolean {
    for (let i = startedAt; i < hits.length; i++) if (hits[i]!.concept === concept) return true;
    return false;
  }
}
