/**
 * Webhook payloads in a table of their own. A payload (the ticket as Intercom sent it, often several KB) is written
 * once and never changes, while its inbox row changes status as it is claimed and applied. In one row, every status
 * change rewrote the payload too (SQLite rewrites a whole record, overflow pages included): on webhook ingest that
 * was about a third of the store's work. Existing payloads move across; the inbox keeps its key and status only.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export const webhookPayloads: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('webhook_payloads')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('notification_id', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('webhook_payloads_pk', ['workspace_id', 'notification_id'])
      .addForeignKeyConstraint('webhook_payloads_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
    await sql`insert into webhook_payloads (workspace_id, notification_id, payload_json)
      select workspace_id, notification_id, payload_json from webhook_inbox`.execute(db);
    await db.schema.alterTable('webhook_inbox').dropColumn('payload_json').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('webhook_inbox')
      .addColumn('payload_json', 'text', (c) => c.notNull().defaultTo('null'))
      .execute();
    await sql`update webhook_inbox set payload_json = (select p.payload_json from webhook_payloads p
      where p.workspace_id = webhook_inbox.workspace_id and p.notification_id = webhook_inbox.notification_id)
      where exists (select 1 from webhook_payloads p
      where p.workspace_id = webhook_inbox.workspace_id and p.notification_id = webhook_inbox.notification_id)`.execute(db);
    await db.schema.dropTable('webhook_payloads').execute();
  },
};
