/**
 * `migrateToLatest` on PostgreSQL: kysely's bootstrap lists every table of every schema, so a schema another client
 * drops meanwhile fails the listing with SQLSTATE 3F000. The run is tried again when the missing schema is someone
 * else's, and fails at once when it is our own. The drop is staged by the dialect's introspector (the race itself
 * takes a concurrent DROP landing inside one catalog query), and the migrations then run for real.
 */
import { type DatabaseIntrospector, type Dialect, Kysely, PostgresDialect, type TableMetadata } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../src/store';
import { MIGRATIONS } from '../../src/store/migrations';
import type { Tables } from '../../src/store/schema';
import { describePostgres, freshSchema, pgAdmin } from '../support/postgres';

/** PostgreSQL as it is, except that the first `failures` table listings meet `schema "<gone>" does not exist`. */
class VanishingSchemaDialect implements Dialect {
  listings = 0;
  constructor(
    private readonly inner: Dialect,
    private readonly gone: string,
    private readonly failures: number,
  ) {}
  createDriver = () => this.inner.createDriver();
  createQueryCompiler = () => this.inner.createQueryCompiler();
  createAdapter = () => this.inner.createAdapter();
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const real = this.inner.createIntrospector(db);
    return {
      getSchemas: () => real.getSchemas(),
      getMetadata: (options) => real.getMetadata(options),
      getTables: async (options): Promise<TableMetadata[]> => {
        this.listings += 1;
        if (this.listings <= this.failures) {
          throw Object.assign(new Error(`schema "${this.gone}" does not exist`), { code: '3F000' });
        }
        return real.getTables(options);
      },
    };
  }
}

describePostgres('migrateToLatest and a schema dropped during its table listing (PostgreSQL)', (url) => {
  let schema: string;
  let pool: pg.Pool;
  let database: ReturnType<typeof openDatabase>;

  beforeEach(async () => {
    schema = freshSchema('migrate_race');
    await pgAdmin(`create schema ${schema}`, url);
    database = openDatabase({ url, pgSchema: schema });
    pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 3 });
  });

  afterEach(async () => {
    await pool.end();
    await database.close();
    await pgAdmin(`drop schema if exists ${schema} cascade`, url);
  });

  /** The store's database, its queries going through the staged dialect. */
  const staged = (dialect: VanishingSchemaDialect) => ({ ...database, db: new Kysely<Tables>({ dialect }) });

  it("another client's schema vanishing is tried again, and the run then applies every migration", async () => {
    const dialect = new VanishingSchemaDialect(new PostgresDialect({ pool }), 'someone_elses_schema', 2);
    const report = await migrateToLatest(staged(dialect));
    expect(report.applied).toEqual(MIGRATIONS.map(([name]) => name));
    expect(dialect.listings).toBeGreaterThan(2);
  });

  it('our own schema missing is not retried: the error surfaces', async () => {
    const dialect = new VanishingSchemaDialect(new PostgresDialect({ pool }), schema, 1);
    await expect(migrateToLatest(staged(dialect))).rejects.toThrow(`schema "${schema}" does not exist`);
    expect(dialect.listings).toBe(1);
  });

  it('gives up after a bounded number of tries when the listing keeps failing', async () => {
    const dialect = new VanishingSchemaDialect(new PostgresDialect({ pool }), 'someone_elses_schema', 100);
    await expect(migrateToLatest(staged(dialect))).rejects.toThrow('does not exist');
    expect(dialect.listings).toBeLessThan(100);
  });
});
