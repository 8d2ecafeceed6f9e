/** Small selectors over mentions, shared by the fact builders. */
import type { Mention } from './mentions';

export type Facts = Map<string, Mention>;
export type Pick = (mention: Mention) => boolean;

export const byCustomer: Pick = (m) => m.author === 'customer';
/** Said, not denied, and not a hypothetical question ("could we get a refund if…?"). */
export const asserted: Pick = (m) => !m.negated && !(m.hypothetical && m.question);
/** Not in a past or resolved clause ("was down yesterday", "fixed now"). */
export const current: Pick = (m) => !m.past && !m.resolved;

const byConcept = new WeakMap<readonly Mention[], Map<string, Mention[]>>();

/** The mentions of one concept in a list, in order, from an index built once per list (the fact rules stay linear). */
export function ofConcept(mentions: readonly Mention[], concept: string): readonly Mention[] {
  let index = byConcept.get(mentions);
  if (!index) {
    index = new Map();
    for (const mention of mentions) {
      const list = index.get(mention.concept);
      if (list) list.push(mention);
      else index.set(mention.concept, [mention]);
    }
    byConcept.set(mentions, index);
  }
  return index.get(concept) ?? [];
}

export function first(mentions: readonly Mention[], concept: string, ...picks: Pick[]): Mention | undefined {
  return ofConcept(mentions, concept).find((m) => picks.every((pick) => pick(m)));
}

export function last(mentions: readonly Mention[], concept: string, ...picks: Pick[]): Mention | undefined {
  const of = ofConcept(mentions, concept);
  for (let i = of.length - 1; i >= 0; i--) {
    const m = of[i]!;
    if (picks.every((pick) => pick(m))) return m;
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

const conceptsBySentence = new WeakMap<readonly Mention[], Map<number, Set<string>>>();

/** Whether a mention of `concept` shares the sentence of `m` (a set lookup: a long sentence costs no more per mention). */
export function inSentenceWith(all: readonly Mention[], m: Mention, concept: string): boolean {
  let index = conceptsBySentence.get(all);
  if (!index) {
    index = new Map();
    for (const mention of all) {
      const key = position(mention);
      const concepts = index.get(key);
      if (concepts) concepts.add(mention.concept);
      else index.set(key, new Set([mention.concept]));
    }
    conceptsBySentence.set(all, index);
  }
  return index.get(position(m))?.has(concept) === true;
}

/** A how-to question shares the sentence: "how do I refund a shopper?" asks for steps, not money. */
export function inHowToSentence(all: readonly Mention[], m: Mention): boolean {
  return inSentenceWith(all, m, 'chat.howto') || (m.question && inSentenceWith(all, m, 'chat.howto_weak'));
}
