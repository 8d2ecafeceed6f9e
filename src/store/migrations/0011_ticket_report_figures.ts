/**
 * `ticket_report_figures`: per linked ticket, what the reports need from its SLA clocks and state events, worked out
 * once (src/domain/reports/ticket-figures.ts) in the transaction that saves a clock or records an event, so a report
 * reads numbers instead of replaying every clock through the business calendar. `calendar` names the business hours
 * the figures were measured with; `figures_json` is the plain figures object.
 *
 * No backfill here: working the figures out needs the workspace's business hours and the SLA calendar, which live in
 * the application, not in SQL. A ticket without a row (or with one measured under other hours) is worked out from its
 * clocks when a report first reads it, and the row is written then (src/services/reports/report-service.ts).
 */
import type { Kysely, Migration } from 'kysely';

export const ticketReportFigures: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ticket_report_figures')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('calendar', 'text', (c) => c.notNull())
      .addColumn('figures_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_report_figures_pk', ['workspace_id', 'ticket_id'])
      .addForeignKeyConstraint('ticket_report_figures_workspace_fk', ['workspace_id'], 'workspaces', ['id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ticket_report_figures').execute();
  },
};
