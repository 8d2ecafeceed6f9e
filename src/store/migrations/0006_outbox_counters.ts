/**
 * Outbox counters kept by the database itself, so /metrics reads a handful of rows instead of counting the outbox
 * (a full scan at a million rows). One row per workspace: jobs still to run (pending or running), jobs dead now,
 * and how many jobs were ever dead-lettered. Triggers keep them, so every writer is covered: the worker, a retry
 * from the settings page, a workspace purge, the pruning of done rows.
 *
 * The triggers fire only when a job changes bucket (enqueued, done, dead, revived, deleted); a claim
 * (pending → running) and a retry (running → pending) stay in the "open" bucket and touch no counter. A row per
 * workspace rather than one global row, so on PostgreSQL two workspaces' enqueues never wait on one counter.
 *
 * Also an index of done rows by when they finished (partial: done rows only), so pruning them reads only what it
 * deletes, like the webhook inbox's `processed_at` index.
 */
import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

const OPEN = `('pending', 'running')`;

const SQLITE_TRIGGERS = [
  `create trigger outbox_counted_insert after insert on outbox begin
     insert into outbox_counters (workspace_id, open_jobs, dead_jobs, dead_lettered_total)
     values (new.workspace_id, new.status in ${OPEN}, new.status = 'dead', new.status = 'dead')
     on conflict (workspace_id) do update set
       open_jobs = open_jobs + excluded.open_jobs,
       dead_jobs = dead_jobs + excluded.dead_jobs,
       dead_lettered_total = dead_lettered_total + excluded.dead_lettered_total;
   end`,
  `create trigger outbox_counted_update after update of status on outbox
   when (old.status in ${OPEN}) <> (new.status in ${OPEN}) or (old.status = 'dead') <> (new.status = 'dead')
   begin
     insert into outbox_counters (workspace_id, open_jobs, dead_jobs, dead_lettered_total)
     values (new.workspace_id, (new.status in ${OPEN}) - (old.status in ${OPEN}),
             (new.status = 'dead') - (old.status = 'dead'), new.status = 'dead' and old.status <> 'dead')
     on conflict (workspace_id) do update set
       open_jobs = open_jobs + excluded.open_jobs,
       dead_jobs = dead_jobs + excluded.dead_jobs,
       dead_lettered_total = dead_lettered_total + excluded.dead_lettered_total;
   end`,
  `create trigger outbox_counted_delete after delete on outbox when old.status <> 'done' begin
     update outbox_counters
     set open_jobs = open_jobs - (old.status in ${OPEN}), dead_jobs = dead_jobs - (old.status = 'dead')
     where workspace_id = old.workspace_id;
   end`,
];

/** One function for the three events; OLD is NULL on insert and NEW on delete (PostgreSQL 11+). */
const POSTGRES_FUNCTION = `create function outbox_count_change() returns trigger language plpgsql as $$
declare
  ws text;
  d_open integer := 0;
  d_dead integer := 0;
  d_total integer := 0;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    ws := old.workspace_id;
    d_open := d_open - (old.status in ${OPEN})::integer;
    d_dead := d_dead - (old.status = 'dead')::integer;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    ws := new.workspace_id;
    d_open := d_open + (new.status in ${OPEN})::integer;
    d_dead := d_dead + (new.status = 'dead')::integer;
    if new.status = 'dead' and (tg_op = 'INSERT' or old.status <> 'dead') then d_total := 1; end if;
  end if;
  if d_open = 0 and d_dead = 0 and d_total = 0 then return null; end if;
  insert into outbox_counters as c (workspace_id, open_jobs, dead_jobs, dead_lettered_total)
  values (ws, d_open, d_dead, d_total)
  on conflict (workspace_id) do update set
    open_jobs = c.open_jobs + excluded.open_jobs,
    dead_jobs = c.dead_jobs + excluded.dead_jobs,
    dead_lettered_total = c.dead_lettered_total + excluded.dead_lettered_total;
  return null;
end $$`;

const POSTGRES_TRIGGER = `create trigger outbox_counted after insert or delete or update of status on outbox
  for each row execute function outbox_count_change()`;

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const outboxCounters: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('outbox_counters')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey())
      .addColumn('open_jobs', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('dead_jobs', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('dead_lettered_total', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    // The one count this feature ever makes: seeding from the rows already there.
    await sql`insert into outbox_counters (workspace_id, open_jobs, dead_jobs, dead_lettered_total)
      select workspace_id,
        sum(case when status in ('pending', 'running') then 1 else 0 end),
        sum(case when status = 'dead' then 1 else 0 end),
        sum(case when status = 'dead' then 1 else 0 end)
      from outbox group by workspace_id`.execute(db);
    await sql`create index outbox_done_at_idx on outbox (done_at) where status = 'done'`.execute(db);
    const statements = isPostgres(db) ? [POSTGRES_FUNCTION, POSTGRES_TRIGGER] : SQLITE_TRIGGERS;
    for (const statement of statements) await sql.raw(statement).execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    if (isPostgres(db)) {
      await sql.raw('drop trigger if exists outbox_counted on outbox').execute(db);
      await sql.raw('drop function if exists outbox_count_change()').execute(db);
    } else {
      for (const name of ['outbox_counted_insert', 'outbox_counted_update', 'outbox_counted_delete'])
        await sql.raw(`drop trigger if exists ${name}`).execute(db);
    }
    await sql`drop index if exists outbox_done_at_idx`.execute(db);
    await db.schema.dropTable('outbox_counters').execute();
  },
};
