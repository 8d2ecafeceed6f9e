import { createTokenCipher } from '../../../src/security/token-cipher';
import { createTriageAiSettings, resealAiKeys } from '../../../src/services/triage-ai';
import { createStore, migrateToLatest, openDatabase, type Store } from '../../../src/store';
import { silentLogger } from '../../../src/util/logger';
import { seedWorkspace } from '../../store/repos/harness';

const OLD = { id: 'old', key: Buffer.alloc(32, 1) };
const NEW = { id: 'new', key: Buffer.alloc(32, 2) };
const KEY = 'sk-test-0123456789abcdefghijklmnop';

let store: Store;
beforeEach(async () => {
  const database = openDatabase({ sqlitePath: ':memory:' });
  await migrateToLatest(database);
  store = createStore(database);
  await seedWorkspace(store, 'ws-a');
  await seedWorkspace(store, 'ws-b');
});
afterEach(() => store.close());

it('re-seals keys sealed under a previous encryption key, reports one no key opens, and leaves current ones', async () => {
  const before = createTriageAiSettings({ store, cipher: createTokenCipher(OLD), now: () => 1 });
  await before.save('ws-a', 'admin', { enabled: 'on', provider: 'openai', model: 'gpt-test', key: KEY });
  const lost = createTriageAiSettings({ store, cipher: createTokenCipher({ id: 'gone', key: Buffer.alloc(32, 9) }), now: () => 1 });
  await lost.save('ws-b', 'admin', { enabled: 'on', provider: 'openai', model: 'gpt-test', key: KEY });

  const rotated = createTokenCipher(NEW, [OLD]);
  expect(await resealAiKeys(store, rotated, silentLogger)).toEqual({ resealed: 1, unreadable: ['ws-b'] });
  const record = await store.triageAi.getSettings('ws-a');
  expect(record?.key?.keyId).toBe('new');
  expect(createTokenCipher(NEW).decrypt(record!.key!.ciphertext, 'ws-a')).toBe(KEY);
  expect(await resealAiKeys(store, rotated, silentLogger)).toEqual({ resealed: 0, unreadable: ['ws-b'] });
});
