/**
 * Incidents (issue 19): tracker tickets Handoff knows about, the conversations linked to them, and the recent
 * conversations' problem signatures that let the sidebar notice an outage before anyone links anything.
 *
 * - `incidents`: one row per tracker (a snapshot: number, title, state, when it resolved), refreshed by webhooks,
 *   links and the sidebar's reads. `resolved_at` names the resolution whose follow-ups go out.
 * - `incident_links`: one row per link request. `active` is 1 while the link stands (or is on its way) and NULL
 *   once it is undone or failed; the unique index over (workspace, conversation, active) is how "a conversation
 *   is linked to at most one tracker" holds on both engines (NULLs never collide), and unlinked rows stay as the
 *   record. `request_key` (conversation + form nonce) collapses double clicks and Intercom's retries.
 *   `followed_up_for` is the resolution whose follow-up this conversation got: the fan-out's progress.
 * - `conversation_signals`: the latest signature per conversation, seen by the sidebar.
 */
import type { Kysely, Migration } from 'kysely';

export const incidents: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('incidents')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('tracker_id', 'text', (c) => c.notNull())
      .addColumn('ticket_number', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('state_category', 'text', (c) => c.notNull())
      .addColumn('state_label', 'text')
      .addColumn('open', 'integer', (c) => c.notNull())
      .addColumn('linked_count', 'integer', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('intercom_updated_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('synced_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('incidents_pk', ['workspace_id', 'tracker_id'])
      .addForeignKeyConstraint('incidents_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema
      .createTable('incident_links')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('request_key', 'text', (c) => c.notNull())
      .addColumn('tracker_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('active', 'integer')
      .addColumn('admin_id', 'text')
      .addColumn('note', 'text')
      .addColumn('last_error', 'text')
      .addColumn('followed_up_for', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('unlinked_at', 'bigint')
      .addColumn('unlinked_by', 'text')
      .addPrimaryKeyConstraint('incident_links_pk', ['workspace_id', 'id'])
      .addForeignKeyConstraint('incident_links_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema
      .createIndex('incident_links_request_idx')
      .unique()
      .on('incident_links')
      .columns(['workspace_id', 'request_key'])
      .execute();
    await db.schema
      .createIndex('incident_links_one_active_idx')
      .unique()
      .on('incident_links')
      .columns(['workspace_id', 'conversation_id', 'active'])
      .execute();
    await db.schema
      .createIndex('incident_links_tracker_idx')
      .on('incident_links')
      .columns(['workspace_id', 'tracker_id', 'active'])
      .execute();
    await db.schema
      .createTable('conversation_signals')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('keys_json', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_signals_pk', ['workspace_id', 'conversation_id'])
      .addForeignKeyConstraint('conversation_signals_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema.createIndex('conversation_signals_seen_idx').on('conversation_signals').columns(['workspace_id', 'seen_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('conversation_signals').execute();
    await db.schema.dropTable('incident_links').execute();
    await db.schema.dropTable('incidents').execute();
  },
};
