import { createTokenCipher } from '../../../src/security/token-cipher';
import { createMessengerSecrets, resealMessengerSecrets } from '../../../src/services/customer-cases/messenger-secret';
import type { Store } from '../../../src/store';
import { silentLogger } from '../../../src/util/logger';
import { useMemoryStore } from '../../support/memory-store';

const OLD = { id: 'old', key: Buffer.alloc(32, 1) };
const NEW = { id: 'new', key: Buffer.alloc(32, 2) };
const SECRET = 'messenger-identity-secret-0123456789';

const theStore = useMemoryStore('ws-a', 'ws-b');
let store: Store;
beforeEach(() => {
  store = theStore();
});

describe('the Messenger identity-verification secret', () => {
  it('is stored only sealed, and a save with no secret keeps the one set', async () => {
    const secrets = createMessengerSecrets({ store, cipher: createTokenCipher(NEW), now: () => 5 });
    expect(await secrets.save('ws-a', 'admin-1', { secret: SECRET })).toEqual({ ok: true, change: 'replaced' });
    expect(await secrets.save('ws-a', 'admin-1', { secret: '' })).toEqual({ ok: true, change: 'kept' });
    const identity = await store.customerSide.getIdentity('ws-a');
    expect(identity?.secret.ciphertext).not.toContain(SECRET);
    expect(createTokenCipher(NEW).decrypt(identity!.secret.ciphertext, 'ws-a')).toBe(SECRET);
    expect(await secrets.view('ws-a')).toEqual({ set: true, setAt: 5 });
  });

  it('refuses a paste that cannot be a secret, and changes nothing', async () => {
    const secrets = createMessengerSecrets({ store, cipher: createTokenCipher(NEW), now: () => 5 });
    const saved = await secrets.save('ws-a', 'admin-1', { secret: 'short one' });
    expect(saved.ok).toBe(false);
    expect(await store.customerSide.getIdentity('ws-a')).toBeNull();
  });

  it('is re-sealed under the current key after a rotation; one no key opens is reported and left alone', async () => {
    await createMessengerSecrets({ store, cipher: createTokenCipher(OLD), now: () => 1 }).save('ws-a', 'admin', { secret: SECRET });
    const lost = createTokenCipher({ id: 'gone', key: Buffer.alloc(32, 9) });
    await createMessengerSecrets({ store, cipher: lost, now: () => 1 }).save('ws-b', 'admin', { secret: SECRET });
    const lostCiphertext = (await store.customerSide.getIdentity('ws-b'))!.secret.ciphertext;

    const rotated = createTokenCipher(NEW, [OLD]);
    expect(await resealMessengerSecrets(store, rotated, silentLogger)).toEqual({ resealed: 1, unreadable: ['ws-b'] });
    const identity = await store.customerSide.getIdentity('ws-a');
    expect(identity?.secret.keyId).toBe('new');
    expect(createTokenCipher(NEW).decrypt(identity!.secret.ciphertext, 'ws-a')).toBe(SECRET);
    expect((await store.customerSide.getIdentity('ws-b'))!.secret.ciphertext).toBe(lostCiphertext);
    // Run again (the next start): nothing left to re-seal.
    expect(await resealMessengerSecrets(store, rotated, silentLogger)).toEqual({ resealed: 0, unreadable: ['ws-b'] });
  });

  it('loses a re-seal that races an admin replacing the secret', async () => {
    await createMessengerSecrets({ store, cipher: createTokenCipher(OLD), now: () => 1 }).save('ws-a', 'admin', { secret: SECRET });
    const stale = (await store.customerSide.getIdentity('ws-a'))!.secret.ciphertext;
    await createMessengerSecrets({ store, cipher: createTokenCipher(NEW), now: () => 2 }).save('ws-a', 'admin', {
      secret: `${SECRET}-new`,
    });
    const rotated = createTokenCipher(NEW, [OLD]);
    expect(await store.customerSide.resealIdentity('ws-a', stale, rotated.encrypt(SECRET, 'ws-a'))).toBe(false);
    expect(rotated.decrypt((await store.customerSide.getIdentity('ws-a'))!.secret.ciphertext, 'ws-a')).toBe(`${SECRET}-new`);
  });
});
