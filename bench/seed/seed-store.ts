/**
 * Fills a migrated store with the benchmark's population: workspaces (with sealed tokens, like real installs),
 * ticket snapshots and running SLA clocks. Multi-row INSERTs through kysely, as many rows per statement as the
 * engine's bound-parameter limit allows, committed in large transactions: a million tickets in about a minute
 * instead of an hour of single-row writes.
 */
import type { Database } from '../../src/store';
import type { SlaClocksTable, TicketLinksTable, WorkspacesTable } from '../../src/store/schema';
import type { TokenCipher } from '../../src/security/token-cipher';
import { clockRows, type SeedSizes, ticketRow, workspaceId } from './rows';

export interface SeedReport {
  workspaces: number;
  tickets: number;
  clocks: number;
  ms: number;
}

/** SQLite (as bundled by better-sqlite3) binds at most 32,766 parameters per statement; PostgreSQL 65,535. */
const PARAMETER_LIMIT = { sqlite: 32_000, postgres: 65_000 } as const;
/** Rows per transaction: big enough to amortise the commit, small enough to keep the WAL (and undo) bounded. */
const ROWS_PER_TRANSACTION = 100_000;

type Table = 'workspaces' | 'ticket_links' | 'sla_clocks';

async function insertAll<R extends object>(database: Database, table: Table, rows: readonly R[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.floor(PARAMETER_LIMIT[database.dialect] / Object.keys(rows[0]!).length);
  for (let from = 0; from < rows.length; from += perStatement) {
    // The row types are the tables' own (schema.ts); kysely cannot relate a generic table name to its row type.
    await database.db
      .insertInto(table)
      .values(rows.slice(from, from + perStatement) as never)
      .execute();
  }
}

function workspaceRows(ids: readonly string[], cipher: TokenCipher, now: number): WorkspacesTable[] {
  return ids.map((id, index) => {
    const sealed = cipher.encrypt(`bench-token-${index}`, id);
    return {
      id,
      name: `Bench workspace ${index}`,
      region: 'US',
      api_base_url: 'https://api.intercom.io',
      timezone: 'UTC',
      token_ciphertext: sealed.ciphertext,
      token_key_id: sealed.keyId,
      install_mode: 'oauth',
      installed_at: now - 90 * 86_400_000,
      uninstalled_at: null,
      installed_by_admin_id: '1',
    };
  });
}

export interface SeedOptions {
  sizes: SeedSizes;
  cipher: TokenCipher;
  now: number;
  /** Id for workspace 0, so the benchmark workspace shares the population's data. */
  firstWorkspaceId?: string;
  onProgress?: (tickets: number) => void;
}

export async function seedStore(database: Database, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const { sizes, now } = options;
  // The benchmark's own workspace (the one the fake Intercom knows) takes slot 0; its install later overwrites the row.
  const ids = Array.from({ length: sizes.workspaces }, (_, i) =>
    i === 0 && options.firstWorkspaceId ? options.firstWorkspaceId : workspaceId(i),
  );
  await database.db
    .transaction()
    .execute((tx) => insertAll({ ...database, db: tx }, 'workspaces', workspaceRows(ids, options.cipher, now)));
  let clocks = 0;
  // One batch is written while the next is generated: on PostgreSQL the server's work overlaps ours.
  let writing: Promise<void> = Promise.resolve();
  for (let from = 0; from < sizes.tickets; from += ROWS_PER_TRANSACTION) {
    const to = Math.min(sizes.tickets, from + ROWS_PER_TRANSACTION);
    const tickets: TicketLinksTable[] = [];
    const clockBatch: SlaClocksTable[] = [];
    for (let index = from; index < to; index += 1) {
      const ticket = ticketRow(index, sizes, now, ids);
      tickets.push(ticket);
      clockBatch.push(...clockRows(ticket, index, now));
    }
    await writing;
    clocks += clockBatch.length;
    writing = database.db
      .transaction()
      .execute(async (tx) => {
        await insertAll({ ...database, db: tx }, 'ticket_links', tickets);
        await insertAll({ ...database, db: tx }, 'sla_clocks', clockBatch);
      })
      .then(() => options.onProgress?.(to));
  }
  await writing;
  return { workspaces: sizes.workspaces, tickets: sizes.tickets, clocks, ms: performance.now() - started };
}
