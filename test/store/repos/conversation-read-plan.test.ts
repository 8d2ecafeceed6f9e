/**
 * SQLite's plan for the reads of one conversation's tickets and escalations. Since migration 0008 added the
 * `(workspace_id, created_at)` report indexes, SQLite once answered "this conversation's tickets, oldest first"
 * through the report index, walking every ticket of the workspace to avoid a sort (the reads now sort their few
 * rows in memory). This asks SQLite how it runs the statements the repositories actually send, over a workspace
 * of 20,000 tickets and escalations, and wants the conversation index. No ANALYZE: the app never runs it, so in
 * production the planner chooses without statistics, as here (with them it picks the conversation index anyway).
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  Kysely as KyselyClass,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { createStore, type Database, migrateToLatest, openDatabase } from '../../../src/store';
import { createEscalationsRepo } from '../../../src/store/repos/escalations';
import { createSidebarReadRepo } from '../../../src/store/repos/sidebar-read';
import { createTicketsRepo } from '../../../src/store/repos/tickets';
import type { Tables } from '../../../src/store/schema';
import { seedWorkspace } from './harness';

const TICKETS = 20_000;
const CONVERSATIONS = 10_000;

/** SQLite's compiler over the store's own connection, keeping every statement it sends. */
class RecordingDialect implements Dialect {
  readonly sent: CompiledQuery[] = [];
  constructor(private readonly target: Kysely<Tables>) {}
  createAdapter = () => new SqliteAdapter();
  createQueryCompiler = () => new SqliteQueryCompiler();
  createIntrospector = (db: Kysely<unknown>) => new SqliteIntrospector(db);
  createDriver(): Driver {
    const connection: DatabaseConnection = {
      executeQuery: <R>(query: CompiledQuery) => {
        this.sent.push(query);
        return this.target.executeQuery<R>(query as CompiledQuery<R>);
      },
      streamQuery: () => {
        throw new Error('not used here');
      },
    };
    const nothing = async () => {};
    return {
      init: nothing,
      destroy: nothing,
      acquireConnection: async () => connection,
      releaseConnection: nothing,
      beginTransaction: nothing,
      commitTransaction: nothing,
      rollbackTransaction: nothing,
    };
  }
}

describe('SQLite plans for one conversation’s reads', () => {
  let database: Database;

  beforeAll(async () => {
    database = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(database);
    await seedWorkspace(createStore(database), 'ws-a');
    // One busy workspace: two tickets and two escalations per conversation, created over a year.
    const count = (n: number) => `with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${n})`;
    await database.db.executeQuery(
      CompiledQuery.raw(
        `${count(TICKETS)} insert into ticket_links (workspace_id, ticket_id, conversation_id, title, state_category, is_open,
           intercom_updated_at, synced_at, created_at)
         select 'ws-a', 't-' || i, 'c-' || (i % ${CONVERSATIONS}), 'Ticket ' || i, 'submitted', i % 2, i, i, 1700000000000 + i * 1000 from n`,
      ),
    );
    await database.db.executeQuery(
      CompiledQuery.raw(
        `${count(TICKETS)} insert into escalations (workspace_id, id, conversation_id, idempotency_key, status, forced, request_json,
           attempts, created_at, updated_at)
         select 'ws-a', 'e-' || i, 'c-' || (i % ${CONVERSATIONS}), 'k-' || i, 'linked', 0, '{"priority":"P3","queue":"default"}', 0, 1700000000000 + i * 1000,
           1700000000000 + i * 1000 from n`,
      ),
    );
  });

  afterAll(async () => {
    await database.close();
  });

  /** The plan lines of every statement `read` sends. */
  async function plansOf(read: (ctx: { db: Kysely<Tables>; dialect: 'sqlite' }) => Promise<unknown[]>): Promise<string[][]> {
    const recording = new RecordingDialect(database.db);
    const rows = await read({ db: new KyselyClass<Tables>({ dialect: recording }), dialect: 'sqlite' });
    expect(rows).toHaveLength(2);
    expect(recording.sent.length).toBeGreaterThan(0);
    const plans: string[][] = [];
    for (const statement of recording.sent) {
      const plan = await database.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]),
      );
      plans.push(plan.rows.map((row) => row.detail));
    }
    return plans;
  }

  it("tickets.listByConversation searches the conversation index, not the workspace's tickets by date", async () => {
    for (const plan of await plansOf((ctx) => createTicketsRepo(ctx).listByConversation('ws-a', 'c-42'))) {
      expect(plan.join('\n')).toMatch(/SEARCH ticket_links USING INDEX ticket_links_conversation_idx/);
      expect(plan.join('\n')).not.toMatch(/ticket_links_created_idx|SCAN ticket_links/);
    }
  });

  it("escalations.listByConversation searches the conversation index, not the workspace's escalations by date", async () => {
    for (const plan of await plansOf((ctx) => createEscalationsRepo(ctx).listByConversation('ws-a', 'c-42'))) {
      expect(plan.join('\n')).toMatch(/SEARCH escalations USING INDEX escalations_conversation_idx/);
      expect(plan.join('\n')).not.toMatch(/escalations_created_idx|SCAN escalations/);
    }
  });

  it("the sidebar's one read looks every piece up by the conversation or its tickets, never walking the workspace", async () => {
    const plans = await plansOf(async (ctx) => (await createSidebarReadRepo(ctx).read('ws-a', 'c-42')).tickets);
    expect(plans).toHaveLength(1);
    const plan = plans[0]!.join('\n');
    expect(plan).toMatch(/SEARCH t USING INDEX ticket_links_conversation_idx/);
    expect(plan).toMatch(/SEARCH e USING INDEX escalations_conversation_idx/);
    // A search on the workspace alone (or a scan) would read every row of the workspace for each view.
    expect(plan).not.toMatch(/\(workspace_id=\?\)/);
    expect(plan).not.toMatch(/SCAN (ticket_links|escalations|sla_clocks|case_attachments|customer_updates|incident_links|incidents)\b/);
    expect(plan).not.toMatch(/_created_idx/);
  });
});
