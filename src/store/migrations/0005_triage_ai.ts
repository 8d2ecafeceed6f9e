/**
 * The optional AI triage (issue 16): each workspace's provider settings, with the API key sealed like the Intercom
 * token (ciphertext + the id of the key that sealed it, never the key itself), and the provider's latest answer per
 * conversation, keyed by the conversation's last part so the sidebar can tell whether it still describes the chat.
 * One cache row per conversation: a newer part replaces the row, so the table grows with conversations, not parts.
 */
import type { Kysely, Migration } from 'kysely';

export const triageAi: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('triage_ai_settings')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('key_ciphertext', 'text')
      .addColumn('key_key_id', 'text')
      .addColumn('key_set_at', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addForeignKeyConstraint('triage_ai_settings_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();

    await db.schema
      .createTable('triage_ai_cache')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('last_part_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('recommendation_json', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('triage_ai_cache_pk', ['workspace_id', 'conversation_id'])
      .addForeignKeyConstraint('triage_ai_cache_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('triage_ai_cache').execute();
    await db.schema.dropTable('triage_ai_settings').execute();
  },
};
