/**
 * /healthz and /metrics are unauthenticated: their cost must not grow with the outbox. Every statement the app
 * issues while answering them is recorded (a kysely plugin on the app's own database handle) and none may read the
 * outbox table; the numbers still agree with a real count. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import request from 'supertest';
import { type Database, openDatabase } from '../../src/store';
import { type Harness, startHarness } from '../support/app-harness';
import { PG_URL } from '../support/postgres';
import { reusedSchema } from '../support/reused-schema';

/** The app's database, with every statement it compiles written down. */
function recorded(database: Database): { database: Database; statements: string[] } {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      statements.push(database.db.getExecutor().compileQuery(node, queryId).sql);
      return node;
    },
    transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
  };
  return { database: { ...database, db: database.db.withPlugin(plugin), close: () => database.close() }, statements };
}

/** Reads the outbox table itself (not outbox_counters). */
const READS_OUTBOX = /(from|join|update|into)\s+"?outbox"?(\s|$|\))/i;

/** Per engine: declared inside its describe block, it hands each test a fresh, empty database. */
const engines: [string, () => () => Promise<Database>][] = [['sqlite', () => async () => openDatabase({ sqlitePath: ':memory:' })]];
const pgUrl = PG_URL;
if (pgUrl) {
  engines.push([
    'postgres',
    () => {
      const schema = reusedSchema('probes', pgUrl);
      return async () => {
        await schema.empty();
        return openDatabase({ url: pgUrl, pgSchema: schema.name, pgPoolMax: 4 });
      };
    },
  ]);
}

describe.each(engines)('probes [%s]', (_name, declare) => {
  const open = declare();
  let h: Harness;
  let statements: string[];
  beforeEach(async () => {
    const wrapped = recorded(await open());
    statements = wrapped.statements;
    h = await startHarness({ database: wrapped.database });
  });
  afterEach(async () => {
    await h.close();
  });

  async function fillOutbox(): Promise<void> {
    const { store } = h.application;
    const ws = h.demo.workspaceId;
    for (let i = 0; i < 5; i++) await store.outbox.enqueue(ws, { kind: 'probe.test', dedupeKey: `p-${i}`, payload: {}, now: 1 });
    const [first, second] = await store.outbox.listByWorkspace(ws);
    await store.outbox.deadLetter(ws, first!.id, { error: 'down', now: 2 });
    await store.outbox.complete(ws, second!.id, { now: 2 });
  }

  it('/healthz is a constant-cost round trip and never reads the outbox', async () => {
    await fillOutbox();
    statements.length = 0;
    const res = await request(h.application.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, checks: { database: 'ok' } });
    expect(statements).toEqual(['select 1']);
  });

  it('/metrics reads the maintained counters, never the outbox, and they agree with a real count', async () => {
    await fillOutbox();
    statements.length = 0;
    const res = await request(h.application.app).get('/metrics');
    expect(statements.filter((s) => READS_OUTBOX.test(s))).toEqual([]);
    expect(statements.some((s) => /outbox_counters/.test(s))).toBe(true);
    expect(res.body).toMatchObject({ outbox_pending: 3, outbox_dead: 1, outbox_dead_lettered_total: 1 });
    expect(res.body.outbox_pending).toBe(await h.application.store.outbox.pendingCount(null));
    expect(typeof res.body.intercom_api_calls_total).toBe('number');
  });

  it('/metrics speaks the Prometheus text format to a scraper that asks for it', async () => {
    await fillOutbox();
    const res = await request(h.application.app).get('/metrics').set('Accept', 'text/plain;version=0.0.4;q=0.5,*/*;q=0.1');
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('# TYPE outbox_dead gauge');
    expect(res.text).toMatch(/^outbox_dead 1$/m);
    expect(res.text).toContain('# TYPE outbox_dead_lettered_total counter');
    expect(res.text).toMatch(/^outbox_pending 3$/m);
  });

  it('/metrics in text: latency by route, Intercom calls by endpoint and status, webhook backlog and lag, SLA lag, reuse', async () => {
    await h.initialize();
    await h.initialize();
    await h.application.store.webhooks.accept(h.demo.workspaceId, 'n-1', 'ticket.state.updated', {}, h.clock.now() - 4_000);
    const client = await h.application.deps.directory.clientFor(h.demo.workspaceId);
    await client.conversations.get(h.context.conversationId);
    const res = await request(h.application.app).get('/metrics').set('Accept', 'text/plain');
    expect(res.text).toMatch(/^http_request_duration_seconds_count\{route="\/intercom\/initialize",method="POST",status="2xx"\} 2$/m);
    // Process-wide totals: at least this test's call (the other engine's run may have added its own).
    expect(res.text).toMatch(/^intercom_requests_total\{method="GET",endpoint="\/conversations\/\{id\}",status="200"\} [1-9]\d*$/m);
    expect(res.text).toMatch(/^webhook_backlog 1$/m);
    expect(res.text).toMatch(/^webhook_lag_seconds 4$/m);
    expect(res.text).toMatch(/^sla_scheduler_lag_seconds 0$/m);
    // The repeat is reused on SQLite; on PostgreSQL only once the LISTEN connection is up (after the first view).
    expect(res.text).toMatch(/^sidebar_views_reused_ratio (0\.5|0)$/m);
    // The JSON form keeps one number per name.
    const json = (await request(h.application.app).get('/metrics')).body;
    expect(json['webhook_backlog']).toBe(1);
    expect(json['intercom_requests_total']).toBeGreaterThanOrEqual(1);
  });
});
