/**
 * A workspace's AI provider settings as the settings page reads and writes them. The API key is sealed with the
 * token cipher bound to the workspace (like the Intercom token) before it reaches the store, opened only to call
 * the provider, and never shown back: the page learns only whether one is set and since when.
 */
import { z } from 'zod';
import type { TokenCipher } from '../../security/token-cipher';
import { type Store, TRIAGE_AI_PROVIDERS, type TriageAiProvider, type TriageAiSettingsRecord } from '../../store';

/** Suggested when an admin first picks a provider; any model name the provider accepts may be entered. */
export const DEFAULT_MODELS: Readonly<Record<TriageAiProvider, string>> = { anthropic: 'claude-sonnet-4-5', openai: 'gpt-5-mini' };

export const PROVIDER_NAMES: Readonly<Record<TriageAiProvider, string>> = { anthropic: 'Anthropic', openai: 'OpenAI' };

/** What the page shows: never the key, only whether one is stored. */
export interface TriageAiSettingsView {
  enabled: boolean;
  provider: TriageAiProvider;
  model: string;
  keySet: boolean;
  keySetAt: number | null;
  updatedAt: number | null;
  updatedBy: string | null;
}

export const OFF: TriageAiSettingsView = {
  enabled: false,
  provider: 'anthropic',
  model: DEFAULT_MODELS.anthropic,
  keySet: false,
  keySetAt: null,
  updatedAt: null,
  updatedBy: null,
};

/** The form, as submitted. `key` empty means "keep the stored one"; `removeKey` drops it (and so switches off). */
export const triageAiFormSchema = z.object({
  enabled: z.enum(['on']).optional(),
  provider: z.enum(TRIAGE_AI_PROVIDERS, { message: 'Choose Anthropic or OpenAI.' }),
  model: z
    .string()
    .trim()
    .min(1, 'Enter the model name the provider gives, for example claude-sonnet-4-5 or gpt-5-mini.')
    .max(100, 'A model name has at most 100 characters.')
    .regex(/^[A-Za-z0-9._:/-]+$/, 'A model name has only letters, digits and . _ : / -'),
  key: z
    .string()
    .trim()
    .max(400, 'That is longer than any provider’s API key.')
    .regex(/^[\x21-\x7e]*$/, 'An API key has no spaces or special characters; paste it again.')
    .optional()
    .default(''),
  removeKey: z.enum(['on']).optional(),
});

export type TriageAiSaveResult =
  | { ok: true; view: TriageAiSettingsView; changedKey: 'kept' | 'replaced' | 'removed' }
  | { ok: false; errors: Partial<Record<'provider' | 'model' | 'key' | 'enabled', string>> };

export function viewOf(record: TriageAiSettingsRecord | null): TriageAiSettingsView {
  if (!record) return OFF;
  return {
    enabled: record.enabled && record.key !== null,
    provider: record.provider,
    model: record.model,
    keySet: record.key !== null,
    keySetAt: record.keySetAt,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
  };
}

export interface TriageAiSettingsService {
  view(workspaceId: string): Promise<TriageAiSettingsView>;
  save(workspaceId: string, adminId: string, form: Record<string, unknown>): Promise<TriageAiSaveResult>;
}

const MIN_KEY_CHARS = 20;

export function createTriageAiSettings(deps: { store: Store; cipher: TokenCipher; now: () => number }): TriageAiSettingsService {
  return {
    view: async (workspaceId) => viewOf(await deps.store.triageAi.getSettings(workspaceId)),
    async save(workspaceId, adminId, form) {
      const parsed = triageAiFormSchema.safeParse(form);
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
        return { ok: false, errors };
      }
      const { provider, model, key, removeKey } = parsed.data;
      if (key && key.length < MIN_KEY_CHARS) return { ok: false, errors: { key: 'That is shorter than any provider’s API key.' } };
      const current = await deps.store.triageAi.getSettings(workspaceId);
      const removing = removeKey === 'on' && !key;
      const willHaveKey = key ? true : removing ? false : current?.key != null;
      const enabled = parsed.data.enabled === 'on';
      if (enabled && !willHaveKey) return { ok: false, errors: { key: 'Enter the API key to switch the AI provider on.' } };
      const sealed = key ? deps.cipher.encrypt(key, workspaceId) : null;
      const record = await deps.store.triageAi.saveSettings(workspaceId, {
        enabled,
        provider,
        model,
        key: sealed ? { ciphertext: sealed.ciphertext, keyId: sealed.keyId } : removing ? null : 'keep',
        now: deps.now(),
        adminId,
      });
      return { ok: true, view: viewOf(record), changedKey: sealed ? 'replaced' : removing ? 'removed' : 'kept' };
    },
  };
}

/** The stored key, opened for one provider call; null when none is stored or it no longer opens (key rotation lost it). */
export function openKey(cipher: TokenCipher, workspaceId: string, record: TriageAiSettingsRecord): string | null {
  if (!record.key) return null;
  try {
    return cipher.decrypt(record.key.ciphertext, workspaceId);
  } catch {
    return null;
  }
}
