/**
 * Scores the grouping rule (src/domain/incidents) on a labelled split: every pair of conversations, "together"
 * when both report the same problem. Precision: of the pairs the rule groups, how many belong together; recall:
 * of the pairs that belong together, how many it groups.
 */
import { relate } from '../../src/domain/incidents/grouping';
import { problemSignature } from '../../src/domain/incidents/signature';
import type { TriageMessage } from '../../src/domain/triage/types';
import type { IncidentCase } from './types';

export interface PairScore {
  conversations: number;
  pairs: number;
  together: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
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

export function scorePairs(cases: readonly IncidentCase[]): PairScore {
  const signatures = cases.map((item) => problemSignature(messagesOf(item)));
  const score: PairScore = {
    conversations: cases.length,
    pairs: 0,
    together: 0,
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    precision: 0,
    recall: 0,
    errors: [],
  };
  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const a = cases[i]!;
      const b = cases[j]!;
      const together = a.problem !== null && a.problem === b.problem;
      const relation = relate(signatures[i]!, signatures[j]!);
      score.pairs += 1;
      if (together) score.together += 1;
      if (relation.related && together) score.truePositives += 1;
      else if (relation.related) {
        score.falsePositives += 1;
        score.errors.push({ a: a.id, b: b.id, kind: 'false_positive', shared: relation.shared });
      } else if (together) {
        score.falseNegatives += 1;
        score.errors.push({ a: a.id, b: b.id, kind: 'false_negative', shared: null });
      }
    }
  }
  const grouped = score.truePositives + score.falsePositives;
  score.precision = grouped === 0 ? 1 : score.truePositives / grouped;
  score.recall = score.together === 0 ? 1 : score.truePositives / score.together;
  return score;
}
