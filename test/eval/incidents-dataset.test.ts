/** The incident grouping's labelled set is well-formed, and the rule keeps the dev precision the README reports. */
import { DEV } from '../../eval/incidents/dev';
import { HOLDOUT } from '../../eval/incidents/holdout';
import { scorePairs } from '../../eval/incidents/pairs';

it('has unique ids, problems with at least three conversations, and one-offs in both splits', () => {
  for (const split of [DEV, HOLDOUT]) {
    const ids = split.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sizes = new Map<string, number>();
    for (const item of split) if (item.problem) sizes.set(item.problem, (sizes.get(item.problem) ?? 0) + 1);
    expect([...sizes.values()].every((n) => n >= 3)).toBe(true);
    expect(split.filter((c) => c.problem === null).length).toBeGreaterThanOrEqual(8);
  }
  const devProblems = new Set(DEV.map((c) => c.problem));
  expect(HOLDOUT.filter((c) => c.problem !== null && devProblems.has(c.problem))).toEqual([]);
});

it('groups the dev pairs at the precision and recall the README reports', () => {
  const score = scorePairs(DEV);
  expect(score.precision).toBeGreaterThanOrEqual(0.95);
  expect(score.recall).toBeGreaterThanOrEqual(0.5);
});
