/**
 * Every migration, in order, listed in code. A folder scan would break once
 * the app is compiled or bundled (the .ts files are gone); an explicit list
 * also makes the order a reviewed decision rather than a filename sort.
 * To add one: create `NNNN_name.ts` exporting a `Migration`, append it here.
 * Never edit or reorder a migration that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './0001_initial';
import { linkUsesAndContactIndex } from './0002_link_uses_contact_index';
import { webhookPayloads } from './0003_webhook_payloads';
import { triageFeedback } from './0004_triage_feedback';
import { triageAi } from './0005_triage_ai';
import { outboxCounters } from './0006_outbox_counters';
import { installEvents } from './0007_install_events';
import { reports } from './0008_reports';
import { incidents } from './0009_incidents';
import { customerSide } from './0010_customer_side';
import { ticketReportFigures } from './0011_ticket_report_figures';
import { caseAttachments } from './0012_case_attachments';
import { reportColumns } from './0013_report_columns';

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_initial', initialMigration],
  ['0002_link_uses_contact_index', linkUsesAndContactIndex],
  ['0003_webhook_payloads', webhookPayloads],
  ['0004_triage_feedback', triageFeedback],
  ['0005_triage_ai', triageAi],
  ['0006_outbox_counters', outboxCounters],
  ['0007_install_events', installEvents],
  ['0008_reports', reports],
  ['0009_incidents', incidents],
  ['0010_customer_side', customerSide],
  ['0011_ticket_report_figures', ticketReportFigures],
  ['0012_case_attachments', caseAttachments],
  ['0013_report_columns', reportColumns],
];

export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(MIGRATIONS);
  },
};
