/**
 * The change feed (src/store/change-feed.ts): local writes invalidate their workspace only; another SQLite
 * connection's commit, a PostgreSQL notification or a lost LISTEN connection are honoured as the module says.
 * The external sources are stand-ins here; test/flows/sidebar/reuse-instances.test.ts runs the real ones.
 */
import { createChangeFeed } from '../../src/store/change-feed';
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
      listen: async (onNotify, onLost) => {
        if (state.fail) throw new Error('connection refused');
        state.opened += 1;
        state.onNotify = onNotify;
        state.onLost = onLost;
        return {
          close: async () => {
            state.closed += 1;
          },
        };
      },
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
    state.onNotify?.('settings:w2');
    expect(feed.unchangedSince('w2', listening, 'settings')).toBe(false);
    expect(feed.unchangedSince('w2', listening)).toBe(false);
    await feed.close();
    expect(state.closed).toBe(1);
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
