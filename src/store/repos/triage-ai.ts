/**
 * The optional AI triage's rows (migration 0005): a workspace's provider settings, whose API key is kept only as
 * ciphertext plus the id of the key that sealed it (sealing lives outside the store, as for the Intercom token),
 * and the provider's latest recommendation per conversation. The recommendation is stored as the JSON it was
 * validated as; whoever reads it parses it again (a row written by an older version is checked before it is shown).
 */
import type { Selectable } from 'kysely';
import type { TriageAiCacheTable, TriageAiSettingsTable } from '../schema';
import { fromJson, narrow, type RepoContext, toJson } from './repo-helpers';
import type { SealedToken } from './workspaces';

export const TRIAGE_AI_PROVIDERS = ['anthropic', 'openai'] as const;
export type TriageAiProvider = (typeof TRIAGE_AI_PROVIDERS)[number];

export interface TriageAiSettingsRecord {
  enabled: boolean;
  provider: TriageAiProvider;
  model: string;
  /** Sealed with the token cipher for this workspace; null when no key is stored. */
  key: SealedToken | null;
  keySetAt: number | null;
  updatedAt: number;
  updatedBy: string | null;
}

export interface TriageAiSettingsWrite {
  enabled: boolean;
  provider: TriageAiProvider;
  model: string;
  /** `keep` leaves the stored key as it is; null removes it; a sealed key replaces it. */
  key: SealedToken | null | 'keep';
  now: number;
  adminId: string | null;
}

export interface TriageAiCacheEntry {
  conversationId: string;
  lastPartId: string;
  provider: TriageAiProvider;
  model: string;
  /** The validated recommendation, as stored (unknown until the reader parses it). */
  recommendation: unknown;
  computedAt: number;
}

export interface TriageAiRepo {
  getSettings(workspaceId: string): Promise<TriageAiSettingsRecord | null>;
  saveSettings(workspaceId: string, write: TriageAiSettingsWrite): Promise<TriageAiSettingsRecord>;
  /** Key rotation: swaps the sealed key only while it is still `expected` (an admin's new key is never overwritten). */
  resealKey(workspaceId: string, expected: string, next: SealedToken): Promise<boolean>;
  getCached(workspaceId: string, conversationId: string): Promise<TriageAiCacheEntry | null>;
  /** Replaces the conversation's entry (only the answer for its latest part is worth keeping) unless that one is newer. */
  putCached(workspaceId: string, entry: TriageAiCacheEntry): Promise<void>;
}

function settingsFrom(row: Selectable<TriageAiSettingsTable>): TriageAiSettingsRecord {
  return {
    enabled: row.enabled === 1,
    provider: narrow(TRIAGE_AI_PROVIDERS, row.provider, 'triage_ai_settings.provider'),
    model: row.model,
    key: row.key_ciphertext && row.key_key_id ? { ciphertext: row.key_ciphertext, keyId: row.key_key_id } : null,
    keySetAt: row.key_set_at === null ? null : Number(row.key_set_at),
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by,
  };
}

function cacheFrom(row: Selectable<TriageAiCacheTable>): TriageAiCacheEntry {
  return {
    conversationId: row.conversation_id,
    lastPartId: row.last_part_id,
    provider: narrow(TRIAGE_AI_PROVIDERS, row.provider, 'triage_ai_cache.provider'),
    model: row.model,
    recommendation: fromJson(row.recommendation_json),
    computedAt: Number(row.computed_at),
  };
}

export function createTriageAiRepo({ db }: RepoContext): TriageAiRepo {
  const getSettings = async (workspaceId: string) => {
    const row = await db.selectFrom('triage_ai_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row ? settingsFrom(row) : null;
  };
  return {
    getSettings,
    async saveSettings(workspaceId, write) {
      const keyColumns =
        write.key === 'keep'
          ? {}
          : write.key === null
            ? { key_ciphertext: null, key_key_id: null, key_set_at: null }
            : { key_ciphertext: write.key.ciphertext, key_key_id: write.key.keyId, key_set_at: write.now };
      const common = {
        enabled: write.enabled ? 1 : 0,
        provider: write.provider,
        model: write.model,
        updated_at: write.now,
        updated_by: write.adminId,
        ...keyColumns,
      };
      await db
        .insertInto('triage_ai_settings')
        .values({ workspace_id: workspaceId, key_ciphertext: null, key_key_id: null, key_set_at: null, ...common })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(common))
        .execute();
      const saved = await getSettings(workspaceId);
      if (!saved) throw new Error('triage_ai_settings row missing right after its upsert');
      return saved;
    },
    async resealKey(workspaceId, expected, next) {
      const result = await db
        .updateTable('triage_ai_settings')
        .set({ key_ciphertext: next.ciphertext, key_key_id: next.keyId })
        .where('workspace_id', '=', workspaceId)
        .where('key_ciphertext', '=', expected)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async getCached(workspaceId, conversationId) {
      const row = await db
        .selectFrom('triage_ai_cache')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row ? cacheFrom(row) : null;
    },
    async putCached(workspaceId, entry) {
      const values = {
        last_part_id: entry.lastPartId,
        provider: entry.provider,
        model: entry.model,
        recommendation_json: toJson(entry.recommendation),
        computed_at: entry.computedAt,
      };
      await db
        .insertInto('triage_ai_cache')
        .values({ workspace_id: workspaceId, conversation_id: entry.conversationId, ...values })
        // A slower job that read the chat earlier must not overwrite a newer answer.
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'conversation_id']).doUpdateSet(values).where('triage_ai_cache.computed_at', '<=', entry.computedAt),
        )
        .execute();
    },
  };
}
