/**
 * What the 90-day report reads, as plain columns it can read without parsing JSON per row:
 * - `ticket_report_figures`: the figures of migration 0011, one column per number (the response and resolution
 *   clocks' mode, stop, spent time, open run and target; the spent time at the first resolution), and the two lists
 *   (paused spans, state events) as short JSON texts, NULL when empty. A report reads ~10,000 of these rows; parsing
 *   one packed JSON document per row cost more than reading the rows.
 * - `escalations.queue` and `.priority`: what the agent chose, copied from `request_json` when the escalation is
 *   reserved (the request never changes after that), so the report does not parse a ~2 KB summary per escalation.
 * - Indexes that hold every column the report's range reads select, so those reads never visit the tables' rows.
 *   Each replaces the narrower `(workspace_id, time)` index of migration 0008, which it serves as well.
 * Existing rows are filled from the JSON here, in SQL, on both engines.
 */
import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

/** The clock columns of `ticket_report_figures`, each with its position in a packed clock of 0011. */
const CLOCK_FIELDS = [
  ['mode', 0, 'text'],
  ['stopped_at', 1, 'bigint'],
  ['spent_ms', 2, 'double precision'],
  ['running_since', 3, 'bigint'],
  ['target_ms', 4, 'double precision'],
] as const;
const CLOCKS = [
  ['response', 1],
  ['resolution', 2],
] as const;

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export const reportColumns: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const pg = isPostgres(db);
    // The value at a JSON path of 0011's packed figures, as the column's type (SQLite's json_extract types it).
    const at = (column: string, path: readonly number[], type: string) =>
      pg
        ? `nullif(${column}::jsonb #>> '{${path.join(',')}}', 'null')::${type}`
        : `json_extract(${column}, '$${path.map((p) => `[${p}]`).join('')}')`;
    // A list of the packed figures as JSON text, NULL when empty.
    const list = (column: string, index: number) =>
      pg
        ? `nullif(nullif(${column}::jsonb -> ${index}, '[]'::jsonb), 'null'::jsonb)::text`
        : `nullif(nullif(json_extract(${column}, '$[${index}]'), '[]'), 'null')`;

    const add: [string, string][] = [['tier', 'text']];
    for (const [clock] of CLOCKS) for (const [field, , type] of CLOCK_FIELDS) add.push([`${clock}_${field}`, type]);
    add.push(['resolved_spent_ms', 'double precision'], ['paused_json', 'text'], ['events_json', 'text']);
    // SQLite adds one column per statement.
    for (const [name, type] of add) await db.schema.alterTable('ticket_report_figures').addColumn(name, sql.raw(type)).execute();
    const sets = [`tier = ${at('figures_json', [0], 'text')}`];
    for (const [clock, index] of CLOCKS)
      for (const [field, position, type] of CLOCK_FIELDS) sets.push(`${clock}_${field} = ${at('figures_json', [index, position], type)}`);
    sets.push(
      `resolved_spent_ms = ${at('figures_json', [3], 'double precision')}`,
      `paused_json = ${list('figures_json', 4)}`,
      `events_json = ${list('figures_json', 5)}`,
    );
    await sql.raw(`update ticket_report_figures set ${sets.join(', ')}`).execute(db);
    await db.schema.alterTable('ticket_report_figures').dropColumn('figures_json').execute();

    await db.schema.alterTable('escalations').addColumn('queue', 'text').execute();
    await db.schema.alterTable('escalations').addColumn('priority', 'text').execute();
    const field = (name: string) => (pg ? `(request_json::jsonb ->> '${name}')` : `json_extract(request_json, '$.${name}')`);
    await sql.raw(`update escalations set queue = ${field('queue')}, priority = ${field('priority')}`).execute(db);

    await db.schema.dropIndex('escalations_created_idx').execute();
    await db.schema
      .createIndex('escalations_report_idx')
      .on('escalations')
      .columns(['workspace_id', 'created_at', 'id', 'ticket_id', 'status', 'queue', 'priority'])
      .execute();
    await db.schema.dropIndex('ladder_firings_fired_idx').execute();
    await db.schema
      .createIndex('ladder_firings_report_idx')
      .on('ladder_firings')
      .columns(['workspace_id', 'fired_at', 'ticket_id', 'kind', 'step'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('ladder_firings_report_idx').execute();
    await db.schema.createIndex('ladder_firings_fired_idx').on('ladder_firings').columns(['workspace_id', 'fired_at']).execute();
    await db.schema.dropIndex('escalations_report_idx').execute();
    await db.schema.createIndex('escalations_created_idx').on('escalations').columns(['workspace_id', 'created_at']).execute();
    await db.schema.alterTable('escalations').dropColumn('priority').execute();
    await db.schema.alterTable('escalations').dropColumn('queue').execute();
    // The figures are worked out again from the clocks when a report finds none (src/services/reports/report-service.ts).
    await sql`delete from ticket_report_figures`.execute(db);
    await db.schema
      .alterTable('ticket_report_figures')
      .addColumn('figures_json', 'text', (c) => c.notNull())
      .execute();
    for (const name of [
      'tier',
      ...CLOCKS.flatMap(([clock]) => CLOCK_FIELDS.map(([field]) => `${clock}_${field}`)),
      'resolved_spent_ms',
      'paused_json',
      'events_json',
    ])
      await db.schema.alterTable('ticket_report_figures').dropColumn(name).execute();
  },
};
