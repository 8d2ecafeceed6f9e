/**
 * The workspace's Messenger identity-verification secret (Intercom: Settings > Security > Messenger), which the
 * embed verifies each user's JWT with. Sealed with the token cipher bound to the workspace before it reaches the
 * store, never shown again, never logged: the settings page only learns whether one is set and since when.
 */
import type { TokenCipher } from '../../security/token-cipher';
import type { Store } from '../../store';
import { type ResealLogger, type ResealReport, resealSecrets } from '../reseal-secrets';

export interface MessengerSecretView {
  set: boolean;
  setAt: number | null;
}

export type SecretSave = { ok: true; change: 'replaced' | 'removed' | 'kept' } | { ok: false; error: string };

export interface MessengerSecretService {
  view(workspaceId: string): Promise<MessengerSecretView>;
  save(workspaceId: string, adminId: string, form: Record<string, unknown>): Promise<SecretSave>;
}

/** Intercom's secrets are long random strings; a short one is a paste of something else. */
const MIN_CHARS = 16;
const MAX_CHARS = 256;

export function createMessengerSecrets(deps: { store: Store; cipher: TokenCipher; now: () => number }): MessengerSecretService {
  return {
    async view(workspaceId) {
      const identity = await deps.store.customerSide.getIdentity(workspaceId);
      return { set: identity !== null, setAt: identity?.setAt ?? null };
    },
    async save(workspaceId, adminId, form) {
      if (form['remove'] === 'on') {
        await deps.store.customerSide.clearIdentity(workspaceId);
        return { ok: true, change: 'removed' };
      }
      const secret = typeof form['secret'] === 'string' ? form['secret'].trim() : '';
      if (secret === '') return { ok: true, change: 'kept' };
      if (secret.length < MIN_CHARS || secret.length > MAX_CHARS || /\s/.test(secret)) {
        return {
          ok: false,
          error: `Paste the identity verification secret from Intercom (${MIN_CHARS}–${MAX_CHARS} characters, no spaces).`,
        };
      }
      const sealed = deps.cipher.encrypt(secret, workspaceId);
      await deps.store.customerSide.setIdentity(workspaceId, sealed, deps.now(), adminId);
      return { ok: true, change: 'replaced' };
    },
  };
}

/**
 * After an encryption key rotation (src/services/reseal-secrets.ts): until an admin pastes one no configured key
 * opens again, the embed answers as if none were set.
 */
export function resealMessengerSecrets(store: Store, cipher: TokenCipher, logger: ResealLogger): Promise<ResealReport> {
  return resealSecrets(store, cipher, logger, {
    name: 'Messenger secret',
    read: async (workspaceId) => (await store.customerSide.getIdentity(workspaceId))?.secret ?? null,
    swap: (workspaceId, expected, next) => store.customerSide.resealIdentity(workspaceId, expected, next),
  });
}
