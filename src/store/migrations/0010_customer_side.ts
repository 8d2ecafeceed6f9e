/**
 * The customer's side (issue 20). `customer_case_states`: each linked ticket's latest state transition as the
 * customer may see it (category, the state's `external_label`, when it changed), written with the snapshot, so the
 * Messenger card and the embed never read internal fields. `customer_updates`: one row per state transition whose
 * automatic update was decided (sent, or why not), keyed by the transition, which is what makes a second decision
 * impossible; the sidebar lists the sent ones. `messenger_identity`: the workspace's Messenger identity-verification
 * secret, sealed like the Intercom token (ciphertext + key id, never the key).
 */
import type { Kysely, Migration } from 'kysely';

export const customerSide: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('customer_case_states')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('external_label', 'text')
      .addColumn('changed_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_case_states_pk', ['workspace_id', 'ticket_id'])
      .addForeignKeyConstraint('customer_case_states_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();

    await db.schema
      .createTable('customer_updates')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('entered_at', 'bigint', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('decided_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_updates_pk', ['workspace_id', 'ticket_id', 'state', 'entered_at'])
      .addForeignKeyConstraint('customer_updates_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    // The interval rule and the sidebar read a conversation's updates, newest first.
    await db.schema
      .createIndex('customer_updates_conversation_idx')
      .on('customer_updates')
      .columns(['workspace_id', 'conversation_id', 'decided_at'])
      .execute();

    await db.schema
      .createTable('messenger_identity')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey())
      .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
      .addColumn('secret_key_id', 'text', (c) => c.notNull())
      .addColumn('set_at', 'bigint', (c) => c.notNull())
      .addColumn('set_by', 'text')
      .addForeignKeyConstraint('messenger_identity_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('messenger_identity').execute();
    await db.schema.dropTable('customer_updates').execute();
    await db.schema.dropTable('customer_case_states').execute();
  },
};
