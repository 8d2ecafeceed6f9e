/**
 * Whether two conversations report the same problem, from their signatures (signature.ts), and what they share
 * in words a teammate understands. The rule, measured on eval/incidents (dev; the held-out split is never tuned on):
 *
 * - the same error code: together;
 * - both report a current problem and share at least `MIN_SHARED_FEATURES` failing-feature words: together;
 * - both call it an outage and share one failing-feature word: together.
 */
export const MIN_SHARED_FEATURES = 2;

export interface Relation {
  related: boolean;
  /** The clearest shared thing: an error code, else a feature word, else null. */
  shared: string | null;
}

const NONE: Relation = Object.freeze({ related: false, shared: null });

function split(keys: readonly string[]) {
  const codes = new Set<string>();
  const features = new Set<string>();
  for (const key of keys) {
    if (key.startsWith('code:')) codes.add(key.slice(5));
    else if (key.startsWith('feat:')) features.add(key.slice(5));
  }
  return { codes, features, outage: keys.includes('outage'), problem: keys.includes('problem') };
}

export function relate(a: readonly string[], b: readonly string[]): Relation {
  const left = split(a);
  const right = split(b);
  const code = [...left.codes].find((c) => right.codes.has(c));
  if (code) return { related: true, shared: code };
  if (!left.problem || !right.problem) return NONE;
  const shared = [...left.features].filter((f) => right.features.has(f));
  if (shared.length >= MIN_SHARED_FEATURES || (shared.length >= 1 && left.outage && right.outage))
    return { related: true, shared: shared[0]! };
  return NONE;
}

export interface Noticed {
  /** The other conversations reporting the same problem, most recent first. */
  conversationIds: string[];
  /** When the earliest of them was seen (epoch ms). */
  since: number;
  /** What most of them share with this one. */
  shared: string;
}

/** The other recent conversations related to this one; null when fewer than `minOthers`. */
export function noticeSimilar(
  own: readonly string[],
  others: ReadonlyArray<{ conversationId: string; keys: readonly string[]; seenAt: number }>,
  minOthers: number,
): Noticed | null {
  const related = others.map((other) => ({ other, relation: relate(own, other.keys) })).filter((r) => r.relation.related);
  if (related.length < minOthers || related.length === 0) return null;
  const votes = new Map<string, number>();
  for (const { relation } of related) votes.set(relation.shared!, (votes.get(relation.shared!) ?? 0) + 1);
  const shared = [...votes].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0];
  return {
    conversationIds: related.map((r) => r.other.conversationId),
    since: Math.min(...related.map((r) => r.other.seenAt)),
    shared,
  };
}
