/**
 * The workspace directory's reads (src/services/workspace-directory.ts): a workspace is read from the store once,
 * then again only after an install, token or uninstall write to it; ticket traffic and other workspaces leave it.
 */
import { createTokenCipher } from '../../src/security/token-cipher';
import { createWorkspaceDirectory } from '../../src/services/workspace-directory';
import { useMemoryStore } from '../support/memory-store';

const storeOf = useMemoryStore('w1', 'w2');

it('reads a workspace again only after a write to its install', async () => {
  const store = storeOf();
  const cipher = createTokenCipher({ id: 'k1', key: Buffer.alloc(32, 7) });
  const directory = createWorkspaceDirectory({ store, cipher, clock: { now: () => 1 }, timeoutMs: 1_000 });
  const reads = jest.spyOn(store.workspaces, 'get');
  expect((await directory.get('w1'))?.uninstalledAt).toBeNull();
  expect((await directory.get('w1'))?.uninstalledAt).toBeNull();
  expect(reads).toHaveBeenCalledTimes(1);

  await store.tickets.markSynced('w1', 'no-such-ticket', 3);
  await store.workspaces.markUninstalled('w2', 4);
  expect((await directory.get('w1'))?.uninstalledAt).toBeNull();
  expect(reads).toHaveBeenCalledTimes(1);

  await store.workspaces.setToken('w1', cipher.encrypt('tok_2', 'w1'));
  await directory.get('w1');
  expect(reads).toHaveBeenCalledTimes(2);
  await store.workspaces.markUninstalled('w1', 5);
  expect((await directory.get('w1'))?.uninstalledAt).toBe(5);
  expect(reads).toHaveBeenCalledTimes(3);
  expect(await directory.get('nobody')).toBeNull();
});
