/**
 * The hot texts are prepared once per PostgreSQL connection (src/store/pg-prepared.ts): a registered text runs as a
 * named statement, everything else as before, unnamed.
 */
import { PreparingClient, prepareOnPostgres, preparedName } from '../../src/store/pg-prepared';
import { sidebarStatement } from '../../src/store/repos/sidebar-statement';
import { describePostgres } from '../support/postgres';

describePostgres('prepared hot statements on PostgreSQL', (url) => {
  let client: PreparingClient;

  beforeEach(async () => {
    client = new PreparingClient({ connectionString: url });
    await client.connect();
  });

  afterEach(async () => {
    await client.end();
  });

  const prepared = async (): Promise<string[]> => {
    const { rows } = await client.query('select statement from pg_prepared_statements order by statement');
    return (rows as { statement: string }[]).map((row) => row.statement);
  };

  it('runs a registered text as a named statement, prepared once on the connection', async () => {
    const text = 'select $1::int + 1 as next';
    prepareOnPostgres(text);
    expect((await client.query(text, [41])).rows).toEqual([{ next: 42 }]);
    expect((await client.query(text, [1])).rows).toEqual([{ next: 2 }]);
    expect(await prepared()).toEqual([text]);
  });

  it('leaves any other text unnamed, and a callback call as pg makes it', async () => {
    expect((await client.query('select $1::int * 2 as twice', [21])).rows).toEqual([{ twice: 42 }]);
    const viaCallback = await new Promise<unknown>((resolve, reject) =>
      client.query('select 7 as seven', (error: Error | null, result: { rows: unknown }) => (error ? reject(error) : resolve(result.rows))),
    );
    expect(viaCallback).toEqual([{ seven: 7 }]);
    expect(await prepared()).toEqual([]);
  });

  it('prepares the sidebar read, once under one name however often it is registered', () => {
    const { sql } = sidebarStatement('postgres');
    const name = preparedName(sql);
    expect(name).toMatch(/^handoff_hot_\d+$/);
    prepareOnPostgres(sql);
    expect(preparedName(sql)).toBe(name);
    expect(preparedName(sidebarStatement('sqlite').sql)).toBeUndefined();
  });
});
