/**
 * Whether two conversations report the same problem, from their signatures (signature.ts), and what they share
 * in words a teammate understands. The rule, measured on eval/incidents (dev; the held-out splits are never tuned on):
 *
 * - the same error code: together;
 * - both report a current problem and name at least one failing thing in common (a product area, whatever the
 *   language, or a leftover word), with `MIN_EVIDENCE` pieces of evidence in all: each shared area, each shared word,
 *   a shared status (502 and 502), both calling it an outage, and both reporting slowness count one. One shared area alone is a coincidence
 *   (every payments product hears about "payments"); two, or one with the same status or a shared outage, is not.
 */
export const MIN_EVIDENCE = 2;

export interface Relation {
  related: boolean;
  /** The clearest shared thing: an error code, else a product area ("checkout"), else a word; null when unrelated. */
  shared: string | null;
}

const NONE: Relation = Object.freeze({ related: false, shared: null });

function split(keys: readonly string[]) {
  const codes = new Set<string>();
  const statuses = new Set<string>();
  const areas = new Set<string>();
  const features = new Set<string>();
  for (const key of keys) {
    if (key.startsWith('code:')) codes.add(key.slice(5));
    else if (key.startsWith('status:')) statuses.add(key.slice(7));
    else if (key.startsWith('area:')) areas.add(key.slice(5));
    else if (key.startsWith('feat:')) features.add(key.slice(5));
  }
  return {
    codes,
    statuses,
    areas,
    features,
    outage: keys.includes('outage'),
    slow: keys.includes('slow'),
    problem: keys.includes('problem'),
  };
}

export function relate(a: readonly string[], b: readonly string[]): Relation {
  const left = split(a);
  const right = split(b);
  const code = [...left.codes].find((c) => right.codes.has(c));
  if (code) return { related: true, shared: code };
  if (!left.problem || !right.problem) return NONE;
  const areas = [...left.areas].filter((area) => right.areas.has(area));
  const words = [...left.features].filter((word) => right.features.has(word));
  if (areas.length + words.length === 0) return NONE;
  const status = [...left.statuses].some((s) => right.statuses.has(s));
  const symptoms = (left.outage && right.outage ? 1 : 0) + (left.slow && right.slow ? 1 : 0);
  const evidence = areas.length + words.length + (status ? 1 : 0) + symptoms;
  if (evidence < MIN_EVIDENCE) return NONE;
  return { related: true, shared: areas.length > 0 ? areas[0]!.replaceAll('_', ' ') : words[0]! };
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
