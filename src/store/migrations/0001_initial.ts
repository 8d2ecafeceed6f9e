/**
 * The first schema. Portable by construction: only `text`, `integer` and
 * `bigint` columns (epoch-ms instants; JSON stored as text; booleans as 0/1),
 * composite keys that lead with `workspace_id`, and plain b-tree indexes, so
 * the same statements run on SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

const WS_FK = (table: string) => `${table}_workspace_fk`;

export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('workspaces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('api_base_url', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('token_ciphertext', 'text')
      .addColumn('token_key_id', 'text')
      .addColumn('install_mode', 'text', (c) => c.notNull())
      .addColumn('installed_at', 'bigint', (c) => c.notNull())
      .addColumn('uninstalled_at', 'bigint')
      .addColumn('installed_by_admin_id', 'text')
      .execute();

    await db.schema
      .createTable('workspace_settings')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey())
      .addColumn('settings_json', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addForeignKeyConstraint(WS_FK('workspace_settings'), ['workspace_id'], 'workspaces', ['id'])
      .execute();

    await db.schema
      .createTable('settings_audit')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('admin_id', 'text')
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('settings_audit_pk', ['workspace_id', 'id'])
      .addUniqueConstraint('settings_audit_version_uq', ['workspace_id', 'version'])
      .addForeignKeyConstraint(WS_FK('settings_audit'), ['workspace_id'], 'workspaces', ['id'])
      .execute();

    await db.schema
      .createTable('ticket_links')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('ticket_number', 'text')
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('ticket_type_id', 'text')
      .addColumn('state_category', 'text', (c) => c.notNull())
      .addColumn('state_label', 'text')
      .addColumn('priority', 'text')
      .addColumn('queue', 'text')
      .addColumn('team_id', 'text')
      .addColumn('admin_assignee_id', 'text')
      .addColumn('owner_name', 'text')
      .addColumn('team_name', 'text')
      .addColumn('is_open', 'integer', (c) => c.notNull())
      .addColumn('intercom_updated_at', 'bigint', (c) => c.notNull())
      .addColumn('synced_at', 'bigint', (c) => c.notNull())
      .addColumn('escalation_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_links_pk', ['workspace_id', 'ticket_id'])
      .addForeignKeyConstraint(WS_FK('ticket_links'), ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema.createIndex('ticket_links_conversation_idx').on('ticket_links').columns(['workspace_id', 'conversation_id']).execute();
    // Reconciliation scans open tickets by snapshot age, across workspaces.
    await db.schema.createIndex('ticket_links_stale_idx').on('ticket_links').columns(['is_open', 'synced_at']).execute();

    await db.schema
      .createTable('escalations')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text')
      .addColumn('admin_id', 'text')
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('forced', 'integer', (c) => c.notNull())
      .addColumn('request_json', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('escalations_pk', ['workspace_id', 'id'])
      .addUniqueConstraint('escalations_idempotency_uq', ['workspace_id', 'idempotency_key'])
      .addForeignKeyConstraint(WS_FK('escalations'), ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema.createIndex('escalations_conversation_idx').on('escalations').columns(['workspace_id', 'conversation_id']).execute();
    await db.schema.createIndex('escalations_contact_idx').on('escalations').columns(['workspace_id', 'contact_id']).execute();

    // One row per conversation that has ever been escalated: the row lock that serialises `reserve`.
    await db.schema
      .createTable('conversation_locks')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('locked_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_locks_pk', ['workspace_id', 'conversation_id'])
      .addForeignKeyConstraint(WS_FK('conversation_locks'), ['workspace_id'], 'workspaces', ['id'])
      .execute();

    await db.schema
      .createTable('sla_clocks')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('state_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('next_fire_at', 'bigint')
      .addColumn('next_step', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('sla_clocks_pk', ['workspace_id', 'ticket_id', 'kind'])
      .addForeignKeyConstraint(WS_FK('sla_clocks'), ['workspace_id'], 'workspaces', ['id'])
      .execute();
    // Not workspace-scoped on purpose: the scheduler reads "what is due" across all workspaces.
    await db.schema.createIndex('sla_clocks_next_fire_idx').on('sla_clocks').column('next_fire_at').execute();

    await db.schema
      .createTable('ladder_firings')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addColumn('fired_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('ladder_firings_pk', ['workspace_id', 'ticket_id', 'kind', 'cycle', 'step'])
      .addForeignKeyConstraint(WS_FK('ladder_firings'), ['workspace_id'], 'workspaces', ['id'])
      .execute();

    await db.schema
      .createTable('outbox')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('done_at', 'bigint')
      .addColumn('result_json', 'text')
      .addPrimaryKeyConstraint('outbox_pk', ['workspace_id', 'id'])
      .addUniqueConstraint('outbox_dedupe_uq', ['workspace_id', 'dedupe_key'])
      .addForeignKeyConstraint(WS_FK('outbox'), ['workspace_id'], 'workspaces', ['id'])
      .execute();
    // next_attempt_at is NULL once a job is done or dead: the claim's `<= now` range scan never meets finished rows.
    await db.schema.createIndex('outbox_next_attempt_idx').on('outbox').column('next_attempt_at').execute();
    await db.schema.createIndex('outbox_status_idx').on('outbox').columns(['workspace_id', 'status']).execute();

    await db.schema
      .createTable('webhook_inbox')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('notification_id', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'bigint')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('next_attempt_at', 'bigint')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'bigint')
      .addPrimaryKeyConstraint('webhook_inbox_pk', ['workspace_id', 'notification_id'])
      .addForeignKeyConstraint(WS_FK('webhook_inbox'), ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema.createIndex('webhook_inbox_next_attempt_idx').on('webhook_inbox').column('next_attempt_at').execute();
    await db.schema.createIndex('webhook_inbox_processed_idx').on('webhook_inbox').column('processed_at').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'webhook_inbox',
      'outbox',
      'ladder_firings',
      'sla_clocks',
      'conversation_locks',
      'escalations',
      'ticket_links',
      'settings_audit',
      'workspace_settings',
      'workspaces',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
