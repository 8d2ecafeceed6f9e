/** Small selectors over mentions, shared by the fact builders. */
import type { Mention } from './mentions';

export type Facts = Map<string, Mention>;
export type Pick = (mention: Mention) => boolean;

export const byCustomer: Pick = (m) => m.author === 'customer';
/** Said, not denied, and not a hypothetical question ("could we get a refund if…?"). */
export const asserted: Pick = (m) => !m.negated && !(m.hypothetical && m.question);
/** Not in a past or resolved clause ("was down yesterday", "fixed now"). */
export const current: Pick = (m) => !m.past && !m.resolved;

export function first(mentions: readonly Mention[], concept: string, ...picks: Pick[]): Mention | undefined {
  return mentions.find((m) => m.concept === concept && picks.every((pick) => pick(m)));
}

export function last(mentions: readonly Mention[], concept: string, ...picks: Pick[]): Mention | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.concept === concept && picks.every((pick) => pick(m))) return m;
  }
  return undefined;
}

export function sameSentence(a: Mention, b: Mention): boolean {
  return a.messageIndex === b.messageIndex && a.sentence === b.sentence;
}

/** Position in the conversation, for "which came last" questions. */
export function position(m: Mention): number {
  return m.messageIndex * 10_000 + m.sentence;
}

export function set(facts: Facts, id: string, mention: Mention | undefined): void {
  if (mention && !facts.has(id)) facts.set(id, mention);
}

const bySentence = new WeakMap<readonly Mention[], Map<number, Mention[]>>();

/** The mentions in the same sentence as `m`, from an index built once per mention list (keeps the fact rules linear). */
export function sentenceMates(all: readonly Mention[], m: Mention): readonly Mention[] {
  let index = bySentence.get(all);
  if (!index) {
    index = new Map();
    for (const mention of all) {
      const key = position(mention);
      const list = index.get(key);
      if (list) list.push(mention);
      else index.set(key, [mention]);
    }
    bySentence.set(all, index);
  }
  return index.get(position(m)) ?? [];
}

/** Whether a mention of `concept` shares the sentence of `m`. */
export function inSentenceWith(all: readonly Mention[], m: Mention, concept: string): boolean {
  return sentenceMates(all, m).some((o) => o.concept === concept);
}
