/**
 * How kysely talks to SQLite here: one prepared statement per SQL text, transactions that take the write lock up
 * front, DDL inside transactions, and the single connection handed to waiting queries in order. Used by
 * `openSqlite` in database.ts.
 */
import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import { BoundedMemo } from '../util/bounded-memo';
import { FifoLock } from '../util/fifo-lock';

/** Distinct SQL texts kept prepared; kysely's are parameterised, so the working set is small. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * kysely prepares every query anew, and preparing costs more than running a
 * primary-key read (about a fifth of a sidebar view in the benchmark's profile).
 * better-sqlite3 statements are reusable and the driver is synchronous, so one
 * prepared statement per SQL text is safe to share. The cache is simply
 * emptied if it ever fills (e.g. many different IN-list lengths).
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): Pick<SqliteDatabase.Database, 'close' | 'prepare'> {
  const statements = new BoundedMemo<string, SqliteDatabase.Statement>(STATEMENT_CACHE_SIZE);
  return {
    close: () => {
      statements.clear();
      return sqlite.close();
    },
    prepare: (sql: string) => {
      return statements.get(sql, (text) => sqlite.prepare(text));
    },
  } as Pick<SqliteDatabase.Database, 'close' | 'prepare'>;
}

/**
 * kysely opens SQLite transactions with a plain (deferred) `BEGIN`, which takes
 * the write lock only at the first write. Two processes that both read first
 * then fail with SQLITE_BUSY instead of waiting. `BEGIN IMMEDIATE` takes the
 * write lock up front, so every transaction here is a serialised
 * read-check-write: the property the escalation and settings rules rely on.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  /**
   * Taken before kysely's own connection lock, so that one is never contended: its release wakes every waiter
   * (see src/util/fifo-lock.ts), ours only the next.
   */
  readonly #connectionLock = new FifoLock();

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#connectionLock.acquire();
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#connectionLock.release();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * SQLite does run DDL inside transactions; kysely just doesn't assume it. Saying
 * so makes the migrator wrap each run in one (IMMEDIATE) transaction: all of a
 * run applies or none does, and a second process starting at the same moment
 * waits for the write lock, then finds the migrations already applied.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
