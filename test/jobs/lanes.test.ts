/** Lanes for the webhook processor's PostgreSQL commits: one key never spans two lanes, and order holds within one. */
import { LANES, lanes } from '../../src/jobs/lanes';

it('keeps every item of a key in one lane, in order, and spreads keys over the lanes', () => {
  const items = ['a1', 'b1', 'a2', 'c1', 'd1', 'e1', 'b2', 'x', 'a3'].map((name) => ({ name, key: name === 'x' ? null : name[0]! }));
  const split = lanes(items, (item) => item.key);
  expect(split).toHaveLength(LANES);
  expect(split.flat()).toHaveLength(items.length);
  for (const key of ['a', 'b']) {
    const holding = split.filter((lane) => lane.some((item) => item.key === key));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.filter((item) => item.key === key).map((item) => item.name)).toEqual(
      items.filter((item) => item.key === key).map((item) => item.name),
    );
  }
});

it('returns no empty lanes', () => {
  expect(lanes([], () => null)).toEqual([]);
  expect(lanes([1, 2], () => 'same')).toEqual([[1, 2]]);
});

it('opens a lane per `perLane` items, up to LANES', () => {
  const items = Array.from({ length: 30 }, (_, i) => `k${i}`);
  expect(lanes(items, (item) => item, 25)).toHaveLength(2);
  expect(lanes(items.slice(0, 25), (item) => item, 25)).toHaveLength(1);
  expect(lanes(items, (item) => item, 5)).toHaveLength(LANES);
});
