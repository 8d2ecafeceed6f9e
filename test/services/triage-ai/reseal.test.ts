import { createTokenCipher } from '../../../src/security/token-cipher';
import { createTriageAiSettings, resealAiKeys } from '../../../src/services/triage-ai';
import type { Store } from '../../../src/store';
import { silentLogger } from '../../../src/util/logger';
import { useMemoryStore } from '../../support/memory-store';

const OLD = { id: 'old', key: Buffer.alloc(32, 1) };
const NEW = { id: 'new', key: Buffer.alloc(32, 2) };
const KEY = 'sk-test-0123456789abcdefghijklmnop';

const theStore = useMemoryStore('ws-a', 'ws-b');
let store: Store;
beforeEach(() => {
  store = theStore();
});

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
