import type { IncidentSnapshot, Store } from '../../../src/store';
import { describeContract, seedWorkspace, T0 } from './harness';

const DAY = 86_400_000;
const window = { from: T0, to: T0 + 10 * DAY };

const snapshot = (trackerId: string, overrides: Partial<IncidentSnapshot> = {}): IncidentSnapshot => ({
  trackerId,
  ticketNumber: trackerId.toUpperCase(),
  title: `Incident ${trackerId}`,
  stateCategory: 'in_progress',
  stateLabel: null,
  open: true,
  linkedCount: 0,
  intercomUpdatedAt: T0 - 40 * DAY,
  createdAt: T0 - 40 * DAY,
  ...overrides,
});

/** A link made at `at` and moved to `status` (linked, unlinked or failed). */
async function link(
  store: Store,
  ws: string,
  trackerId: string,
  conversationId: string,
  at: number,
  status: 'linked' | 'unlinked' | 'failed' = 'linked',
) {
  const { link: made } = await store.incidentLinks.reserve(ws, {
    requestKey: `${conversationId}:${trackerId}:${at}`,
    trackerId,
    conversationId,
    adminId: 'admin-1',
    note: null,
    now: at,
  });
  await store.incidentLinks.setStatus(ws, made.id, { status }, at + 1);
}

describeContract('report incident reads', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  it('reads incidents first linked or resolved in the window, with their standing links; and the standing links made in it', async () => {
    const { store } = engine;
    for (const id of ['new', 'old-resolved-in', 'old', 'failed-only', 'seen-only']) await store.incidents.upsert('ws-a', snapshot(id), T0);
    await store.incidents.upsert('ws-b', snapshot('new'), T0);
    // new: first linked in the window; two links stand, one was undone.
    await link(store, 'ws-a', 'new', 'c1', T0 + DAY);
    await link(store, 'ws-a', 'new', 'c2', T0 + 2 * DAY);
    await link(store, 'ws-a', 'new', 'c3', T0 + 3 * DAY, 'unlinked');
    // old-resolved-in: first linked long before, resolved in the window.
    await link(store, 'ws-a', 'old-resolved-in', 'c4', T0 - 30 * DAY);
    await store.incidents.upsert(
      'ws-a',
      snapshot('old-resolved-in', { stateCategory: 'resolved', open: false, intercomUpdatedAt: T0 + 4 * DAY }),
      T0 + 4 * DAY,
    );
    // old: first linked long before, still open: not in the window. failed-only: its one link failed.
    await link(store, 'ws-a', 'old', 'c5', T0 - 30 * DAY);
    await link(store, 'ws-a', 'failed-only', 'c6', T0 + DAY, 'failed');
    await link(store, 'ws-b', 'new', 'c1', T0 + DAY);

    const rows = await store.reports.incidents('ws-a', window);
    expect(rows.sort((a, b) => a.trackerId.localeCompare(b.trackerId))).toEqual([
      {
        trackerId: 'new',
        ticketNumber: 'NEW',
        title: 'Incident new',
        stateCategory: 'in_progress',
        firstLinkedAt: T0 + DAY,
        resolvedAt: null,
        standing: 2,
      },
      {
        trackerId: 'old-resolved-in',
        ticketNumber: 'OLD-RESOLVED-IN',
        title: 'Incident old-resolved-in',
        stateCategory: 'resolved',
        firstLinkedAt: T0 - 30 * DAY,
        resolvedAt: T0 + 4 * DAY,
        standing: 1,
      },
    ]);
    const links = await store.reports.incidentLinks('ws-a', window);
    expect(links.sort((a, b) => a.createdAt - b.createdAt)).toEqual([
      { trackerId: 'new', createdAt: T0 + DAY },
      { trackerId: 'new', createdAt: T0 + 2 * DAY },
    ]);
    expect(await store.reports.incidents('ws-a', { from: T0 + 5 * DAY, to: T0 + 10 * DAY })).toEqual([]);
  });
});
