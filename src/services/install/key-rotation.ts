/**
 * Re-seals stored access tokens after an encryption key rotation or a format change. Run at start: each token
 * sealed under a previous key (HANDOFF_ENCRYPTION_KEYS_PREVIOUS) or in the v1 format (not bound to its
 * workspace) is opened once and sealed again as v2 under the current key, so the old key can be retired once
 * every instance has started once with the new one. A token no
 * configured key opens is left as it is and reported (its workspace must
 * reinstall); it never stops start-up, since other workspaces are unaffected.
 */
import type { TokenCipher } from '../../security/token-cipher';
import type { Store } from '../../store';

export interface RotationReport {
  checked: number;
  resealed: number;
  /** Workspaces whose token no configured key could open. */
  unreadable: string[];
}

export interface RotationLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export async function resealTokens(store: Store, cipher: TokenCipher, logger: RotationLogger): Promise<RotationReport> {
  const report: RotationReport = { checked: 0, resealed: 0, unreadable: [] };
  for (const workspace of await store.workspaces.list()) {
    if (!workspace.token) continue;
    report.checked += 1;
    if (!cipher.needsRotation(workspace.token.ciphertext)) continue;
    // Re-read inside a transaction and only write if the token is still the one we decrypted,
    // so a concurrent re-install's new token is never replaced by a re-sealed old one.
    const outcome = await store.transaction(async (tx) => {
      const current = await tx.workspaces.get(workspace.id);
      if (!current?.token || current.token.ciphertext !== workspace.token?.ciphertext) return 'changed' as const;
      let plaintext: string;
      try {
        plaintext = cipher.decryptForReseal(current.token.ciphertext, workspace.id);
      } catch {
        return 'unreadable' as const;
      }
      await tx.workspaces.setToken(workspace.id, cipher.encrypt(plaintext, workspace.id));
      return 'resealed' as const;
    });
    if (outcome === 'resealed') report.resealed += 1;
    if (outcome === 'unreadable') {
      report.unreadable.push(workspace.id);
      logger.warn(
        { workspaceId: workspace.id, keyId: workspace.token.keyId },
        'stored token could not be decrypted with any configured key; the workspace must reinstall Handoff',
      );
    }
  }
  if (report.resealed > 0) logger.info({ resealed: report.resealed }, 're-sealed access tokens under the current encryption key');
  return report;
}
