import type { IncidentSnapshot, LinkRequest } from '../../../src/store';
import { describeContract, seedWorkspace, T0 } from './harness';

const snapshot = (overrides: Partial<IncidentSnapshot> = {}): IncidentSnapshot => ({
  trackerId: 't-1',
  ticketNumber: '88',
  title: 'Payments failing',
  stateCategory: 'in_progress',
  stateLabel: 'In progress',
  open: true,
  linkedCount: 3,
  intercomUpdatedAt: T0,
  createdAt: T0,
  ...overrides,
});

const request = (overrides: Partial<LinkRequest> = {}): LinkRequest => ({
  requestKey: 'conv-1:nonce-1',
  trackerId: 't-1',
  conversationId: 'conv-1',
  adminId: 'admin-1',
  note: null,
  now: T0,
  ...overrides,
});

describeContract('incidents', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  it('keeps the newest snapshot and remembers when the incident resolved, until it reopens', async () => {
    const { incidents } = engine.store;
    expect((await incidents.upsert('ws-a', snapshot(), T0)).kind).toBe('stored');
    const resolved = await incidents.upsert(
      'ws-a',
      snapshot({ stateCategory: 'resolved', open: false, intercomUpdatedAt: T0 + 5_000 }),
      T0,
    );
    expect(resolved).toMatchObject({ kind: 'stored', resolvedNow: true, incident: { resolvedAt: T0 + 5_000 } });
    const again = await incidents.upsert('ws-a', snapshot({ stateCategory: 'resolved', open: false, intercomUpdatedAt: T0 + 9_000 }), T0);
    expect(again).toMatchObject({ kind: 'stored', resolvedNow: false, incident: { resolvedAt: T0 + 5_000 } });
    expect((await incidents.upsert('ws-a', snapshot({ intercomUpdatedAt: T0 + 1_000 }), T0)).kind).toBe('stale');
    await incidents.upsert('ws-a', snapshot({ intercomUpdatedAt: T0 + 10_000 }), T0);
    expect(await incidents.get('ws-a', 't-1')).toMatchObject({ resolvedAt: null, open: true, ticketNumber: '88' });
    expect(await incidents.get('ws-b', 't-1')).toBeNull();
  });

  it('lists open incidents newest first', async () => {
    await engine.store.incidents.upsert('ws-a', snapshot({ trackerId: 'old', createdAt: T0 }), T0);
    await engine.store.incidents.upsert('ws-a', snapshot({ trackerId: 'new', createdAt: T0 + 1 }), T0);
    await engine.store.incidents.upsert('ws-a', snapshot({ trackerId: 'done', open: false, stateCategory: 'resolved' }), T0);
    expect((await engine.store.incidents.listOpen('ws-a', 10)).map((i) => i.trackerId)).toEqual(['new', 'old']);
  });

  it('reserves one standing link per conversation and one row per request key', async () => {
    const links = engine.store.incidentLinks;
    const first = await links.reserve('ws-a', request());
    expect(first.kind).toBe('new');
    expect((await links.reserve('ws-a', request())).kind).toBe('duplicate');
    const other = await links.reserve('ws-a', request({ requestKey: 'conv-1:nonce-2', trackerId: 't-2' }));
    expect(other).toMatchObject({ kind: 'already_linked', link: { id: first.link.id, trackerId: 't-1' } });
    expect((await links.reserve('ws-b', request())).kind).toBe('new');
  });

  it('frees the conversation once a link fails or is undone, and keeps the record', async () => {
    const links = engine.store.incidentLinks;
    const { link } = await links.reserve('ws-a', request());
    await links.setStatus('ws-a', link.id, { status: 'linked' }, T0 + 1);
    await links.setStatus('ws-a', link.id, { status: 'unlinking', by: 'admin-2' }, T0 + 2);
    expect(await links.getStanding('ws-a', 'conv-1')).toMatchObject({ status: 'unlinking' });
    const undone = await links.setStatus('ws-a', link.id, { status: 'unlinked' }, T0 + 3);
    expect(undone).toMatchObject({ status: 'unlinked', unlinkedAt: T0 + 3, unlinkedBy: 'admin-2' });
    expect(await links.getStanding('ws-a', 'conv-1')).toBeNull();
    const second = await links.reserve('ws-a', request({ requestKey: 'conv-1:nonce-2' }));
    expect(second.kind).toBe('new');
    await links.setStatus('ws-a', second.link.id, { status: 'failed', lastError: 'refused' }, T0 + 4);
    expect((await links.reserve('ws-a', request({ requestKey: 'conv-1:nonce-3' }))).kind).toBe('new');
  });

  it('two racing reservations for one conversation: one wins', async () => {
    const other = await engine.openAnother();
    const results = await Promise.all([
      engine.store.incidentLinks.reserve('ws-a', request({ requestKey: 'k1' })),
      other.incidentLinks.reserve('ws-a', request({ requestKey: 'k2', trackerId: 't-2' })),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['already_linked', 'new']);
  });

  it('pages linked conversations and counts the follow-ups of one resolution', async () => {
    const links = engine.store.incidentLinks;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { link } = await links.reserve('ws-a', request({ requestKey: `k${i}`, conversationId: `c${i}` }));
      if (i < 4) await links.setStatus('ws-a', link.id, { status: 'linked' }, T0);
      ids.push(link.id);
    }
    expect(await links.countLinked('ws-a', 't-1')).toBe(4);
    const page1 = await links.listLinked('ws-a', 't-1', { limit: 3 });
    const page2 = await links.listLinked('ws-a', 't-1', { afterId: page1.at(-1)!.id, limit: 3 });
    expect([...page1, ...page2].map((l) => l.conversationId).sort()).toEqual(['c0', 'c1', 'c2', 'c3']);
    await links.markFollowedUp('ws-a', page1[0]!, T0 + 100);
    expect(await links.countFollowedUp('ws-a', 't-1', T0 + 100)).toBe(1);
    expect(await links.countFollowedUp('ws-a', 't-1', T0 + 200)).toBe(0);
  });

  it('keeps recent conversation signatures, newest first, and drops an empty one', async () => {
    const signals = engine.store.conversationSignals;
    await signals.put('ws-a', 'c1', ['code:E_PAYMENT_502'], T0);
    await signals.put('ws-a', 'c2', ['code:E_PAYMENT_502', 'feature:checkout'], T0 + 10);
    await signals.put('ws-a', 'c1', ['code:E_PAYMENT_502'], T0 + 20);
    await signals.put('ws-a', 'c3', ['x'], T0 - 1_000);
    expect((await signals.listSince('ws-a', T0, 10)).map((s) => s.conversationId)).toEqual(['c1', 'c2']);
    await signals.put('ws-a', 'c1', [], T0 + 30);
    expect((await signals.listSince('ws-a', T0, 10)).map((s) => s.conversationId)).toEqual(['c2']);
  });
});
