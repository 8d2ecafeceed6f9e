/**
 * The hot texts are prepared once per PostgreSQL connection (src/store/pg-prepared.ts): a registered text runs as a
 * named statement, everything else as before, unnamed. A transaction's last statement marked `WITH_COMMIT` goes out
 * with its COMMIT, in one round trip.
 */
import pg from 'pg';
import { PreparingClient, prepareOnPostgres, preparedName, WITH_COMMIT } from '../../src/store/pg-prepared';
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

  describe('a statement sent with the COMMIT', () => {
    let listener: pg.Client;
    const heard: string[] = [];
    const channel = `with_commit_${process.pid}`;

    beforeEach(async () => {
      heard.length = 0;
      listener = new pg.Client({ connectionString: url });
      await listener.connect();
      listener.on('notification', (message) => heard.push(message.payload ?? ''));
      await listener.query(`listen ${channel}`);
    });

    afterEach(async () => {
      await listener.end();
    });

    /** A query on the listener: PostgreSQL delivers what was committed before it answers. */
    const heardNow = async () => {
      await listener.query('select 1');
      return [...heard];
    };
    const notify = (payload: string) => client.query(`${WITH_COMMIT}select pg_notify($1, $2)`, [channel, payload]);

    it('is held until the commit, answered with no rows, and heard once committed, quotes and all', async () => {
      await client.query('begin');
      expect((await notify("it's \\ $1 done")).rows).toEqual([]);
      expect(await heardNow()).toEqual([]);
      await client.query('commit');
      expect(await heardNow()).toEqual(["it's \\ $1 done"]);
    });

    it('fails the commit when it fails, and the transaction is rolled back', async () => {
      await client.query('create temporary table kept (n int)');
      await client.query('begin');
      await client.query('insert into kept values (1)');
      await client.query(`${WITH_COMMIT}select 1 / $1::int`, [0]);
      await expect(client.query('commit')).rejects.toThrow(/division by zero/);
      await client.query('rollback');
      expect((await client.query('select count(*)::int as n from kept')).rows).toEqual([{ n: 0 }]);
    });

    it('is dropped by a rollback, and sent first, in order, when another statement follows it', async () => {
      await client.query('begin');
      await notify('rolled back');
      await client.query('rollback');
      expect(await heardNow()).toEqual([]);

      await client.query('begin');
      await notify('first');
      await notify('second');
      expect((await client.query('select 2 as two')).rows).toEqual([{ two: 2 }]);
      await client.query('commit');
      expect(await heardNow()).toEqual(['first', 'second']);
    });
  });
});
