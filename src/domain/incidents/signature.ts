/**
 * A conversation's problem signature, from the triage engine's own reading of it (src/domain/triage: the same
 * sentences of folded tokens and the same concept mentions, so "is this a live problem" means one thing in both):
 *
 * - `code:` the error codes the customer quotes (E_PAYMENT_502, ERR-1234, "error 503"), upper-cased;
 * - `feat:` the content words of the sentences where the customer reports a current problem (a bug, an outage, a
 *   block, slowness, lost data): what is failing ("checkout", "invoices", "login");
 * - `outage`: the customer says it is down or others are hit, or the teammate confirms an incident;
 * - `problem`: there is a current problem at all.
 *
 * Pure and bounded: the engine caps the text it reads, and at most `MAX_FEATURES` words and `MAX_CODES` codes are kept.
 */
import { problemClosed } from '../triage/facts-tech';
import { analyse, type AnalysedMessage, type Mention } from '../triage/mentions';
import type { TriageMessage } from '../triage/types';
import { isStopWord } from './stop-words';

export const MAX_FEATURES = 10;
export const MAX_CODES = 4;

const PROBLEM_CONCEPTS = new Set([
  'tech.bug',
  'tech.outage',
  'tech.performance',
  'tech.blocked',
  'tech.degraded',
  'tech.data_loss',
  'tech.api',
]);
const OUTAGE_CONCEPTS = new Set(['tech.outage', 'tech.others_affected']);
/** Words that name a code when a number follows them: "error 503", "HTTP 502", "Fehler 500", "erreur 504". */
const CODE_LEADS = new Set(['error', 'http', 'status', 'code', 'fehler', 'erreur', 'erro', 'codigo']);

/** E_PAYMENT_502, ERR-1234, AUTH_TIMEOUT, E1042: capitals with a digit or a joiner; not a plain shouted word. */
const CODE_SHAPE = /^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$|^[A-Z]{1,5}-?\d{2,6}$/;

export function problemSignature(messages: readonly TriageMessage[]): string[] {
  const { messages: read, mentions } = analyse(messages);
  const live = (m: Mention) => m.author === 'customer' && !m.negated && !m.hypothetical && !m.past && !m.resolved;
  // A later "works again" closes what came before it, as the engine reads it.
  const problems = problemClosed(mentions) ? [] : mentions.filter((m) => live(m) && PROBLEM_CONCEPTS.has(m.concept));
  const outage =
    mentions.some((m) => live(m) && OUTAGE_CONCEPTS.has(m.concept)) ||
    mentions.some((m) => m.author === 'teammate' && !m.negated && m.concept === 'tech.incident_confirmed');
  const keys = codes(read).map((code) => `code:${code}`);
  if (problems.length > 0) keys.push('problem', ...features(read, problems).map((word) => `feat:${word}`));
  if (outage) keys.push('outage');
  return keys;
}

function codes(read: readonly AnalysedMessage[]): string[] {
  const found = new Set<string>();
  for (const message of read) {
    if (message.author !== 'customer') continue;
    for (const sentence of message.sentences) {
      sentence.tokens.forEach((token, i) => {
        const raw = message.text.slice(token.start, token.end);
        const previous = sentence.tokens[i - 1]?.word;
        if (CODE_SHAPE.test(raw)) found.add(raw.toUpperCase());
        else if (/^[45]\d\d$/.test(raw) && previous !== undefined && CODE_LEADS.has(previous)) found.add(raw);
      });
    }
  }
  return [...found].slice(0, MAX_CODES);
}

/** A light English fold (plurals, -ing), so "invoices" meets "invoice" and "importing" "import"; other languages keep their words. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 6 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length >= 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function features(read: readonly AnalysedMessage[], problems: readonly Mention[]): string[] {
  const found = new Set<string>();
  for (const mention of problems) {
    const sentence = read.find((m) => m.index === mention.messageIndex)?.sentences[mention.sentence];
    for (const token of sentence?.tokens ?? []) {
      if (token.glued || token.word.length < 4 || /\d/.test(token.word) || isStopWord(token.word)) continue;
      found.add(stem(token.word));
      if (found.size >= MAX_FEATURES) return [...found];
    }
  }
  return [...found];
}
