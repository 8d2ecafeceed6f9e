/**
 * Shared cases (issue 19): a conversation attached to a back-office ticket another conversation opened. Intercom
 * links a back-office ticket to a conversation only when it creates it, so this link lives in Handoff.
 *
 * - `case_attachments`: one row per attach request. `active` is 1 while the attachment stands and NULL once it is
 *   detached; the unique index over (workspace, conversation, ticket, active) is how "a conversation has that
 *   ticket at most once" holds on both engines (NULLs never collide), and detached rows stay as the record (who,
 *   when). `request_key` (conversation + form nonce) collapses double clicks and Intercom's retries.
 *   `followed_up_for` is the ticket resolution whose follow-up this conversation got.
 * - `ticket_links_open_idx`: the "Add to an existing case" search reads a workspace's open tickets newest first.
 */
import type { Kysely, Migration } from 'kysely';

export const caseAttachments: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('case_attachments')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('request_key', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('active', 'integer')
      .addColumn('admin_id', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('followed_up_for', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('detached_at', 'bigint')
      .addColumn('detached_by', 'text')
      .addPrimaryKeyConstraint('case_attachments_pk', ['workspace_id', 'id'])
      .addForeignKeyConstraint('case_attachments_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema
      .createIndex('case_attachments_request_idx')
      .unique()
      .on('case_attachments')
      .columns(['workspace_id', 'request_key'])
      .execute();
    await db.schema
      .createIndex('case_attachments_one_active_idx')
      .unique()
      .on('case_attachments')
      .columns(['workspace_id', 'conversation_id', 'ticket_id', 'active'])
      .execute();
    await db.schema
      .createIndex('case_attachments_ticket_idx')
      .on('case_attachments')
      .columns(['workspace_id', 'ticket_id', 'active', 'id'])
      .execute();
    await db.schema.createIndex('ticket_links_open_idx').on('ticket_links').columns(['workspace_id', 'is_open', 'created_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('ticket_links_open_idx').execute();
    await db.schema.dropTable('case_attachments').execute();
  },
};
