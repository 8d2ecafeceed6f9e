import { ManualClock } from '../../src/util/clock';
import { createExpiringCache } from '../../src/util/expiring-cache';

describe('createExpiringCache', () => {
  it('expires an entry when the injected clock passes its time to live, however little real time went by', () => {
    const clock = new ManualClock(1_000);
    const cache = createExpiringCache<string, number>({ max: 10, ttlMs: 5_000, clock });
    cache.set('a', 1);
    clock.advance(5_000);
    expect(cache.get('a')).toBe(1);
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps at most `max` entries, dropping the least recently used first', () => {
    const cache = createExpiringCache<string, number>({ max: 2, ttlMs: 60_000, clock: new ManualClock(0) });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });
});
