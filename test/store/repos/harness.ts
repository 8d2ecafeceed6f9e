/**
 * Runs one contract suite against every available engine: SQLite always (a
 * temp file, so a second connection can open it), PostgreSQL when
 * TEST_DATABASE_URL is set (declared with describePostgres, skipped and said so without it). Each test file gets its own fresh PostgreSQL
 * schema, so parallel jest workers never see each other's rows; every test
 * starts from empty tables because claims read across workspaces.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePostgres, pgAdmin } from '../../support/postgres';
import { createStore, type Database, type DialectName, migrateToLatest, openDatabase, type Store } from '../../../src/store';
import { WORKSPACE_TABLES } from '../../../src/store/schema';

export interface EngineHandle {
  readonly dialect: DialectName;
  /** The store on the engine's first connection. */
  readonly store: Store;
  readonly database: Database;
  /** Another connection (PostgreSQL: another pool) to the same database: a second app instance. */
  openAnother(): Promise<Store>;
  /** A separate, empty, unmigrated database on this engine; `open` may be called more than once. */
  scratch(): Promise<Scratch>;
}

export interface Scratch {
  open(): Database;
  cleanup(): Promise<void>;
}

interface EngineSetup {
  name: DialectName;
  scratch(): Promise<Scratch>;
  open(): Database;
  create(): Promise<void>;
  destroy(): Promise<void>;
}

function sqliteEngine(): EngineSetup {
  const path = join(tmpdir(), `handoff-contract-${randomBytes(6).toString('hex')}.sqlite`);
  return {
    name: 'sqlite',
    scratch: async () => {
      const other = sqliteEngine();
      return { open: other.open, cleanup: other.destroy };
    },
    open: () => openDatabase({ sqlitePath: path }),
    create: async () => {},
    destroy: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  };
}

function postgresEngine(url: string): EngineSetup {
  const schema = `contract_${randomBytes(6).toString('hex')}`;
  const admin = (statement: string) => pgAdmin(statement, url);
  return {
    name: 'postgres',
    scratch: async () => {
      const other = postgresEngine(url);
      await other.create();
      return { open: other.open, cleanup: other.destroy };
    },
    open: () => openDatabase({ url, pgSchema: schema, pgPoolMax: 8 }),
    create: () => admin(`create schema ${schema}`),
    destroy: () => admin(`drop schema if exists ${schema} cascade`),
  };
}

/** Deletes every row, children first (foreign keys), keeping the schema. */
export async function wipe(database: Database): Promise<void> {
  for (const table of WORKSPACE_TABLES) await database.db.deleteFrom(table).execute();
  await database.db.deleteFrom('workspaces').execute();
}

/**
 * `describe`s `suite` once per engine and prints which engines ran, e.g.
 * "store contract › outbox: ran on sqlite (9 tests), postgres (9 tests)". Pass or fail is jest's
 * own report; this line only says which engines the suite covered.
 */
export function describeContract(title: string, suite: (engine: EngineHandle) => void): void {
  const ran = new Map<DialectName, number>();
  const onEngine = (setup: EngineSetup) => {
    const opened: Store[] = [];
    let handle: EngineHandle | undefined;
    const current = () => {
      if (!handle) throw new Error('engine not ready');
      return handle;
    };
    beforeAll(async () => {
      await setup.create();
      const database = setup.open();
      await migrateToLatest(database);
      const store = createStore(database);
      // Closing the store, not only its database: a test that asked the change feed holds a LISTEN connection.
      opened.push(store);
      handle = {
        dialect: setup.name,
        scratch: () => setup.scratch(),
        store,
        database,
        openAnother: async () => {
          const another = createStore(setup.open());
          opened.push(another);
          return another;
        },
      };
    });
    beforeEach(() => wipe(current().database));
    afterEach(() => {
      ran.set(setup.name, (ran.get(setup.name) ?? 0) + 1);
    });
    afterAll(async () => {
      for (const store of opened) await store.close();
      await setup.destroy();
    });
    suite({
      get dialect() {
        return current().dialect;
      },
      get store() {
        return current().store;
      },
      get database() {
        return current().database;
      },
      openAnother: () => current().openAnother(),
      scratch: () => current().scratch(),
    });
  };
  describe(`${title} [sqlite]`, () => onEngine(sqliteEngine()));
  describePostgres(`${title} [postgres]`, (url) => onEngine(postgresEngine(url)));
  afterAll(() => {
    const engines = [...ran].map(([name, count]) => `${name} (${count} tests)`).join(', ');
    console.log(`store contract › ${title}: ran on ${engines}`);
  });
}

export const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

/** Installs a workspace (every row references one). */
export async function seedWorkspace(store: Store, id: string, timezone = 'UTC'): Promise<void> {
  await store.workspaces.upsert(id, {
    name: `Workspace ${id}`,
    region: 'us',
    apiBaseUrl: 'https://api.intercom.io',
    timezone,
    token: { ciphertext: `sealed-${id}`, keyId: 'k1' },
    installMode: 'oauth',
    installedAt: T0,
    installedByAdminId: 'admin-1',
  });
}
