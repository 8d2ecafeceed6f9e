/**
 * The reuse table on its own (src/http/initialize-reuse.ts): the terms a canvas was kept on, and its bounds.
 * test/flows/sidebar/reuse.test.ts covers it through the real app.
 */
import { createInitializeReuse } from '../../src/http/initialize-reuse';
import { type ChangeFeed, type ChangeSubject, conversationSubject, createChangeFeed, ticketSubject } from '../../src/store/change-feed';
import { ManualClock } from '../../src/util/clock';

function quietFeed(): ChangeFeed & { touch(workspaceId: string, subjects?: readonly ChangeSubject[]): void } {
  const feed = createChangeFeed({ kind: 'sqlite', dataVersion: () => 1 });
  return { ...feed, touch: (workspaceId, subjects) => feed.written(workspaceId, 'rows', subjects ?? null) };
}

const body = (text: string) => Buffer.from(text);

it('answers until `until` (exclusive), then never again', () => {
  const clock = new ManualClock(1_000);
  const changes = quietFeed();
  const reuse = createInitializeReuse({ changes, clock });
  reuse.keep('sig', { workspaceId: 'w', stamp: changes.stamp(), until: 2_000, subjects: [] }, body('canvas'));
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
  reuse.keep('a', { workspaceId: 'w1', stamp, until: 9_000, subjects: [] }, body('one'));
  reuse.keep('b', { workspaceId: 'w2', stamp, until: 9_000, subjects: [] }, body('two'));
  changes.touch('w1');
  expect(reuse.lookup('a')).toBeNull();
  expect(reuse.lookup('b')?.toString()).toBe('two');
});

it('does not keep what is already out of date', () => {
  const clock = new ManualClock(5_000);
  const changes = quietFeed();
  const reuse = createInitializeReuse({ changes, clock });
  reuse.keep('sig', { workspaceId: 'w', stamp: changes.stamp(), until: 5_000, subjects: [] }, body('late'));
  expect(reuse.lookup('sig')).toBeNull();
});

