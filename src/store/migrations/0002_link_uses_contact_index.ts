/**
 * Single-use settings links, and the count of a contact's open tickets for the handoff summary.
 * - `settings_link_uses`: one row per sidebar settings link opened, keyed by the link's nonce; a second opening
 *   of the same link finds the row and is refused. Rows outlive their link only until the next use prunes them.
 * - `ticket_links (workspace_id, contact_id)`: the summary counts a contact's open linked tickets on every escalation.
 */
import type { Kysely, Migration } from 'kysely';

export const linkUsesAndContactIndex: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('settings_link_uses')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('admin_id', 'text', (c) => c.notNull())
      .addColumn('used_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('settings_link_uses_pk', ['workspace_id', 'nonce'])
      .addForeignKeyConstraint('settings_link_uses_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema
      .createIndex('settings_link_uses_expires_idx')
      .on('settings_link_uses')
      .columns(['workspace_id', 'expires_at'])
      .execute();
    await db.schema.createIndex('ticket_links_contact_idx').on('ticket_links').columns(['workspace_id', 'contact_id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('ticket_links_contact_idx').execute();
    await db.schema.dropTable('settings_link_uses').execute();
  },
};
