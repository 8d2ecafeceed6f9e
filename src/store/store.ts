/**
 * The Store facade: every repository over one connection (or one transaction).
 * `store.transaction(fn)` hands `fn` a Store whose repositories all write in
 * that transaction; use only that one inside `fn` (on SQLite the outer store
 * would wait for the transaction's connection and deadlock).
 */
import type { Database, DialectName } from './database';
import { type Db, inTransaction, type RepoContext } from './repos/common';
import { type ClocksRepo, createClocksRepo } from './repos/clocks';
import { createEscalationsRepo, type EscalationsRepo } from './repos/escalations';
import { createLadderRepo, type LadderRepo } from './repos/ladder';
import { createOutboxRepo, type OutboxRepo } from './repos/outbox';
import { createSettingsRepo, type SettingsRepo } from './repos/settings';
import { createTicketsRepo, type TicketsRepo } from './repos/tickets';
import { createWebhooksRepo, type WebhooksRepo } from './repos/webhooks';
import { createWorkspacesRepo, type WorkspacesRepo } from './repos/workspaces';

export interface Store {
  readonly dialect: DialectName;
  readonly workspaces: WorkspacesRepo;
  readonly settings: SettingsRepo;
  readonly tickets: TicketsRepo;
  readonly escalations: EscalationsRepo;
  readonly clocks: ClocksRepo;
  readonly ladder: LadderRepo;
  readonly outbox: OutboxRepo;
  readonly webhooks: WebhooksRepo;
  /** Runs `fn` atomically; nested calls join the outer transaction. Throwing rolls everything back. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Closes the database; only the top-level store may. */
  close(): Promise<void>;
}

export function createStore(database: Database): Store {
  return build(database.db, database.dialect, () => database.close());
}

function build(db: Db, dialect: DialectName, close: () => Promise<void>): Store {
  const ctx: RepoContext = { db, dialect };
  const store: Store = {
    dialect,
    workspaces: createWorkspacesRepo(ctx),
    settings: createSettingsRepo(ctx),
    tickets: createTicketsRepo(ctx),
    escalations: createEscalationsRepo(ctx),
    clocks: createClocksRepo(ctx),
    ladder: createLadderRepo(ctx),
    outbox: createOutboxRepo(ctx),
    webhooks: createWebhooksRepo(ctx),
    transaction: (fn) => (db.isTransaction ? fn(store) : inTransaction(db, (tx) => fn(build(tx, dialect, closeInTransaction)))),
    close,
  };
  return Object.freeze(store);
}

async function closeInTransaction(): Promise<void> {
  throw new Error('close() called on a transaction store; close the top-level store instead');
}
