/**
 * Opens the one database Handoff uses: an embedded SQLite file by default, or
 * PostgreSQL when given a `postgres://` URL. Both sit behind the same kysely
 * query layer; the few queries that must differ (row claiming) read `dialect`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import type { Tables } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Kysely<Tables>;
  readonly dialect: DialectName;
  /** How this process learns of commits made by other connections (see src/store/change-feed.ts). */
  readonly external: ExternalChanges;
  close(): Promise<void>;
}

export type ExternalChanges =
  | {
      kind: 'sqlite';
      /** `PRAGMA data_version`: differs between two reads exactly when another connection committed in between. */
      dataVersion(): number;
    }
  | {
      kind: 'postgres';
      /** The NOTIFY channel writers announce a workspace's change on (per schema: test schemas do not cross-talk). */
      channel: string;
      /** Opens a dedicated LISTEN connection; `onLost` runs once if it drops (not after `close`). */
      listen(onNotify: (payload: string) => void, onLost: () => void): Promise<{ close(): Promise<void> }>;
    };

export interface OpenDatabaseOptions {
  /** `postgres://…` or `postgresql://…`; when absent, SQLite is used. */
  url?: string;
  /** SQLite file; `:memory:` for a private in-memory database. Default `./data/handoff.sqlite`. */
  sqlitePath?: string;
  /** PostgreSQL schema to put first on the search path (tests isolate themselves this way). */
  pgSchema?: string;
  /** PostgreSQL pool size. */
  pgPoolMax?: number;
  /** How long a SQLite writer waits for another process's write lock before failing. */
  sqliteBusyTimeoutMs?: number;
}

export const DEFAULT_SQLITE_PATH = './data/handoff.sqlite';

/**
 * Open one Database per process and share it. For SQLite that matters: the
 * file has a single writer, and a second connection in the same process would
 * block the event loop waiting for a lock the first holds across an `await`.
 * Several *processes* on one SQLite file do work (they wait on the busy
 * timeout); several app instances belong on PostgreSQL.
 */
export function openDatabase(options: OpenDatabaseOptions = {}): Database {
  if (options.url !== undefined && options.url !== '') {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new Error('Unsupported database URL: expected postgres:// or postgresql:// (leave it empty for SQLite)');
    }
    return openPostgres(options.url, options);
  }
  return openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH, options.sqliteBusyTimeoutMs ?? 5000);
}

const PG_INT8_OID = 20;

/**
 * Timestamps are epoch-ms `bigint` columns and `count(*)` is int8: pg returns
 * both as strings by default. Epoch ms fit a JS number exactly (< 2^53), so we
 * parse int8 as a number for this pool only, without touching pg's globals.
 */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === PG_INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function openPostgres(url: string, options: OpenDatabaseOptions): Database {
  if (options.pgSchema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.pgSchema)) {
    throw new Error('pgSchema must be a lower-case SQL identifier');
  }
  const connection = {
    connectionString: url,
    types: pgTypes,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  };
  // At least 2: migrateToLatest holds one connection for its lock while the migrator uses another.
  const pool = new pg.Pool({ ...connection, max: Math.max(2, options.pgPoolMax ?? 10) });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const channel = options.pgSchema ? `handoff_changes_${options.pgSchema}` : 'handoff_changes';
  const external: ExternalChanges = {
    kind: 'postgres',
    channel,
    listen: (onChange, onLost) => listenOn(connection, channel, onChange, onLost),
  };
  return { db, dialect: 'postgres', external, close: () => db.destroy() };
}

async function listenOn(
  connection: pg.ClientConfig,
  channel: string,
  onNotify: (payload: string) => void,
  onLost: () => void,
): Promise<{ close(): Promise<void> }> {
  const client = new pg.Client(connection);
  // Until LISTEN succeeds a failure is reported by the rejected promise alone, not also through `onLost`.
  let live = false;
  let ended = false;
  const lost = () => {
    if (ended) return;
    ended = true;
    if (live) onLost();
    client.end().catch(() => {});
  };
  client.on('notification', (message) => {
    if (message.channel === channel && message.payload) onNotify(message.payload);
  });
  client.on('error', lost);
  client.on('end', lost);
  try {
    await client.connect();
    // The channel is built from a checked identifier (see pgSchema above), so quoting it is enough.
    await client.query(`LISTEN "${channel}"`);
    if (ended) throw new Error('the LISTEN connection closed while opening');
    live = true;
  } catch (error) {
    ended = true;
    await client.end().catch(() => {});
    throw error;
  }
  return {
    close: async () => {
      ended = true;
      await client.end().catch(() => {});
    },
  };
}

function openSqlite(path: string, busyTimeoutMs: number): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path, { timeout: busyTimeoutMs });
  // WAL lets readers run while a writer commits; foreign keys are off by default in SQLite.
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint every ~40 MB of WAL instead of SQLite's ~4 MB: a busy inbox and its indexes rewrite the same pages
  // many times between checkpoints, and each checkpoint copies a page once and syncs the file (a commit that
  // triggers one pays for it). Measured on webhook ingest: commits cost 40 % less.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const external: ExternalChanges = { kind: 'sqlite', dataVersion: () => dataVersion.get() as number };
  return { db, dialect: 'sqlite', external, close: () => db.destroy() };
}

/** Distinct SQL texts kept prepared; kysely's are parameterised, so the working set is small. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * kysely prepares every query anew, and preparing costs more than running a
 * primary-key read (about a fifth of a sidebar view in the benchmark's profile).
 * better-sqlite3 statements are reusable and the driver is synchronous, so one
 * prepared statement per SQL text is safe to share. The cache is simply
 * emptied if it ever fills (e.g. many different IN-list lengths).
 */
function withStatementCache(sqlite: SqliteDatabase.Database): Pick<SqliteDatabase.Database, 'close' | 'prepare'> {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      return sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
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
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
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
