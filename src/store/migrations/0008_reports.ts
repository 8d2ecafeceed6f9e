/**
 * What the reports need that no other table keeps:
 * - `conversations_seen`: each conversation the sidebar was shown in, once (the escalation rate's denominator),
 *   written in batches off the sidebar's path (src/services/reports/seen-recorder.ts);
 * - `ticket_state_events`: when a linked ticket was resolved and when it was reopened. The snapshot in
 *   `ticket_links` holds only the state now, and the resolution clock cannot tell a pause from a resolution
 *   followed by a reopening, so each is recorded in the transaction that applies the ticket view.
 * And the indexes the report's period queries read by (workspace, time).
 */
import type { Kysely, Migration } from 'kysely';

export const reports: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('conversations_seen')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversations_seen_pk', ['workspace_id', 'conversation_id'])
      .addForeignKeyConstraint('conversations_seen_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema.createIndex('conversations_seen_at_idx').on('conversations_seen').columns(['workspace_id', 'first_seen_at']).execute();
    await db.schema
      .createTable('ticket_state_events')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_state_events_pk', ['workspace_id', 'ticket_id', 'kind', 'at'])
      .addForeignKeyConstraint('ticket_state_events_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema.createIndex('ticket_state_events_at_idx').on('ticket_state_events').columns(['workspace_id', 'at']).execute();
    await db.schema.createIndex('escalations_created_idx').on('escalations').columns(['workspace_id', 'created_at']).execute();
    await db.schema.createIndex('ticket_links_created_idx').on('ticket_links').columns(['workspace_id', 'created_at']).execute();
    await db.schema.createIndex('ladder_firings_fired_idx').on('ladder_firings').columns(['workspace_id', 'fired_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('ladder_firings_fired_idx').execute();
    await db.schema.dropIndex('ticket_links_created_idx').execute();
    await db.schema.dropIndex('escalations_created_idx').execute();
    await db.schema.dropTable('ticket_state_events').execute();
    await db.schema.dropTable('conversations_seen').execute();
  },
};
