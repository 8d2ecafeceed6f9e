/**
 * Views shared between instances (src/store/shared-views.ts through the change feed): a view is offered only when
 * its marker comes back with nothing written to it meanwhile, and a receiver checks it from the marker's place in the
 * commit order on, its own writes counted where their echo falls. PostgreSQL is a stand-in here that delivers what
 * the test hands it, in the order it hands it; test/flows/sidebar/reuse-shared.test.ts runs the real one.
 */
import { createChangeFeed, type SharedView, ticketSubject } from '../../src/store/change-feed';
import { encodeNotification } from '../../src/store/change-notification';
import type { ExternalChanges } from '../../src/store/database';

/** One instance's LISTEN connection, driven by hand: what it hears on each channel, and what it sends on the views channel. */
function fakePostgres(origin: string) {
  const state = {
    onNotify: null as ((payload: string, on?: 'changes' | 'views') => void) | null,
    onLost: null as (() => void) | null,
    views: [] as string[],
  };
  const external: ExternalChanges = {
    kind: 'postgres',
    channel: 'handoff_changes',
    origin,
    listen: async (onNotify, onLost) => {
      state.onNotify = (payload, on = 'changes') => onNotify(payload, on);
      state.onLost = onLost;
      return { close: async () => {} };
    },
    notifyViews: async (payloads) => {
      state.views.push(...payloads);
    },
  };
  return { state, external };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('views shared between instances, placed in the commit order', () => {
  const view = (key: string, subjects = [ticketSubject('t1')]): SharedView => ({
    key,
    workspaceId: 'w1',
    subjects,
    until: Number.MAX_SAFE_INTEGER,
    body: Buffer.from('{"canvas":"ü"}'),
  });
  /** An instance's feed, listening, with what it sent and what it received from others. */
  async function instance(origin: string) {
    const { state, external } = fakePostgres(origin);
    const feed = createChangeFeed(external);
    const received: { view: SharedView; stamp: number }[] = [];
    feed.receiveSharedViews((shared, stamp) => received.push({ view: shared, stamp }));
    feed.unchangedSince('w1', feed.stamp());
    await settle();
    // Another instance is about: it has offered views of its own.
    state.onNotify?.('m:someone-else:1', 'views');
    return { state, feed, received };
  }
  const batched = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('offers a view when its marker comes back unchanged; the receiver checks it from the marker on', async () => {
    const a = await instance('a');
    const b = await instance('b');
    a.feed.shareView(view('k1'), a.feed.stamp());
    await batched();
    const [marker] = a.state.views.splice(0);
    expect(marker).toMatch(/^m:a:/);
    b.state.onNotify?.(marker!, 'views');
    a.state.onNotify?.(marker!, 'views');
    const [confirmation] = a.state.views.splice(0);
    // A write committed after the marker, heard by B before the confirmation: B's check catches it.
    b.state.onNotify?.(encodeNotification('w1', 'rows', [ticketSubject('t1')], 'c'));
    b.state.onNotify?.(confirmation!, 'views');
    expect(b.received).toHaveLength(1);
    const { view: got, stamp } = b.received[0]!;
    expect(got).toEqual(view('k1'));
    expect(b.feed.staleCause('w1', stamp, got.subjects, true)).toEqual({ kind: 'subject', notified: true });
    expect(b.feed.staleCause('w1', stamp, [ticketSubject('t2')], true)).toBeNull();
    await Promise.all([a.feed.close(), b.feed.close()]);
  });

  it('an instance that never heard another offer sends its markers only', async () => {
    const { state, external } = fakePostgres('alone');
    const feed = createChangeFeed(external);
    feed.unchangedSince('w1', feed.stamp());
    await settle();
    feed.shareView(view('k1'), feed.stamp());
    await batched();
    const [marker] = state.views.splice(0);
    state.onNotify?.(marker!, 'views');
    expect(state.views).toEqual([]);
    await feed.close();
  });

  it('offers nothing when a write to the view was heard before its marker came back', async () => {
    const a = await instance('a');
    const stamp = a.feed.stamp();
    a.feed.shareView(view('k1'), stamp);
    a.feed.shareView(view('k2', [ticketSubject('t2')]), stamp);
    await batched();
    const [marker] = a.state.views.splice(0);
    // Another instance's write to t1 committed before the marker: only the view of t2 goes out.
    a.state.onNotify?.(encodeNotification('w1', 'rows', [ticketSubject('t1')], 'c'));
    a.state.onNotify?.(marker!, 'views');
    expect(a.state.views).toHaveLength(1);
    expect(a.state.views[0]).toContain('"k2"');
    await a.feed.close();
  });

  it("counts this instance's own write at its echo for a shared view, not for its own renders", async () => {
    const a = await instance('a');
    const b = await instance('b');
    a.feed.shareView(view('k1'), a.feed.stamp());
    await batched();
    const [marker] = a.state.views.splice(0);
    // B wrote t1 and counted it before hearing the marker; the commit came after it, so its echo comes after too.
    const local = b.feed.stamp();
    b.feed.written('w1', 'rows', [ticketSubject('t1')]);
    const late = b.feed.stamp();
    b.state.onNotify?.(marker!, 'views');
    a.state.onNotify?.(marker!, 'views');
    b.state.onNotify?.(a.state.views.splice(0)[0]!, 'views');
    const { stamp } = b.received[0]!;
    expect(b.feed.staleCause('w1', stamp, [ticketSubject('t1')], true)).toBeNull();
    b.state.onNotify?.(encodeNotification('w1', 'rows', [ticketSubject('t1')], 'b'));
    expect(b.feed.staleCause('w1', stamp, [ticketSubject('t1')], true)).toEqual({ kind: 'subject', notified: true });
    // B's own renders still count its writes once, when made: the echo changes nothing for them.
    expect(b.feed.staleCause('w1', local, [ticketSubject('t1')])).toEqual({ kind: 'subject', notified: false });
    expect(b.feed.staleCause('w1', late, [ticketSubject('t1')])).toBeNull();
    await Promise.all([a.feed.close(), b.feed.close()]);
  });

  it('ignores a view whose marker it did not hear, its own views, and anything after a lost connection', async () => {
    const a = await instance('a');
    const b = await instance('b');
    a.feed.shareView(view('k1'), a.feed.stamp());
    await batched();
    const [marker] = a.state.views.splice(0);
    a.state.onNotify?.(marker!, 'views');
    const [confirmation] = a.state.views.splice(0);
    b.state.onNotify?.(confirmation!, 'views');
    a.state.onNotify?.(confirmation!, 'views');
    expect(b.received).toHaveLength(0);
    expect(a.received).toHaveLength(0);
    // Heard the marker, then lost the connection: the confirmation that follows is not trusted.
    a.feed.shareView(view('k2'), a.feed.stamp());
    await batched();
    const [second] = a.state.views.splice(0);
    b.state.onNotify?.(second!, 'views');
    a.state.onNotify?.(second!, 'views');
    b.state.onLost?.();
    b.state.onNotify?.(a.state.views.splice(0)[0]!, 'views');
    expect(b.received).toHaveLength(0);
    await Promise.all([a.feed.close(), b.feed.close()]);
  });
});
