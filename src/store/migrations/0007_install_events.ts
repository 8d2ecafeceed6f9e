/**
 * Who installed, reinstalled and uninstalled Handoff in a workspace, for the settings page's history. A reinstall
 * through OAuth can be approved by any teammate who may approve apps, and the settings admin it leaves in place
 * (kept, or replaced when the approver already had settings access) decides who acts for the ladder: admins need
 * to see that, not only the operator's log.
 */
import type { Kysely, Migration } from 'kysely';

export const installEvents: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('install_events')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('approved_by_admin_id', 'text')
      .addColumn('installer_admin_id', 'text')
      .addColumn('previous_installer_admin_id', 'text')
      .addPrimaryKeyConstraint('install_events_pk', ['workspace_id', 'id'])
      .addForeignKeyConstraint('install_events_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await db.schema.createIndex('install_events_workspace_at_idx').on('install_events').columns(['workspace_id', 'at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('install_events').execute();
  },
};
