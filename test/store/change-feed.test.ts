/**
 * The change feed (src/store/change-feed.ts): local writes invalidate their workspace only; another SQLite
 * connection's commit, a PostgreSQL notification or a lost LISTEN connection are honoured as the module says.
 * The external sources are stand-ins here; test/flows/sidebar/reuse-instances.test.ts runs the real ones.
 */
import { conversationSubject, createChangeFeed, escalationSubject, ticketSubject } from '../../src/store/change-feed';
import { decodeNotification, encodeNotification } from '../../src/store/change-notification';
import type { ExternalChanges } from '../../src/store/database';

describe('change feed, local writes', () => {
  it('a write invalidates stamps of its workspace taken before it, not after it, and not other workspaces', () => {
    const feed = createChangeFeed({ kind: 'sqlite', dataVersion: () => 1 });
    const before = feed.stamp();
    expect(feed.unchangedSince('w1', before)).toBe(true);
    feed.written('w1');
    expect(feed.unchangedSince('w1', before)).toBe(false);
    expect(feed.unchangedSince('w2', before)).toBe(true);
    const after = feed.stamp();
    expect(feed.unchangedSince('w1', after)).toBe(true);
  });

  it('a settings write is also a rows write; a rows write leaves the settings scope alone', () => {
    const feed = createChangeFeed({ kind: 'sqlite', dataVersion: () => 1 });
    const stamp = feed.stamp();
    feed.written('w1', 'rows');
    expect(feed.unchangedSince('w1', stamp, 'settings')).toBe(true);
    feed.written('w1', 'settings');
    expect(feed.unchangedSince('w1', stamp, 'settings')).toBe(false);
    const later = feed.stamp();
    feed.written('w2', 'settings');
    expect(feed.unchangedSince('w2', later, 'rows')).toBe(false);
  });
});

describe('change feed, scopes and subjects', () => {
  const sqlite = () => createChangeFeed({ kind: 'sqlite', dataVersion: () => 1 });

  it('a dead-work write reaches rows and dead but not settings; a settings write reaches all three', () => {
    const feed = sqlite();
    const stamp = feed.stamp();
    feed.written('w1', 'dead');
    expect([
      feed.unchangedSince('w1', stamp, 'rows'),
      feed.unchangedSince('w1', stamp, 'dead'),
      feed.unchangedSince('w1', stamp, 'settings'),
    ]).toEqual([false, false, true]);
    feed.written('w2', 'settings');
    expect(feed.unchangedSince('w2', stamp, 'dead')).toBe(false);
    // A plain rows write leaves the dead scope alone.
    const later = feed.stamp();
    feed.written('w1', 'rows', [ticketSubject('1')]);
    expect(feed.unchangedSince('w1', later, 'dead')).toBe(true);
  });

  it('a subject write reaches views built from that subject only; a wide write reaches every view of its workspace', () => {
    const feed = sqlite();
    const stamp = feed.stamp();
    const view = [conversationSubject('c1'), ticketSubject('t1'), escalationSubject('e1')];
    feed.written('w1', 'rows', [ticketSubject('t2'), conversationSubject('c2')]);
    expect(feed.subjectsUnchangedSince('w1', stamp, view)).toBe(true);
    expect(feed.unchangedSince('w1', stamp)).toBe(false);
    feed.written('w2', 'rows', [ticketSubject('t1')]);
    expect(feed.subjectsUnchangedSince('w1', stamp, view)).toBe(true);
    feed.written('w1', 'rows', [escalationSubject('e1')]);
    expect(feed.subjectsUnchangedSince('w1', stamp, view)).toBe(false);
    const later = feed.stamp();
    expect(feed.subjectsUnchangedSince('w1', later, view)).toBe(true);
    feed.written('w1', 'dead');
    expect(feed.subjectsUnchangedSince('w1', later, view)).toBe(false);
    expect(feed.subjectsUnchangedSince('w1', later, [])).toBe(false);
  });

  it('a subject forgotten to keep the feed bounded counts as changed when it was forgotten, never as unchanged', () => {
    const feed = createChangeFeed({ kind: 'sqlite', dataVersion: () => 1 }, 2);
    const stamp = feed.stamp();
    feed.written('w', 'rows', [ticketSubject('1')]);
    const between = feed.stamp();
    feed.written('w', 'rows', [ticketSubject('2')]);
    feed.written('w', 'rows', [ticketSubject('3')]);
    // Subject 1 is forgotten: a stamp from before its write must not trust it; one taken after it may.
    expect(feed.subjectsUnchangedSince('w', stamp, [ticketSubject('1')])).toBe(false);
    expect(feed.subjectsUnchangedSince('w', between, [ticketSubject('1')])).toBe(true);
    expect(feed.subjectsUnchangedSince('w', between, [ticketSubject('3')])).toBe(false);
  });
});

