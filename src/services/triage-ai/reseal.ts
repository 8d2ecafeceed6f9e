/**
 * The AI providers' API keys after an encryption key rotation (src/services/reseal-secrets.ts): until an admin
 * enters one no configured key opens again, the local engine alone recommends.
 */
import type { TokenCipher } from '../../security/token-cipher';
import type { Store } from '../../store';
import { type ResealLogger, type ResealReport, resealSecrets } from '../reseal-secrets';

export type AiKeyRotationReport = ResealReport;

export function resealAiKeys(store: Store, cipher: TokenCipher, logger: ResealLogger): Promise<AiKeyRotationReport> {
  return resealSecrets(store, cipher, logger, {
    name: 'AI provider key',
    read: async (workspaceId) => (await store.triageAi.getSettings(workspaceId))?.key ?? null,
    swap: (workspaceId, expected, next) => store.triageAi.resealKey(workspaceId, expected, next),
  });
}
