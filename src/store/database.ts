/**
 * Opens the one database Handoff uses: an embedded SQLite file by default, or
 * PostgreSQL when given a `postgres://` URL. Both sit behind the same kysely
 * query layer; the few queries that must differ (row claiming) read `dialect`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PreparingClient } from './pg-prepared';
import { SQLITE_SYNC_BUSY_MS } from './lock-wait';
import { ImmediateSqliteDialect, withStatementCache } from './sqlite-dialect';
import type { Tables } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly db: Kysely<Tables>;
  readonly dialect: DialectName;
  /** How this process learns of commits made by other connections (see src/store/change-feed.ts). */
  readonly external: ExternalChanges;
  /** SQLite: how long a transaction keeps trying for another process's write lock (src/store/lock-wait.ts). */
  readonly writeLockWaitMs?: number;
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
      /**
       * Signs this database's subject notifications, so its own LISTEN connection can tell their echo apart: its
       * store has reported those writes to its change feed already (at the write and at the commit).
       */
      origin: string;
      /**
       * Opens a dedicated LISTEN connection on `channel` and on its views channel (rendered views offered between
       * instances, shared-views.ts); `onLost` runs once if it drops (not after `close`). One connection for both, so
       * the two arrive in one order: PostgreSQL delivers notifications in the order their transactions committed.
       */
      listen(onNotify: (payload: string, on: 'changes' | 'views') => void, onLost: () => void): Promise<{ close(): Promise<void> }>;
      /** Sends `payloads` on the views channel, in this order, in one statement (committed on its own). */
      notifyViews(payloads: readonly string[]): Promise<void>;
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
  /** How this process's connections are named in `pg_stat_activity`. Default `handoff`. */
  pgApplicationName?: string;
  /** How long a SQLite transaction waits for another process's write lock before failing. Default 250 ms. */
  sqliteBusyTimeoutMs?: number;
  /** PostgreSQL connection limits; each one left out takes its DEFAULT_PG_LIMITS value. */
  pgLimits?: Partial<PgLimits>;
  /**
   * Told of each error on a pooled PostgreSQL connection (a restart, a failover, a terminated backend). The
   * connection is dropped and replaced on next use whether or not this is given; it is for the log.
   */
  onConnectionError?: (error: Error) => void;
}

export interface PgLimits {
  /** Longest wait to open a connection or get one from a full pool. */
  connectMs: number;
  /** Server-side cap on one statement (`statement_timeout`). */
  statementMs: number;
  /** Server-side cap on a transaction left idle (`idle_in_transaction_session_timeout`): a stuck one frees its locks. */
  idleInTransactionMs: number;
  /** Idle time before TCP keepalive probes start, so a half-open connection (a vanished host) is noticed. */
  keepAliveIdleMs: number;
}

export const DEFAULT_PG_LIMITS: Readonly<PgLimits> = Object.freeze({
  connectMs: 3_000,
  statementMs: 15_000,
  idleInTransactionMs: 60_000,
  keepAliveIdleMs: 10_000,
});

/**
 * Short on purpose: a write that cannot get the lock in this time fails as "store unavailable", and Intercom (or
 * the teammate) tries again. Most of it is waited asynchronously (src/store/lock-wait.ts).
 */
export const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 250;

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
  return openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH, options.sqliteBusyTimeoutMs ?? DEFAULT_SQLITE_BUSY_TIMEOUT_MS);
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
  const limits = { ...DEFAULT_PG_LIMITS, ...options.pgLimits };
  const connection: pg.ClientConfig = {
    connectionString: url,
    types: pgTypes,
    application_name: options.pgApplicationName ?? 'handoff',
    connectionTimeoutMillis: limits.connectMs,
    statement_timeout: limits.statementMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: limits.keepAliveIdleMs,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  };
  // At least 2: migrateToLatest holds one connection for its lock while the migrator uses another.
  const pool = new pg.Pool({ ...connection, Client: PreparingClient, max: Math.max(2, options.pgPoolMax ?? 10) });
  survive(pool, options.onConnectionError ?? (() => {}));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const channel = options.pgSchema ? `handoff_changes_${options.pgSchema}` : 'handoff_changes';
  const external: ExternalChanges = {
    kind: 'postgres',
    channel,
    origin: randomBytes(8).toString('hex'),
    listen: (onChange, onLost) => listenOn(connection, channel, onChange, onLost),
    notifyViews: async (payloads) => {
      if (payloads.length === 0) return;
      await sql`select ${sql.join(payloads.map((payload) => sql`pg_notify(${viewsChannel(channel)}, ${payload})`))}`.execute(db);
    },
  };
  return { db, dialect: 'postgres', external, close: () => db.destroy() };
}

/**
 * An 'error' event nobody listens to kills Node. The pool listens on idle connections only, and a connection in
 * use emits one too when its socket dies (after failing its query): listen on every connection for its whole
 * life. The pool then drops the broken connection (idle: at once; in use: when it is released, as not queryable)
 * and opens a fresh one on next use, so the app recovers by itself once the server is back.
 */
function survive(pool: pg.Pool, report: (error: Error) => void): void {
  // The pool re-emits an idle connection's error; the connection's own listener below has reported it already.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', report);
  });
}

/** Rendered views offered between instances travel beside the changes, on a channel of their own: an instance of an older version never hears them. */
const viewsChannel = (channel: string) => `${channel}_views`;

async function listenOn(
  connection: pg.ClientConfig,
  channel: string,
  onNotify: (payload: string, on: 'changes' | 'views') => void,
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
    if (!message.payload) return;
    if (message.channel === channel) onNotify(message.payload, 'changes');
    else if (message.channel === viewsChannel(channel)) onNotify(message.payload, 'views');
  });
  client.on('error', lost);
  client.on('end', lost);
  try {
    await client.connect();
    // The channel is built from a checked identifier (see pgSchema above), so quoting it is enough.
    await client.query(`LISTEN "${channel}"; LISTEN "${viewsChannel(channel)}"`);
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
  const sqlite = new SqliteDatabase(path, { timeout: Math.min(SQLITE_SYNC_BUSY_MS, busyTimeoutMs) });
  // WAL lets readers run while a writer commits; foreign keys are off by default in SQLite.
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint every ~40 MB of WAL instead of SQLite's ~4 MB: a busy inbox and its indexes rewrite the same pages
  // many times between checkpoints, and each checkpoint copies a page once and syncs the file (a commit that
  // triggers one pays for it). Measured on webhook ingest: commits cost 40 % less.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('foreign_keys = ON');
  // better-sqlite3 waits synchronously: only a few ms here, the rest of the budget between attempts (lock-wait.ts).
  sqlite.pragma(`busy_timeout = ${Math.min(SQLITE_SYNC_BUSY_MS, Math.trunc(busyTimeoutMs))}`);
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const external: ExternalChanges = { kind: 'sqlite', dataVersion: () => dataVersion.get() as number };
  return { db, dialect: 'sqlite', external, writeLockWaitMs: busyTimeoutMs, close: () => db.destroy() };
}
