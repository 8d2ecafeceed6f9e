/**
 * Reasons, case title and need sentence, built from the facts that decided the verdict (step 6 of the engine).
 * Quotes are the customer's own sentence, one line and short; the title names the case, never the greeting.
 */
import { oneLine, truncate } from '../text';
import type { Facts } from './facts';
import { FACT_LABELS, FACT_NEEDS } from './labels';
import type { AnalysedMessage, Mention } from './mentions';
import type { Verdict } from './policy';
import type { TriageReason } from './types';

const QUOTE_MAX = 140;
const TITLE_MAX = 120;
/** Invoice numbers, order numbers and error codes make a title findable in a queue ("INV-20931", "#88213"). */
const REFERENCE = /\b[A-Z]{2,6}-\d{2,8}\b|#\d{3,10}\b/;

export function quoteOf(messages: readonly AnalysedMessage[], mention: Mention): string {
  const message = messages.find((m) => m.index === mention.messageIndex);
  const sentence = message?.sentences[mention.sentence];
  if (!message || !sentence) return '';
  return truncate(oneLine(message.text.slice(sentence.start, sentence.end)).trim(), QUOTE_MAX);
}

export function reasonsFor(verdict: Verdict, facts: Facts, messages: readonly AnalysedMessage[]): TriageReason[] {
  const reasons: TriageReason[] = [];
  for (const id of verdict.because) {
    const mention = facts.get(id);
    const label = FACT_LABELS[id];
    if (!mention || !label || reasons.length === 3) continue;
    if (reasons.some((r) => r.text === label)) continue;
    reasons.push({ text: label, messageIndex: mention.messageIndex, author: mention.author, quote: quoteOf(messages, mention) });
  }
  return reasons;
}

function referenceIn(messages: readonly AnalysedMessage[], mention: Mention | undefined): string | null {
  const message = mention ? messages.find((m) => m.index === mention.messageIndex) : undefined;
  const found = message ? REFERENCE.exec(message.text.slice(0, 2_000)) : null;
  return found ? found[0] : null;
}

export function titleFor(verdict: Verdict, facts: Facts, messages: readonly AnalysedMessage[]): string {
  const labels = verdict.because.map((id) => FACT_LABELS[id]).filter((label): label is string => Boolean(label));
  if (verdict.outcome === 'stay_in_chat')
    return labels.length > 0 ? `Keep in chat: ${labels[0]!.toLowerCase()}` : 'Keep in chat: nothing to escalate';
  const [head, ...rest] = labels;
  const reference = referenceIn(messages, facts.get(verdict.because[0] ?? ''));
  const main = reference ? `${head} on ${reference}` : (head ?? 'Case to review');
  const tail = rest.slice(0, 2).map((label) => label.toLowerCase());
  return truncate(tail.length > 0 ? `${main} — ${tail.join(', ')}` : main, TITLE_MAX);
}

export function needFor(
  verdict: Verdict,
  facts: Facts,
  messages: readonly AnalysedMessage[],
): { need: string; needQuote: { messageIndex: number; quote: string } | null } {
  const id = verdict.because.find((fact) => FACT_NEEDS[fact]);
  const mention = id ? facts.get(id) : undefined;
  if (!id || !mention) {
    return { need: 'The customer needs an answer the agent can give in this chat.', needQuote: null };
  }
  const quote = quoteOf(messages, mention);
  const need = quote ? `The customer needs ${FACT_NEEDS[id]}: “${quote}”` : `The customer needs ${FACT_NEEDS[id]}.`;
  return { need, needQuote: quote ? { messageIndex: mention.messageIndex, quote } : null };
}
