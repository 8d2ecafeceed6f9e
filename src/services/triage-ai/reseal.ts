/**
 * The AI providers' API keys after an encryption key rotation, as src/services/install/key-rotation.ts does for
 * the Intercom tokens: run at start, each key sealed under a previous key (or an older format) is opened once and
 * sealed again under the current one, so the old key can be retired. A key no configured key opens is reported
 * and left alone: the workspace's admin enters it again (until then the local engine alone recommends).
 */
import type { TokenCipher } from '../../security/token-cipher';
import type { Store } from '../../store';

export interface AiKeyRotationReport {
  resealed: number;
  unreadable: string[];
}

export async function resealAiKeys(
  store: Store,
  cipher: TokenCipher,
  logger: { info(fields: object, message: string): void; warn(fields: object, message: string): void },
): Promise<AiKeyRotationReport> {
  const report: AiKeyRotationReport = { resealed: 0, unreadable: [] };
  for (const workspace of await store.workspaces.list()) {
    const settings = await store.triageAi.getSettings(workspace.id);
    if (!settings?.key || !cipher.needsRotation(settings.key.ciphertext)) continue;
    let plaintext: string;
    try {
      plaintext = cipher.decryptForReseal(settings.key.ciphertext, workspace.id);
    } catch {
      report.unreadable.push(workspace.id);
      logger.warn({ workspaceId: workspace.id, keyId: settings.key.keyId }, 'AI provider key could not be opened with any configured key');
      continue;
    }
    if (await store.triageAi.resealKey(workspace.id, settings.key.ciphertext, cipher.encrypt(plaintext, workspace.id)))
      report.resealed += 1;
  }
  if (report.resealed > 0) logger.info({ resealed: report.resealed }, 're-sealed AI provider keys under the current encryption key');
  return report;
}