describe('change feed, notification payloads', () => {
  it('round-trip scope, workspace and subjects, whatever characters the ids hold', () => {
    const subjects = [ticketSubject('7\n"x:y'), conversationSubject('c:1')];
    expect(decodeNotification(encodeNotification('w:1', 'rows', subjects))).toEqual({
      workspaceId: 'w:1',
      scope: 'rows',
      subjects,
      origin: null,
    });
    expect(decodeNotification(encodeNotification('w:1', 'rows', subjects, 'ab12'))).toEqual({
      workspaceId: 'w:1',
      scope: 'rows',
      subjects,
      origin: 'ab12',
    });
    expect(decodeNotification(encodeNotification('w1', 'dead', subjects, 'ab12'))).toEqual({
      workspaceId: 'w1',
      scope: 'dead',
      subjects: null,
      origin: null,
    });
    expect(decodeNotification(encodeNotification('w1', 'rows'))).toEqual({
      workspaceId: 'w1',
      scope: 'rows',
      subjects: null,
      origin: null,
    });
  });

  it('a write naming more than a payload can carry is announced workspace-wide', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => ticketSubject(String(i)));
    expect(encodeNotification('w1', 'rows', many)).toBe('rows:w1');
  });

  it('an unknown scope counts as the widest; an unreadable payload as nothing', () => {
    expect(decodeNotification('later:w1')).toEqual({ workspaceId: 'w1', scope: 'settings', subjects: null, origin: null });
    expect(decodeNotification('rows+:[1,2]')).toBeNull();
    expect(decodeNotification('rows+:{')).toBeNull();
    expect(decodeNotification('nonsense')).toBeNull();
  });
});

describe('change feed, SQLite: other connections', () => {
  it('a commit by another connection (data_version moves) invalidates every workspace once', () => {
    let version = 7;
    const feed = createChangeFeed({ kind: 'sqlite', dataVersion: () => version });
    const stamp = feed.stamp();
    version = 8;
    expect(feed.unchangedSince('w1', stamp)).toBe(false);
    expect(feed.unchangedSince('w2', stamp)).toBe(false);
    const next = feed.stamp();
    expect(feed.unchangedSince('w1', next)).toBe(true);
  });

  it('a stamp taken after the other commit is not spoilt by it', () => {
    let version = 1;
    const feed = createChangeFeed({ kind: 'sqlite', dataVersion: () => version });
    version = 2;
    const stamp = feed.stamp();
    expect(feed.unchangedSince('w1', stamp)).toBe(true);
  });
});

