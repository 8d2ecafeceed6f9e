import { readFigures } from '../../../src/domain/reports/figures-codec';
import { calendarKey } from '../../../src/domain/reports/ticket-figures';
import { defaultSettings } from '../../../src/domain/settings';
import { createSeenRecorder } from '../../../src/services/reports/seen-recorder';
import { recordStateChange } from '../../../src/services/reports/state-events';
import { createStore, migrateToLatest, openDatabase, type Store } from '../../../src/store';
import { ManualClock } from '../../../src/util/clock';

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
let store: Store;
const clock = new ManualClock(T0);
const policy = defaultSettings('UTC').sla;

beforeEach(async () => {
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  store = createStore(database);
  for (const id of ['ws-a', 'ws-b']) {
    await store.workspaces.upsert(id, {
      name: id,
      region: 'us',
      apiBaseUrl: 'https://api.intercom.io',
      timezone: 'UTC',
      token: { ciphertext: 'x', keyId: 'k1' },
      installMode: 'oauth',
      installedAt: T0,
      installedByAdminId: 'admin-1',
    });
  }
});
afterEach(() => store.close());

describe('conversations seen', () => {
  it('notes in memory, writes one batch per flush, and never writes a conversation twice', async () => {
    const seen = createSeenRecorder({ store, clock });
    seen.note('ws-a', 'c1');
    seen.note('ws-a', 'c1');
    seen.note('ws-b', 'c1');
    expect(await store.reports.countSeen('ws-a', 0, T0 * 2)).toBe(0);
    expect(await seen.flush()).toBe(2);
    clock.advance(60_000);
    seen.note('ws-a', 'c1');
    seen.note('ws-a', 'c2');
    expect(await seen.flush()).toBe(1);
    expect(await store.reports.countSeen('ws-a', T0, T0 + 1)).toBe(1);
    expect(await store.reports.countSeen('ws-a', 0, T0 * 2)).toBe(2);
    expect(await seen.flush()).toBe(0);
  });

  it('bounds what waits in memory, and keeps a batch the database refused for the next pass', async () => {
    const errors: unknown[] = [];
    const seen = createSeenRecorder({ store, clock, pendingMax: 2, onError: (e) => errors.push(e) });
    seen.note('ws-a', 'c1');
    seen.note('ws-a', 'c2');
    seen.note('ws-a', 'c3');
    seen.note('ws-unknown', 'c1');
    expect(await seen.flush()).toBe(2);
    const failing = createSeenRecorder({ store, clock, onError: (e) => errors.push(e) });
    failing.note('ws-missing', 'c1');
    expect(await failing.flush()).toBe(0);
    expect(errors).toHaveLength(1);
  });
});

describe('ticket resolutions and reopenings', () => {
  it('records a resolution and a reopening once each, and nothing for other changes', async () => {
    await recordStateChange(store, 'ws-a', 'tk', 'in_progress', { category: 'resolved', at: T0 }, policy, T0);
    await recordStateChange(store, 'ws-a', 'tk', 'in_progress', { category: 'resolved', at: T0 }, policy, T0);
    await recordStateChange(store, 'ws-a', 'tk', 'resolved', { category: 'in_progress', at: T0 + 1 }, policy, T0);
    await recordStateChange(store, 'ws-a', 'tk', 'in_progress', { category: 'waiting_on_customer', at: T0 + 2 }, policy, T0);
    await recordStateChange(store, 'ws-a', 'tk', 'in_progress', null, policy, T0);
    await store.tickets.upsert(
      'ws-a',
      {
        ticketId: 'tk',
        ticketNumber: null,
        conversationId: 'c',
        contactId: null,
        title: 't',
        ticketTypeId: null,
        stateCategory: 'in_progress',
        stateLabel: null,
        priority: null,
        queue: null,
        teamId: null,
        adminAssigneeId: null,
        ownerName: null,
        teamName: null,
        isOpen: true,
        intercomUpdatedAt: T0,
      },
      T0,
    );
    expect(await store.reports.stateEvents('ws-a', ['tk'])).toEqual([
      { ticketId: 'tk', kind: 'resolved', at: T0 },
      { ticketId: 'tk', kind: 'reopened', at: T0 + 1 },
    ]);
    // The ticket's report figures are stored with each event (it has no clocks: only the events).
    const [row] = await store.reports.tickets('ws-a', { from: T0, to: T0 + 10 }, calendarKey(policy.businessHours));
    expect(readFigures(row!.figures!)).toMatchObject({
      response: null,
      resolution: null,
      events: [{ kind: 'resolved' }, { kind: 'reopened' }],
    });
  });
});
