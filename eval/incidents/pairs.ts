/**
 * Scores the grouping rule (src/domain/incidents) on a labelled split: every pair of conversations, "together"
 * when both report the same problem. Precision: of the pairs the rule groups, how many belong together; recall:
 * of the pairs that belong together, how many it groups. The cross-language subset is the pairs whose two
 * conversations are written in different languages.
 */
import { relate } from '../../src/domain/incidents/grouping';
import { problemSignature } from '../../src/domain/incidents/signature';
import { detectLanguage } from '../../src/domain/triage/language';
import type { TriageMessage } from '../../src/domain/triage/types';
import type { IncidentCase } from './types';

export interface Counts {
  pairs: number;
  together: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

export interface PairScore extends Counts {
  conversations: number;
  falseNegatives: number;
  /** Pairs written in two different languages. */
  crossLanguage: Counts;
  /** For the dev split only: the pairs it got wrong. */
  errors: Array<{ a: string; b: string; kind: 'false_positive' | 'false_negative'; shared: string | null }>;
}

export function messagesOf(item: IncidentCase): TriageMessage[] {
  return item.messages.map((message, i) =>
    typeof message === 'string'
      ? { author: 'customer' as const, text: message, at: i, partId: `${item.id}-${i}` }
      : { author: 'teammate' as const, text: message.teammate, at: i, partId: `${item.id}-${i}` },
  );
}

export function languageOf(item: IncidentCase): string {
  return item.lang ?? detectLanguage(item.messages.filter((m): m is string => typeof m === 'string')) ?? 'en';
}

const emptyCounts = (): Counts => ({ pairs: 0, together: 0, truePositives: 0, falsePositives: 0, precision: 0, recall: 0 });

function count(counts: Counts, together: boolean, related: boolean): void {
  counts.pairs += 1;
  if (together) counts.together += 1;
  if (related && together) counts.truePositives += 1;
  else if (related) counts.falsePositives += 1;
}

function finish(counts: Counts): void {
  const grouped = counts.truePositives + counts.falsePositives;
  counts.precision = grouped === 0 ? 1 : counts.truePositives / grouped;
  counts.recall = counts.together === 0 ? 1 : counts.truePositives / counts.together;
}

/** The rule under test: the signature and the relation (another version's, to compare in one run). */
export interface GroupingRule {
  signature: (messages: readonly TriageMessage[]) => string[];
  relate: (a: readonly string[], b: readonly string[]) => { related: boolean; shared: string | null };
}

const CURRENT: GroupingRule = { signature: problemSignature, relate };

export function scorePairs(cases: readonly IncidentCase[], rule: GroupingRule = CURRENT): PairScore {
  const signatures = cases.map((item) => rule.signature(messagesOf(item)));
  const languages = cases.map(languageOf);
  const score: PairScore = { ...emptyCounts(), conversations: cases.length, falseNegatives: 0, crossLanguage: emptyCounts(), errors: [] };
  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const a = cases[i]!;
      const b = cases[j]!;
      const together = a.problem !== null && a.problem === b.problem;
      const relation = rule.relate(signatures[i]!, signatures[j]!);
      count(score, together, relation.related);
      if (languages[i] !== languages[j]) count(score.crossLanguage, together, relation.related);
      if (relation.related && !together) score.errors.push({ a: a.id, b: b.id, kind: 'false_positive', shared: relation.shared });
      else if (together && !relation.related) {
        score.falseNegatives += 1;
        score.errors.push({ a: a.id, b: b.id, kind: 'false_negative', shared: null });
      }
    }
  }
  finish(score);
  finish(score.crossLanguage);
  return score;
}
