/**
 * Triage feedback: one row per escalation submitted from the form, holding what the app suggested beside what the
 * agent chose. The agent's final queue and priority are the labels the per-workspace learning reads
 * (src/domain/triage-learning), and the settings page counts acceptance from the same rows.
 * - `base_scores_json`: the engine's score per outcome *before* this workspace's adjustments, so the learner can
 *   replay every row against the adjustments it has at that point (the shown suggestion already had some applied).
 * - `(workspace_id, created_at)`: the learner and the settings page read a workspace's latest rows.
 */
import type { Kysely, Migration } from 'kysely';

export const triageFeedback: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('triage_feedback')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('escalation_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('engine_version', 'text', (c) => c.notNull())
      .addColumn('judged', 'integer', (c) => c.notNull())
      .addColumn('suggested_outcome', 'text', (c) => c.notNull())
      .addColumn('suggested_priority', 'text')
      .addColumn('signals_json', 'text', (c) => c.notNull())
      .addColumn('base_scores_json', 'text', (c) => c.notNull())
      .addColumn('final_queue', 'text', (c) => c.notNull())
      .addColumn('final_priority', 'text', (c) => c.notNull())
      .addColumn('overrode_keep_in_chat', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('triage_feedback_pk', ['workspace_id', 'id'])
      .addUniqueConstraint('triage_feedback_escalation_uq', ['workspace_id', 'escalation_id'])
      .addForeignKeyConstraint('triage_feedback_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema.createIndex('triage_feedback_created_idx').on('triage_feedback').columns(['workspace_id', 'created_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('triage_feedback').execute();
  },
};
