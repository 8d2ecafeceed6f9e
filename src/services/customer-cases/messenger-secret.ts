/**
 * The workspace's Messenger identity-verification secret (Intercom: Settings > Security > Messenger), which the
 * embed verifies each user's JWT with. Sealed with the token cipher bound to the workspace before it reaches the
 * store, never shown again, never logged: the settings page only learns whether one is set and since when.
 */
import type { TokenCipher } from '../../security/token-cipher';
import type { Store } from '../../store';

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

export interface SecretRotationReport {
  resealed: number;
  unreadable: string[];
}

/**
 * After an encryption key rotation, as the Intercom tokens and AI keys are: run at start, each Messenger secret
 * sealed under a previous key (or an older format) is opened once and sealed again under the current one, so the
 * old key can be retired without the embed refusing every user. One no configured key opens is reported and left:
 * the admin pastes it again (until then the embed answers as if none were set).
 */
export async function resealMessengerSecrets(
  store: Store,
  cipher: TokenCipher,
  logger: { info(fields: object, message: string): void; warn(fields: object, message: string): void },
): Promise<SecretRotationReport> {
  const report: SecretRotationReport = { resealed: 0, unreadable: [] };
  for (const workspace of await store.workspaces.list()) {
    const identity = await store.customerSide.getIdentity(workspace.id);
    if (!identity || !cipher.needsRotation(identity.secret.ciphertext)) continue;
    let plaintext: string;
    try {
      plaintext = cipher.decryptForReseal(identity.secret.ciphertext, workspace.id);
    } catch {
      report.unreadable.push(workspace.id);
      logger.warn(
        { workspaceId: workspace.id, keyId: identity.secret.keyId },
        'Messenger secret could not be opened with any configured key',
      );
      continue;
    }
    if (await store.customerSide.resealIdentity(workspace.id, identity.secret.ciphertext, cipher.encrypt(plaintext, workspace.id)))
      report.resealed += 1;
  }
  if (report.resealed > 0) logger.info({ resealed: report.resealed }, 're-sealed Messenger secrets under the current encryption key');
  return report;
}
