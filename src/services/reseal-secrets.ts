/**
 * After an encryption key rotation, the secrets a workspace's admin pasted (an AI provider's key, the Messenger
 * identity-verification secret) are re-sealed at start, as src/services/install/key-rotation.ts does for access
 * tokens: each sealed under a previous key (or an older format) is opened once and sealed again under the current
 * one, so the old key can be retired. The write is a compare-and-swap, so an admin saving a new secret meanwhile
 * wins. One no configured key opens is reported and left alone: the admin enters it again.
 */
import type { TokenCipher } from '../security/token-cipher';
import type { SealedToken, Store } from '../store';

export interface ResealReport {
  resealed: number;
  unreadable: string[];
}

export interface ResealLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface SealedSecretKind {
  /** How the log names it: "AI provider key". */
  name: string;
  read(workspaceId: string): Promise<SealedToken | null>;
  /** Replaces the sealed value only if it is still `expected`; whether it did. */
  swap(workspaceId: string, expected: string, next: SealedToken): Promise<boolean>;
}

export async function resealSecrets(
  store: Store,
  cipher: TokenCipher,
  logger: ResealLogger,
  kind: SealedSecretKind,
): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, unreadable: [] };
  for (const workspace of await store.workspaces.list()) {
    const sealed = await kind.read(workspace.id);
    if (!sealed || !cipher.needsRotation(sealed.ciphertext)) continue;
    let plaintext: string;
    try {
      plaintext = cipher.decryptForReseal(sealed.ciphertext, workspace.id);
    } catch {
      report.unreadable.push(workspace.id);
      logger.warn({ workspaceId: workspace.id, keyId: sealed.keyId }, `${kind.name} could not be opened with any configured key`);
      continue;
    }
    if (await kind.swap(workspace.id, sealed.ciphertext, cipher.encrypt(plaintext, workspace.id))) report.resealed += 1;
  }
  if (report.resealed > 0) logger.info({ resealed: report.resealed }, `re-sealed each ${kind.name} under the current encryption key`);
  return report;
}
