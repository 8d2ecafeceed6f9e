/**
 * Reusable queries (src/store/repos/reusable-query.ts): compiled once, bound per call, and loud about the two
 * ways a builder can make the compiled SQL wrong for later calls. The repositories built on them run the store
 * contract suite on both engines; this covers the guards.
 */
import { openDatabase, migrateToLatest, type Database } from '../../src/store';
import { reusableQuery } from '../../src/store/repos/reusable-query';

let database: Database;
beforeEach(async () => {
  database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
});
afterEach(() => database.close());

const byId = reusableQuery((db, key: { id: string }) => db.selectFrom('workspaces').select(['id', 'timezone']).where('id', '=', key.id));

it('binds each call’s values into the SQL compiled on the first', async () => {
  const { db } = database;
  for (const [id, timezone] of [
    ['ws-1', 'UTC'],
    ['ws-2', 'Asia/Tokyo'],
  ]) {
    await db
      .insertInto('workspaces')
      .values({ id, name: id, region: 'us', api_base_url: 'https://api.intercom.io', timezone, install_mode: 'private', installed_at: 1 })
      .execute();
  }
  expect(await byId(db, 'sqlite', { id: 'ws-2' })).toEqual([{ id: 'ws-2', timezone: 'Asia/Tokyo' }]);
  expect(await byId(db, 'sqlite', { id: 'ws-1' })).toEqual([{ id: 'ws-1', timezone: 'UTC' }]);
  expect(await byId(db, 'sqlite', { id: 'nobody' })).toEqual([]);
});

it('refuses an undefined argument instead of binding it', async () => {
  await expect(byId(database.db, 'sqlite', { id: undefined as unknown as string })).rejects.toThrow(/argument id is undefined/);
});

it('refuses a builder that leaves an argument out of the SQL', async () => {
  const careless = reusableQuery((db, key: { id: string; unused: string }) =>
    db.selectFrom('workspaces').select('id').where('id', '=', key.id),
  );
  await expect(careless(database.db, 'sqlite', { id: 'ws-1', unused: 'x' })).rejects.toThrow(/binds 1 of its 2 arguments/);
});
