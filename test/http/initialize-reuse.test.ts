/**
 * The reuse table on its own (src/http/initialize-reuse.ts): the terms a canvas was kept on, and its bounds.
 * test/flows/sidebar/reuse.test.ts covers it through the real app.
 */
import { createInitializeReuse } from '../../src/http/initialize-reuse';
import type { ChangeFeed } from '../../src/store/change-feed';
import { ManualClock } from '../../src/util/clock';

function quietFeed(): ChangeFeed & { touch(workspaceId: string): void } {
  const changed = new Map<string, number>();
  let sequence = 1;
  return {
    stamp: () => sequence,
    unchangedSince: (workspaceId, stamp) => (changed.get(workspaceId) ?? 0) <= stamp,
    written: (workspaceId) => changed.set(workspaceId, ++sequence),
    touch(workspaceId) {
      changed.set(workspaceId, ++sequence);
    },
    close: async () => {},
  };
}

const body = (text: string) => Buffer.from(text);

it('answers until `until` (exclusive), then never again', () => {
  const clock = new ManualClock(1_000);
  const changes = quietFeed();
  const reuse = createInitializeReuse({ changes, clock });
  reuse.keep('sig', { workspaceId: 'w', stamp: changes.stamp(), until: 2_000 }, body('canvas'));
  expect(reuse.lookup('sig')?.toString()).toBe('canvas');
  clock.set(1_999);
  expect(reuse.lookup('sig')?.toString()).toBe('canvas');
  clock.set(2_000);
  expect(reuse.lookup('sig')).toBeNull();
  clock.set(1_500);
  expect(reuse.lookup('sig')).toBeNull();
});

it('stops answering once its workspace changed, and only its workspace', () => {
  const clock = new ManualClock(1_000);
  const changes = quietFeed();
  const reuse = createInitializeReuse({ changes, clock });
  const stamp = changes.stamp();
  reuse.keep('a', { workspaceId: 'w1', stamp, until: 9_000 }, body('one'));
  reuse.keep('b', { workspaceId: 'w2', stamp, until: 9_000 }, body('two'));
  changes.touch('w1');
  expect(reuse.lookup('a')).toBeNull();
  expect(reuse.lookup('b')?.toString()).toBe('two');
});

it('does not keep what is already out of date', () => {
  const clock = new ManualClock(5_000);
  const changes = quietFeed();
  const reuse = createInitializeReuse({ changes, clock });
  reuse.keep('sig', { workspaceId: 'w', stamp: changes.stamp(), until: 5_000 }, body('late'));
  expect(reuse.lookup('sig')).toBeNull();
});

it('keeps at most maxEntries and maxBytes, dropping the oldest first', () => {
  const clock = new ManualClock(0);
  const changes = quietFeed();
  const terms = { workspaceId: 'w', stamp: changes.stamp(), until: 10 };
  const byCount = createInitializeReuse({ changes, clock, maxEntries: 2 });
  byCount.keep('1', terms, body('a'));
  byCount.keep('2', terms, body('b'));
  byCount.keep('3', terms, body('c'));
  expect(['1', '2', '3'].map((k) => byCount.lookup(k)?.toString() ?? null)).toEqual([null, 'b', 'c']);

  const byBytes = createInitializeReuse({ changes, clock, maxBytes: 10 });
  byBytes.keep('1', terms, body('aaaa'));
  byBytes.keep('2', terms, body('bbbb'));
  byBytes.keep('3', terms, body('cccc'));
  expect(['1', '2', '3'].map((k) => byBytes.lookup(k)?.toString() ?? null)).toEqual([null, 'bbbb', 'cccc']);
  byBytes.keep('huge', terms, body('x'.repeat(11)));
  expect(byBytes.lookup('huge')).toBeNull();
  expect(byBytes.lookup('3')?.toString()).toBe('cccc');
});
