import { sql } from 'kysely';
import { createStore, migrateTo, migrateToLatest, openDatabase } from '../../../src/store';
import { readFigures } from '../../../src/domain/reports/figures-codec';
import { MIGRATIONS } from '../../../src/store/migrations';
import { describeContract, seedWorkspace } from './harness';

describeContract('migrations', (engine) => {
  it('re-running migrations applies nothing and keeps the data', async () => {
    await seedWorkspace(engine.store, 'ws-a');
    expect(await migrateToLatest(engine.database)).toEqual({ applied: [] });
    expect(await engine.store.workspaces.get('ws-a')).not.toBeNull();
  });

  it('two instances starting on an empty database apply each migration once', async () => {
    const scratch = await engine.scratch();
    const [first, second] = [scratch.open(), scratch.open()];
    try {
      // PostgreSQL: truly concurrent (kysely's advisory lock). SQLite: one process holds one connection, and
      // a second connection in the same process would block the event loop on the file lock, so run in turn.
      const runs =
        engine.dialect === 'postgres'
          ? await Promise.all([migrateToLatest(first), migrateToLatest(second)])
          : [await migrateToLatest(first), await migrateToLatest(second)];
      expect(runs.flatMap((r) => r.applied)).toEqual(MIGRATIONS.map(([name]) => name));
    } finally {
      await first.close();
      await second.close();
      await scratch.cleanup();
    }
  });

  it('0003 moves stored webhook payloads to their own table; rows keep their status and are claimed with them', async () => {
    const scratch = await engine.scratch();
    const database = scratch.open();
    try {
      await migrateTo(database, '0002_link_uses_contact_index');
      await seedWorkspace(createStore(database), 'ws-a');
      for (const [id, status] of [
        ['n-pending', 'pending'],
        ['n-done', 'done'],
      ] as const) {
        await sql`insert into webhook_inbox (workspace_id, notification_id, topic, payload_json, received_at, status, next_attempt_at)
          values ('ws-a', ${id}, 'ticket.state.updated', ${JSON.stringify({ item: { id }, createdAt: 7 })}, 1, ${status},
          ${status === 'pending' ? 1 : null})`.execute(database.db);
      }
      // Later migrations run after it; this one is the first to apply to a database left at 0002.
      expect((await migrateToLatest(database)).applied[0]).toBe('0003_webhook_payloads');
      const store = createStore(database);
      expect(await store.webhooks.get('ws-a', 'n-done')).toMatchObject({
        status: 'done',
        payload: { item: { id: 'n-done' }, createdAt: 7 },
      });
      const claimed = await store.webhooks.claimPending(10, 10, 'w1', 1_000);
      expect(claimed.map((n) => [n.notificationId, n.payload])).toEqual([['n-pending', { item: { id: 'n-pending' }, createdAt: 7 }]]);
    } finally {
      await database.close();
      await scratch.cleanup();
    }
  });

  it('0006 seeds the outbox counters from the rows already there, and the triggers carry on from them', async () => {
    const scratch = await engine.scratch();
    const database = scratch.open();
    try {
      await migrateTo(database, '0003_webhook_payloads');
      await seedWorkspace(createStore(database), 'ws-a');
      for (const [id, status] of [
        ['j1', 'pending'],
        ['j2', 'running'],
        ['j3', 'dead'],
        ['j4', 'done'],
      ] as const) {
        await sql`insert into outbox (workspace_id, id, kind, dedupe_key, payload_json, status, created_at)
          values ('ws-a', ${id}, 'ladder.step', ${id}, '{}', ${status}, 1)`.execute(database.db);
      }
      expect((await migrateToLatest(database)).applied).toContain('0006_outbox_counters');
      const store = createStore(database);
      expect(await store.outbox.counts()).toEqual({ open: 2, dead: 1, deadLetteredTotal: 1 });
      expect(await store.outbox.revive('ws-a', 'j3', 5)).toBe(true);
      expect(await store.outbox.counts()).toEqual({ open: 3, dead: 0, deadLetteredTotal: 1 });
    } finally {
      await database.close();
      await scratch.cleanup();
    }
  });

  it('returns epoch-ms timestamps as exact numbers on every engine', async () => {
    // 2^53 - 1 is the largest exact JS integer; pg would hand int8 back as a string without our parser.
    const far = 8_640_000_000_000;
    await engine.store.workspaces.upsert('ws-t', {
      name: 'T',
      region: 'eu',
      apiBaseUrl: 'https://api.eu.intercom.io',
      timezone: 'Europe/Dublin',
      token: null,
      installMode: 'private',
      installedAt: far,
      installedByAdminId: null,
    });
    const ws = await engine.store.workspaces.get('ws-t');
    expect(ws?.installedAt).toBe(far);
    expect(typeof ws?.installedAt).toBe('number');
    expect(await engine.store.outbox.pendingCount(null)).toBe(0);
  });

  it('0013 moves stored figures and escalations’ queue and priority to plain columns, filled from their JSON', async () => {
    const scratch = await engine.scratch();
    const database = scratch.open();
    try {
      await migrateTo(database, '0012_case_attachments');
      await seedWorkspace(createStore(database), 'ws-a');
      const packed = [
        [
          'pro',
          ['business', 1000, 60.5, null, 3600],
          null,
          70,
          [
            [100, 200],
            [300, null],
          ],
          [
            ['resolved', 1000],
            ['reopened', 2000],
          ],
        ],
        [null, null, ['calendar', null, 5, 400, 7200], null, [], []],
      ];
      for (const [i, figures] of packed.entries()) {
        await sql`insert into ticket_links (workspace_id, ticket_id, conversation_id, title, state_category, is_open, intercom_updated_at, synced_at, created_at)
          values ('ws-a', ${`tk-${i}`}, ${`c-${i}`}, 't', 'in_progress', 1, 1, 1, 10)`.execute(database.db);
        await sql`insert into ticket_report_figures (workspace_id, ticket_id, calendar, figures_json, updated_at)
          values ('ws-a', ${`tk-${i}`}, 'h1', ${JSON.stringify(figures)}, 1)`.execute(database.db);
      }
      await sql`insert into escalations (workspace_id, id, conversation_id, idempotency_key, status, forced, request_json, attempts, created_at, updated_at)
        values ('ws-a', 'e1', 'c-0', 'k1', 'linked', 0, ${JSON.stringify({ queue: 'vip', priority: 'P1', summary: 'x' })}, 1, 10, 10)`.execute(
        database.db,
      );
      expect((await migrateToLatest(database)).applied).toContain('0013_report_columns');
      const store = createStore(database);
      const rows = await store.reports.tickets('ws-a', { from: 0, to: 100 }, 'h1');
      const byId = Object.fromEntries(rows.map((r) => [r.ticketId, r.figures === null ? null : readFigures(r.figures)]));
      expect(byId).toEqual({
        'tk-0': {
          tier: 'pro',
          response: { meterMode: 'business', stoppedAt: 1000, spentMs: 60.5, runningSince: null, targetMs: 3600 },
          resolution: null,
          resolvedSpentMs: 70,
          pausedSpans: [
            [100, 200],
            [300, null],
          ],
          events: [
            { kind: 'resolved', at: 1000 },
            { kind: 'reopened', at: 2000 },
          ],
        },
        'tk-1': {
          tier: null,
          response: null,
          resolution: { meterMode: 'calendar', stoppedAt: null, spentMs: 5, runningSince: 400, targetMs: 7200 },
          resolvedSpentMs: null,
          pausedSpans: [],
          events: [],
        },
      });
      expect(await store.reports.escalations('ws-a', { from: 0, to: 100 })).toEqual([
        { id: 'e1', ticketId: null, status: 'linked', createdAt: 10, queue: 'vip', priority: 'P1' },
      ]);
    } finally {
      await database.close();
      await scratch.cleanup();
    }
  });

  it('rejects rows for a workspace that is not installed (foreign keys are on)', async () => {
    // Not `.rejects.toThrow()`: better-sqlite3 registers its error class once per process, so inside a jest
    // worker that loaded it for an earlier file the error comes from another realm and fails `instanceof Error`.
    const failure: unknown = await engine.store.outbox.enqueue('ws-ghost', { kind: 'k', dedupeKey: 'd', payload: {}, now: 1 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String((failure as { message?: unknown } | null)?.message)).toMatch(/foreign key/i);
  });
});

describe('migration list', () => {
  it('is explicit, uniquely named and in order (no folder scan)', () => {
    const names = MIGRATIONS.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
    expect(names[0]).toBe('0001_initial');
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(() => openDatabase({ url: 'mysql://localhost/handoff' })).toThrow(/postgres/);
  });

  it('migrates a fresh in-memory SQLite database', async () => {
    const database = openDatabase({ sqlitePath: ':memory:' });
    try {
      expect(database.dialect).toBe('sqlite');
      expect((await migrateToLatest(database)).applied).toEqual(MIGRATIONS.map(([name]) => name));
    } finally {
      await database.close();
    }
  });
});