it('keeps at most maxEntries and maxBytes, dropping the oldest first', () => {
  const clock = new ManualClock(0);
  const changes = quietFeed();
  const terms = { workspaceId: 'w', stamp: changes.stamp(), until: 10, subjects: [] };
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

it('a write naming its ticket or conversation evicts only the canvases built from them', () => {
  const clock = new ManualClock(1_000);
  const changes = quietFeed();
  const reuse = createInitializeReuse({ changes, clock });
  const stamp = changes.stamp();
  const a = [conversationSubject('c1'), ticketSubject('t1')];
  const b = [conversationSubject('c2'), ticketSubject('t2')];
  reuse.keep('a', { workspaceId: 'w', stamp, until: 9_000, subjects: a }, body('one'));
  reuse.keep('b', { workspaceId: 'w', stamp, until: 9_000, subjects: b }, body('two'));
  reuse.keep('c', { workspaceId: 'w', stamp, until: 9_000, subjects: [conversationSubject('c3')] }, body('three'));
  changes.touch('w', [ticketSubject('t1')]);
  expect(reuse.lookup('a')).toBeNull();
  expect(reuse.lookup('b')?.toString()).toBe('two');
  changes.touch('w', [conversationSubject('c2')]);
  expect(reuse.lookup('b')).toBeNull();
  expect(reuse.lookup('c')?.toString()).toBe('three');
  // A write that names nothing may show anywhere in the workspace.
  changes.touch('w');
  expect(reuse.lookup('c')).toBeNull();
});

it('counts why each lookup rendered afresh', () => {
  const clock = new ManualClock(1_000);
  const changes = quietFeed();
  const reuse = createInitializeReuse({ changes, clock });
  const stamp = changes.stamp();
  reuse.lookup('never-kept');
  reuse.keep('a', { workspaceId: 'w', stamp, until: 2_000, subjects: [ticketSubject('t1')] }, body('one'));
  reuse.keep('b', { workspaceId: 'w', stamp, until: 9_000, subjects: [ticketSubject('t2')] }, body('two'));
  reuse.keep('c', { workspaceId: 'w', stamp, until: 9_000, subjects: [ticketSubject('t3')] }, body('three'));
  changes.touch('w', [ticketSubject('t2')]);
  expect(reuse.lookup('b')).toBeNull();
  clock.set(2_000);
  expect(reuse.lookup('a')).toBeNull();
  expect(reuse.lookup('c')?.toString()).toBe('three');
  changes.touch('w');
  expect(reuse.lookup('c')).toBeNull();
  expect(reuse.misses()).toMatchObject({ none: 1, expired: 1, subject_local: 1, workspace_local: 1, subject_notified: 0 });
});

describe('a canvas whose "As of" line is all that moves with the minute', () => {
  const MIN = 60_000;
  /** A stand-in for the screen's line: the minute it shows, turning with the minute. */
  const lineAt = (at: number) => ({ json: `{"asOf":${Math.floor(at / MIN)}}`, until: (Math.floor(at / MIN) + 1) * MIN });
  const rendered = (at: number, rest = 'rest') => body(`{"a":"${rest}",${lineAt(at).json},"z":1}`);

  it('is answered past its minute with the line drawn for the lookup, up to restamp.until, then never again', () => {
    const clock = new ManualClock(10 * MIN + 5_000);
    const changes = quietFeed();
    const reuse = createInitializeReuse({ changes, clock });
    const restamp = { renderedAt: clock.now(), until: 13 * MIN, lineAt };
    reuse.keep('sig', { workspaceId: 'w', stamp: changes.stamp(), until: 11 * MIN, subjects: [], restamp }, rendered(clock.now()));
    expect(reuse.lookup('sig')?.toString()).toBe(rendered(clock.now()).toString());
    for (const at of [11 * MIN, 11 * MIN + 59_999, 12 * MIN + 1]) {
      clock.set(at);
      expect(reuse.lookup('sig')?.toString()).toBe(rendered(at).toString());
    }
    clock.set(13 * MIN);
    expect(reuse.lookup('sig')).toBeNull();
    expect(reuse.misses()).toMatchObject({ expired: 1 });
  });

  it('still renders afresh after a write to what it shows, and keeps the minute bound when the line is ambiguous', () => {
    const clock = new ManualClock(10 * MIN);
    const changes = quietFeed();
    const reuse = createInitializeReuse({ changes, clock });
    const stamp = changes.stamp();
    const restamp = { renderedAt: clock.now(), until: 20 * MIN, lineAt };
    const subjects = [ticketSubject('t1')];
    reuse.keep('written', { workspaceId: 'w', stamp, until: 11 * MIN, subjects, restamp }, rendered(clock.now()));
    // The line's text also stands elsewhere in the body (as customer text could): no way to tell which to redraw.
    const twice = body(`{"a":${lineAt(clock.now()).json},${lineAt(clock.now()).json}}`);
    reuse.keep('twice', { workspaceId: 'w', stamp, until: 11 * MIN, subjects: [], restamp }, twice);
    // The screen would lay the line out differently at that instant: rendered afresh.
    const wraps = { ...restamp, lineAt: (at: number) => (at < 11 * MIN ? lineAt(at) : null) };
    reuse.keep('wraps', { workspaceId: 'w', stamp, until: 11 * MIN, subjects: [], restamp: wraps }, rendered(clock.now()));
    changes.touch('w', subjects);
    clock.set(11 * MIN);
    expect(reuse.lookup('written')).toBeNull();
    expect(reuse.lookup('twice')).toBeNull();
    expect(reuse.lookup('wraps')).toBeNull();
    expect(reuse.misses()).toMatchObject({ subject_local: 1, expired: 2 });
  });

  it('counts the redrawn body in the byte bound, not the one it replaced as well', () => {
    const clock = new ManualClock(10 * MIN);
    const changes = quietFeed();
    const first = rendered(clock.now());
    const reuse = createInitializeReuse({ changes, clock, maxBytes: 2 * first.length + 20 });
    const restamp = { renderedAt: clock.now(), until: 100 * MIN, lineAt };
    const terms = { workspaceId: 'w', stamp: changes.stamp(), until: 11 * MIN, subjects: [], restamp };
    reuse.keep('a', terms, first);
    reuse.keep('b', terms, rendered(clock.now(), 'ouch'));
    for (let minute = 11; minute < 20; minute += 1) {
      clock.set(minute * MIN);
      expect(reuse.lookup('a')?.toString()).toBe(rendered(clock.now()).toString());
      expect(reuse.lookup('b')?.toString()).toBe(rendered(clock.now(), 'ouch').toString());
    }
    // Room for ten more bytes beside the two redrawn bodies: nothing is pushed out unless the count leaked.
    reuse.keep('c', { ...terms, until: 100 * MIN }, body('0123456789'));
    expect(reuse.lookup('a')?.toString()).toBe(rendered(clock.now()).toString());
    expect(reuse.lookup('c')?.toString()).toBe('0123456789');
  });
});
