import type { ClockKind, LadderStep } from '../../../src/domain/model';
import { FIRING_SLOTS, firingSlot } from '../../../src/domain/reports/facts';
import type { StoredFigures } from '../../../src/domain/reports/figures-codec';
import { clockWrite, reserveInput, ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

const DAY = 86_400_000;
const window = { from: T0, to: T0 + 10 * DAY };

/** Stored figures told apart by `n`: every column set, fractional milliseconds and both lists included. */
const figures = (n: number): StoredFigures => ({
  tier: 'pro',
  response: { mode: 'business', stoppedAt: T0 + n, spentMs: n * 1000.5, runningSince: null, targetMs: 14_400_000 },
  resolution: { mode: 'calendar', stoppedAt: null, spentMs: n, runningSince: T0 + 2 * n, targetMs: 86_400_000 },
  resolvedSpentMs: n % 2 === 0 ? null : n * 7,
  pausedJson: `[[${T0},${T0 + n}],[${T0 + 2 * n},null]]`,
  eventsJson: n % 2 === 0 ? null : `[["resolved",${T0 + n}]]`,
});

describeContract('reports', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  it('records each conversation seen once, keeping its first sighting, and counts by period', async () => {
    const { reports } = engine.store;
    await reports.recordSeen('ws-a', [
      { conversationId: 'c1', at: T0 + DAY },
      { conversationId: 'c2', at: T0 + 2 * DAY },
    ]);
    await reports.recordSeen('ws-a', [{ conversationId: 'c1', at: T0 + 5 * DAY }]);
    await reports.recordSeen('ws-b', [{ conversationId: 'c1', at: T0 + DAY }]);
    expect(await reports.countSeen('ws-a', T0, T0 + 10 * DAY)).toBe(2);
    expect(await reports.countSeen('ws-a', T0 + 3 * DAY, T0 + 10 * DAY)).toBe(0);
    expect(await reports.countSeen('ws-a', T0 + DAY, T0 + 2 * DAY)).toBe(1);
  });

  it('reads the window’s tickets: created in it, open now, or resolved in it; with their clocks and events', async () => {
    const { store } = engine;
    await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'in', conversationId: 'c-in' }), T0 + DAY);
    await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'old-open', conversationId: 'c-oo' }), T0 - 30 * DAY);
    await store.tickets.upsert(
      'ws-a',
      ticketSnapshot({ ticketId: 'old-resolved-in', conversationId: 'c-or', isOpen: false, stateCategory: 'resolved' }),
      T0 - 30 * DAY,
    );
    await store.tickets.upsert(
      'ws-a',
      ticketSnapshot({ ticketId: 'old-closed', conversationId: 'c-oc', isOpen: false, stateCategory: 'resolved' }),
      T0 - 30 * DAY,
    );
    await store.tickets.upsert('ws-b', ticketSnapshot({ ticketId: 'other', conversationId: 'c-x' }), T0 + DAY);
    await store.reports.recordStateEvent('ws-a', { ticketId: 'old-resolved-in', kind: 'resolved', at: T0 + 2 * DAY });
    await store.reports.recordStateEvent('ws-a', { ticketId: 'old-resolved-in', kind: 'resolved', at: T0 + 2 * DAY });
    await store.reports.recordStateEvent('ws-a', { ticketId: 'old-closed', kind: 'resolved', at: T0 - 20 * DAY });
    // Created in the window and touched in it too: still read once.
    await store.reports.recordStateEvent('ws-a', { ticketId: 'in', kind: 'resolved', at: T0 + 3 * DAY });
    await store.reports.recordStateEvent('ws-a', { ticketId: 'in', kind: 'reopened', at: T0 + 4 * DAY });
    await store.clocks.upsert(
      'ws-a',
      clockWrite({ ticketId: 'in', kind: 'resolution', state: { phase: 'running', basis: { tier: 'pro' } } }),
      T0,
    );

    const tickets = await store.reports.tickets('ws-a', window, 'h1');
    expect(tickets.map((t) => t.ticketId).sort()).toEqual(['in', 'old-open', 'old-resolved-in']);
    const inWindow = tickets.find((t) => t.ticketId === 'in')!;
    expect(inWindow).toMatchObject({ createdAt: T0 + DAY, isOpen: true, queue: 'technical', figures: null });
    // Names are read for the few tickets the page names, not with the window's rows.
    expect(await store.reports.ticketDetails('ws-a', ['in', 'other'])).toEqual([
      { ticketId: 'in', ticketNumber: expect.any(String), title: expect.any(String) },
    ]);
    expect(await store.reports.ticketClocks('ws-a', ['in', 'old-open'])).toEqual([
      { ticketId: 'in', kind: 'resolution', state: { phase: 'running', basis: { tier: 'pro' } } },
    ]);
    expect(
      await store.reports.stateEvents(
        'ws-a',
        tickets.map((t) => t.ticketId),
      ),
    ).toEqual([
      { ticketId: 'old-resolved-in', kind: 'resolved', at: T0 + 2 * DAY },
      { ticketId: 'in', kind: 'resolved', at: T0 + 3 * DAY },
      { ticketId: 'in', kind: 'reopened', at: T0 + 4 * DAY },
    ]);
  });

  it('stores figures: a replace always writes, a fill only where missing or measured under other hours', async () => {
    const { store } = engine;
    await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'a', conversationId: 'c-a' }), T0 + DAY);
    await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'b', conversationId: 'c-b' }), T0 + DAY);
    await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'c', conversationId: 'c-c' }), T0 + DAY);
    const { reports } = store;
    await reports.saveFigures('ws-a', [{ ticketId: 'a', calendar: 'h1', figures: figures(1) }], T0, 'replace');
    await reports.saveFigures('ws-a', [{ ticketId: 'b', calendar: 'h0', figures: figures(20) }], T0, 'replace');
    expect((await reports.tickets('ws-a', window, 'h0')).find((t) => t.ticketId === 'b')?.figures).toEqual(figures(20));
    await reports.saveFigures(
      'ws-a',
      [
        { ticketId: 'a', calendar: 'h1', figures: figures(9) },
        { ticketId: 'b', calendar: 'h1', figures: figures(21) },
        { ticketId: 'c', calendar: 'h1', figures: figures(31) },
      ],
      T0,
      'fill',
    );
    // Figures come back only when measured with the calendar asked for.
    const read = async (calendar: string) =>
      Object.fromEntries((await reports.tickets('ws-a', window, calendar)).map((t) => [t.ticketId, t.figures]));
    expect(await read('h1')).toEqual({ a: figures(1), b: figures(21), c: figures(31) });
    expect(await read('h0')).toEqual({ a: null, b: null, c: null });
    await reports.saveFigures('ws-a', [{ ticketId: 'a', calendar: 'h1', figures: figures(2) }], T0, 'replace');
    expect((await read('h1'))['a']).toEqual(figures(2));
  });

  it('reads escalations with the chosen queue and priority (not the summary) and dead work', async () => {
    const { store } = engine;
    await store.escalations.reserve('ws-a', reserveInput({ now: T0 + DAY }));
    await store.escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'late', conversationId: 'c-late', now: T0 + 20 * DAY }));
    const { job } = await store.outbox.enqueue('ws-a', { kind: 'escalation.post_note', dedupeKey: 'n1', payload: {}, now: T0 + DAY });
    await store.outbox.deadLetter('ws-a', job.id, { error: 'gone', now: T0 + DAY });

    const [escalation, ...rest] = await store.reports.escalations('ws-a', window);
    expect(rest).toEqual([]);
    expect(escalation).toMatchObject({
      status: 'queued',
      queue: 'technical',
      priority: 'P2',
      createdAt: T0 + DAY,
    });
    expect(await store.reports.deadEscalationJobs('ws-a', window)).toEqual([{ kind: 'escalation.post_note', createdAt: T0 + DAY }]);
    expect(await store.reports.deadEscalationJobs('ws-b', window)).toEqual([]);
  });

  it('counts each ticket’s ladder firings per period, step and clock kind: from included, to excluded, own workspace only', async () => {
    const { store } = engine;
    const fire = (ws: string, ticketId: string, kind: ClockKind, step: LadderStep, firedAt: number, cycle = 0) =>
      store.ladder.recordFiring(ws, { ticketId, kind, cycle, step, dueAt: firedAt, firedAt });
    await fire('ws-a', 'tk-1', 'response', 'warn', T0);
    await fire('ws-a', 'tk-1', 'response', 'escalate', T0 + 5 * DAY);
    await fire('ws-a', 'tk-1', 'response', 'breach', T0 + 10 * DAY);
    await fire('ws-a', 'tk-1', 'resolution', 'warn', T0 + 6 * DAY);
    await fire('ws-a', 'tk-1', 'resolution', 'warn', T0 + 7 * DAY, 1);
    await fire('ws-a', 'tk-2', 'response', 'breach', T0 - 1);
    await fire('ws-b', 'tk-1', 'response', 'warn', T0 + DAY);
    const counts = (...fired: [LadderStep, ClockKind, number][]) => {
      const cells = FIRING_SLOTS.map(() => 0);
      for (const [step, kind, n] of fired) cells[firingSlot(step, kind)] = n;
      return cells;
    };
    const periods = { previous: { from: T0, to: T0 + 5 * DAY }, current: { from: T0 + 5 * DAY, to: T0 + 10 * DAY } };
    expect(await store.reports.firingCounts('ws-a', periods)).toEqual([
      {
        ticketId: 'tk-1',
        previous: counts(['warn', 'response', 1]),
        current: counts(['escalate', 'response', 1], ['warn', 'resolution', 2]),
      },
    ]);
  });

  it('pages every ticket in creation order without skipping ties', async () => {
    const { store } = engine;
    for (const [id, at] of [
      ['b', T0],
      ['a', T0],
      ['c', T0 + 1],
    ] as const)
      await store.tickets.upsert('ws-a', ticketSnapshot({ ticketId: id, conversationId: `c-${id}` }), at);
    const first = await store.reports.ticketPage('ws-a', null, 2);
    expect(first.map((t) => t.ticketId)).toEqual(['a', 'b']);
    const last = first[first.length - 1]!;
    const second = await store.reports.ticketPage('ws-a', { createdAt: last.createdAt, ticketId: last.ticketId }, 2);
    expect(second.map((t) => t.ticketId)).toEqual(['c']);
  });
});
