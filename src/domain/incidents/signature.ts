/**
 * A conversation's problem signature, from the triage engine's own reading of it (src/domain/triage: the same
 * sentences of folded tokens and the same concept mentions, so "is this a live problem" means one thing in both):
 *
 * - `code:` the error codes the customer quotes (E_PAYMENT_502, ERR-1234), upper-cased, and `status:` the HTTP-like
 *   statuses in them or beside a code word ("error 503", "HTTP 502", "payment 502"): codes.ts;
 * - `area:` the product areas named in the sentences where the customer reports a current problem (a bug, an outage,
 *   a block, slowness, lost data) or in a quoted code's words, as language-independent concepts
 *   (src/domain/triage/lexicon/areas.ts: "checkout", "Kasse" and "page de paiement" are `area:checkout`);
 * - `feat:` the other content words of those sentences, for what no area names (a partner's or a product's name);
 * - `outage`: the customer says it is down or others are hit, or the teammate confirms an incident;
 * - `slow`: the problem is slowness or delay ("delayed", "verzögert", "en retard", "atrasado": one concept);
 * - `problem`: there is a current problem at all.
 *
 * Pure and bounded: the engine caps the text it reads; areas are matched only in the problem sentences; at most
 * `MAX_AREAS` areas, `MAX_FEATURES` words and `MAX_CODES` codes and statuses are kept.
 */
import { problemClosed } from '../triage/facts-tech';
import { type AnalysedMessage, analyse, type Mention } from '../triage/mentions';
import type { Sentence } from '../triage/text';
import type { TriageMessage } from '../triage/types';
import { areaHits, areaName, wordsAsSentence } from './areas';
import { MAX_CODES, quotedCodes } from './codes';
import { isStopWord } from './stop-words';

export { MAX_CODES };
export const MAX_FEATURES = 10;
export const MAX_AREAS = 8;

const PROBLEM_CONCEPTS = new Set(['tech.bug', 'tech.outage', 'tech.performance', 'tech.blocked', 'tech.degraded', 'tech.data_loss']);
const OUTAGE_CONCEPTS = new Set(['tech.outage', 'tech.others_affected']);
const STATUS = /^[45]\d\d$/;

export function problemSignature(messages: readonly TriageMessage[]): string[] {
  const { messages: read, mentions } = analyse(messages);
  const current = (m: Mention) => m.author === 'customer' && !m.hypothetical && !m.past && !m.resolved;
  const live = (m: Mention) => current(m) && !m.negated;
  // A negated "works" ("funktioniert nicht", "ne fonctionne pas") reports a problem: the engine reads the verb as a
  // fix word and marks it negated. A later "works again" closes what came before it, as the engine reads it.
  const reports = (m: Mention) => current(m) && (m.negated ? m.concept === 'chat.works_now' : PROBLEM_CONCEPTS.has(m.concept));
  const problems = problemClosed(mentions) ? [] : mentions.filter(reports);
  const outage =
    mentions.some((m) => live(m) && OUTAGE_CONCEPTS.has(m.concept)) ||
    mentions.some((m) => m.author === 'teammate' && !m.negated && m.concept === 'tech.incident_confirmed');
  const quoted = quotedCodes(read);
  const keys = quoted.codes.map((code) => `code:${code}`);
  const statuses = new Set(quoted.statuses);
  if (problems.length > 0) {
    const what = problemWords(problemSentences(read, problems, mentions), quoted.parts, statuses);
    keys.push('problem', ...what.areas.map((area) => `area:${area}`), ...what.words.map((word) => `feat:${word}`));
  }
  keys.push(...[...statuses].slice(0, MAX_CODES).map((status) => `status:${status}`));
  if (outage) keys.push('outage');
  if (problems.some((m) => m.concept === 'tech.performance')) keys.push('slow');
  return keys;
}

interface ProblemSentence {
  sentence: Sentence;
  /** Tokens the engine already read as a concept ("funktioniert nicht", "en retard"): the symptom, not what fails. */
  covered: Uint8Array;
}

/** The sentences holding a live problem mention, each once, in reading order, with the tokens the engine's concepts cover. */
function problemSentences(read: readonly AnalysedMessage[], problems: readonly Mention[], all: readonly Mention[]): ProblemSentence[] {
  const byKey = new Map<string, ProblemSentence>();
  for (const mention of problems) {
    const key = `${mention.messageIndex}:${mention.sentence}`;
    if (byKey.has(key)) continue;
    const sentence = read.find((m) => m.index === mention.messageIndex)?.sentences[mention.sentence];
    if (sentence) byKey.set(key, { sentence, covered: new Uint8Array(sentence.tokens.length) });
  }
  for (const mention of all) byKey.get(`${mention.messageIndex}:${mention.sentence}`)?.covered.fill(1, mention.from, mention.to);
  return [...byKey.values()];
}

/** A light English fold (plurals, -ing), so "invoices" meets "invoice" and "importing" "import"; other languages keep their words. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 6 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length >= 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Areas and leftover content words of the problem sentences (a word inside an area's phrase is the area, and one
 * inside a concept the engine read is the symptom: neither is also a word); a status number right after an area's words ("payment 502") is added to `statuses`.
 */
function problemWords(sentences: readonly ProblemSentence[], codeParts: readonly string[], statuses: Set<string>) {
  const areas = new Set<string>();
  const words = new Set<string>();
  for (const hit of areaHits(wordsAsSentence(codeParts))) areas.add(areaName(hit));
  for (const { sentence, covered } of sentences) {
    const hits = areaHits(sentence);
    for (const hit of hits) {
      if (areas.size < MAX_AREAS) areas.add(areaName(hit));
      covered.fill(1, hit.from, hit.to);
      const next = sentence.tokens[hit.to]?.word;
      if (next !== undefined && STATUS.test(next) && statuses.size < MAX_CODES) statuses.add(next);
    }
    sentence.tokens.forEach((token, i) => {
      if (covered[i] || words.size >= MAX_FEATURES) return;
      if (token.glued || token.word.length < 4 || /\d/.test(token.word) || isStopWord(token.word)) return;
      words.add(stem(token.word));
    });
  }
  return { areas: [...areas], words: [...words] };
}