describe('change feed, PostgreSQL: other instances', () => {
  function fakePostgres() {
    const state = {
      opened: 0,
      closed: 0,
      onNotify: null as ((payload: string) => void) | null,
      onLost: null as (() => void) | null,
      fail: false,
    };
    const external: ExternalChanges = {
      kind: 'postgres',
      channel: 'handoff_changes',
      origin: 'this-database',
      listen: async (onNotify, onLost) => {
        if (state.fail) throw new Error('connection refused');
        state.opened += 1;
        state.onNotify = (payload) => onNotify(payload, 'changes');
        state.onLost = onLost;
        return {
          close: async () => {
            state.closed += 1;
          },
        };
      },
      notifyViews: async () => {},
    };
    return { state, external };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('trusts nothing until LISTEN is up, then honours each notification for its workspace', async () => {
    const { state, external } = fakePostgres();
    const feed = createChangeFeed(external);
    const stamp = feed.stamp();
    expect(state.opened).toBe(0);
    // The first check connects (lazily) and answers "changed": nothing is known yet.
    expect(feed.unchangedSince('w1', stamp)).toBe(false);
    await settle();
    expect(state.opened).toBe(1);
    const listening = feed.stamp();
    expect(feed.unchangedSince('w1', listening)).toBe(true);
    state.onNotify?.('rows:w1');
    expect(feed.unchangedSince('w1', listening)).toBe(false);
    expect(feed.unchangedSince('w1', listening, 'settings')).toBe(true);
    expect(feed.unchangedSince('w2', listening)).toBe(true);
    state.onNotify?.(encodeNotification('w3', 'rows', [ticketSubject('t1')]));
    expect(feed.subjectsUnchangedSince('w3', listening, [ticketSubject('t2')])).toBe(true);
    expect(feed.subjectsUnchangedSince('w3', listening, [ticketSubject('t1')])).toBe(false);
    state.onNotify?.('settings:w2');
    expect(feed.unchangedSince('w2', listening, 'settings')).toBe(false);
    expect(feed.unchangedSince('w2', listening)).toBe(false);
    await feed.close();
    expect(state.closed).toBe(1);
  });

  it("says why a view is stale: whose write, and whether it named the view's subjects or the whole workspace", async () => {
    const { state, external } = fakePostgres();
    const feed = createChangeFeed(external);
    const view = [conversationSubject('c1'), ticketSubject('t1')];
    expect(feed.staleCause('w1', feed.stamp(), view)).toEqual({ kind: 'unheard', notified: false });
    await settle();
    const stamp = feed.stamp();
    state.onNotify?.(encodeNotification('w1', 'rows', [ticketSubject('t2')]));
    expect(feed.staleCause('w1', stamp, view)).toBeNull();
    state.onNotify?.(encodeNotification('w1', 'rows', [ticketSubject('t1')]));
    expect(feed.staleCause('w1', stamp, view)).toEqual({ kind: 'subject', notified: true });
    // The same subject written here afterwards: the latest write is this instance's.
    feed.written('w1', 'rows', [ticketSubject('t1')]);
    expect(feed.staleCause('w1', stamp, view)).toEqual({ kind: 'subject', notified: false });
    state.onNotify?.('rows:w1');
    expect(feed.staleCause('w1', stamp, view)).toEqual({ kind: 'workspace', notified: true });
    state.onNotify?.('nonsense');
    expect(feed.staleCause('w1', stamp, view)).toEqual({ kind: 'everything', notified: false });
    await feed.close();
  });

  it("ignores the echo of this database's own writes (counted already), not another writer's", async () => {
    const { state, external } = fakePostgres();
    const feed = createChangeFeed(external);
    feed.stamp();
    feed.unchangedSince('w1', feed.stamp());
    await settle();
    const stamp = feed.stamp();
    const view = [ticketSubject('t1')];
    state.onNotify?.(encodeNotification('w1', 'rows', view, 'this-database'));
    expect(feed.staleCause('w1', stamp, view)).toBeNull();
    state.onNotify?.(encodeNotification('w1', 'rows', view, 'another-instance'));
    expect(feed.staleCause('w1', stamp, view)).toEqual({ kind: 'subject', notified: true });
    await feed.close();
  });

  it('a lost connection invalidates everything and trusts nothing until it is back', async () => {
    jest.useFakeTimers();
    try {
      const { state, external } = fakePostgres();
      const feed = createChangeFeed(external);
      feed.unchangedSince('w1', feed.stamp());
      await jest.advanceTimersByTimeAsync(0);
      const stamp = feed.stamp();
      expect(feed.unchangedSince('w1', stamp)).toBe(true);
      state.onLost?.();
      expect(feed.unchangedSince('w1', stamp)).toBe(false);
      expect(feed.unchangedSince('w1', feed.stamp())).toBe(false);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(state.opened).toBe(2);
      expect(feed.unchangedSince('w1', feed.stamp())).toBe(true);
      await feed.close();
    } finally {
      jest.useRealTimers();
    }
  });
});
