/**
 * The many-row writes and reads a webhook commit group uses (src/services/sync/group-store.ts), on both stores:
 * each writes what the one-row method would, and the in-memory forecasts the group answers with
 * (`upsertedTicket`, `keepsState`) agree with what the one-row methods do to the same stored row.
 */
import { keepsState, type TicketSnapshot, upsertedTicket } from '../../../src/store';
import { clockWrite, ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

describeContract('batch writes', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  it('upsertedTicket foretells what upsert leaves stored: older, equal and newer, numbers and escalations kept', async () => {
    const cases: [Partial<TicketSnapshot>, Partial<TicketSnapshot>][] = [
      [{ intercomUpdatedAt: T0 + 100 }, { intercomUpdatedAt: T0 + 50, title: 'older' }],
      [{ intercomUpdatedAt: T0 + 100 }, { intercomUpdatedAt: T0 + 100, title: 'equal' }],
      [
        { escalationId: 'esc-1', ticketNumber: '42' },
        { intercomUpdatedAt: T0 + 200, escalationId: null, ticketNumber: null },
      ],
      [{ escalationId: 'esc-1' }, { intercomUpdatedAt: T0 + 200, escalationId: 'esc-2', stateCategory: 'resolved', isOpen: false }],
    ];
    for (const [i, [first, second]] of cases.entries()) {
      const ticketId = `tk-${i}`;
      const { ticket: stored } = await engine.store.tickets.upsert('ws-a', ticketSnapshot({ ticketId, ...first }), T0);
      const snapshot = ticketSnapshot({ ticketId, ...second });
      const foretold = upsertedTicket(stored, snapshot, T0 + 9);
      const done = await engine.store.tickets.upsert('ws-a', snapshot, T0 + 9);
      expect({ i, applied: foretold !== null, ticket: foretold ?? stored }).toEqual({ i, ...done });
    }
  });

  it('tickets.upsertMany writes each row as upsert would and returns the tickets written, not an older one', async () => {
    await engine.store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-1', intercomUpdatedAt: T0 + 100 }), T0);
    const { ticket: stored } = await engine.store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-2' }), T0);
    const newer = upsertedTicket(stored, ticketSnapshot({ ticketId: 'tk-2', title: 'Newer', intercomUpdatedAt: T0 + 5 }), T0 + 1)!;
    const older = { ...newer, ticketId: 'tk-1', intercomUpdatedAt: T0 + 50 };
    const written = await engine.store.transaction((tx) => tx.tickets.upsertMany('ws-a', [older, newer]));
    expect(written).toEqual(['tk-2']);
    expect(await engine.store.tickets.get('ws-a', 'tk-2')).toEqual(newer);
    expect(await engine.store.tickets.get('ws-a', 'tk-1')).toMatchObject({ intercomUpdatedAt: T0 + 100 });
    expect(await engine.store.tickets.upsertMany('ws-a', [])).toEqual([]);
  });

  it('clocks.upsertMany writes each clock with its own time and clears its lease', async () => {
    await engine.store.clocks.upsert('ws-a', clockWrite({ ticketId: 'tk-1' }), T0);
    await engine.store.clocks.lockDue(T0 + 10 ** 9, 10, 'instance-1');
    const state = { spentMs: 5, events: [{ at: T0, type: 'pause' }] };
    await engine.store.transaction((tx) =>
      tx.clocks.upsertMany('ws-a', [
        {
          ...clockWrite({ ticketId: 'tk-1', state, status: 'paused' }),
          workspaceId: 'ws-a',
          lockedBy: 'x',
          lockedUntil: 1,
          updatedAt: T0 + 1,
        },
        {
          ...clockWrite({ ticketId: 'tk-2', kind: 'resolution' }),
          workspaceId: 'ws-a',
          lockedBy: null,
          lockedUntil: null,
          updatedAt: T0 + 2,
        },
      ]),
    );
    expect(await engine.store.clocks.get('ws-a', 'tk-1', 'response')).toMatchObject({
      state,
      status: 'paused',
      lockedBy: null,
      lockedUntil: null,
      updatedAt: T0 + 1,
    });
    expect(await engine.store.clocks.get('ws-a', 'tk-2', 'resolution')).toMatchObject({ updatedAt: T0 + 2 });
  });

  it('ladder.listByTickets reads several tickets’ firings in one statement, in listByTicket’s order per ticket', async () => {
    const firing = (ticketId: string, step: 'warn' | 'escalate', dueAt: number) =>
      engine.store.ladder.recordFiring('ws-a', { ticketId, kind: 'response', cycle: 0, step, dueAt, firedAt: dueAt });
    await firing('tk-2', 'escalate', T0 + 2);
    await firing('tk-1', 'warn', T0 + 1);
    await firing('tk-2', 'warn', T0 + 1);
    await engine.store.ladder.recordFiring('ws-b', { ticketId: 'tk-1', kind: 'response', cycle: 0, step: 'warn', dueAt: T0, firedAt: T0 });
    const many = await engine.store.ladder.listByTickets('ws-a', ['tk-2', 'tk-1', 'none']);
    expect(many.filter((f) => f.ticketId === 'tk-2')).toEqual(await engine.store.ladder.listByTicket('ws-a', 'tk-2'));
    expect(many.map((f) => [f.ticketId, f.step])).toEqual([
      ['tk-1', 'warn'],
      ['tk-2', 'warn'],
      ['tk-2', 'escalate'],
    ]);
    expect(await engine.store.ladder.listByTickets('ws-a', [])).toEqual([]);
  });

  it('customer case states: read many at once, recorded many at once as recordState would, keepsState agreeing', async () => {
    const state = (ticketId: string, changedAt: number, category: 'in_progress' | 'resolved' = 'in_progress') => ({
      ticketId,
      conversationId: `conv-${ticketId}`,
      state: category,
      externalLabel: null,
      changedAt,
    });
    const repo = engine.store.customerSide;
    await repo.recordState('ws-a', state('tk-1', T0 + 100));
    await repo.recordState('ws-b', state('tk-2', T0));
    expect(await repo.getStates('ws-a', ['tk-1', 'tk-2'])).toEqual([state('tk-1', T0 + 100)]);
    const offered = [state('tk-1', T0 + 50, 'resolved'), state('tk-2', T0 + 1, 'resolved')];
    const stored = await repo.getStates('ws-a', ['tk-1', 'tk-2']);
    const foretold = offered.filter((s) => keepsState(stored.find((t) => t.ticketId === s.ticketId) ?? null, s)).map((s) => s.ticketId);
    expect(await engine.store.transaction((tx) => tx.customerSide.recordStates('ws-a', offered))).toEqual(foretold);
    expect(foretold).toEqual(['tk-2']);
    expect(await repo.getState('ws-a', 'tk-1')).toEqual(state('tk-1', T0 + 100));
    expect(await repo.getState('ws-a', 'tk-2')).toEqual(state('tk-2', T0 + 1, 'resolved'));
    // The equal-time rule, as recordState keeps it.
    expect(keepsState(state('tk-1', T0), state('tk-1', T0, 'resolved'))).toBe(await repo.recordState('ws-a', state('tk-2', T0 + 1)));
  });
});
