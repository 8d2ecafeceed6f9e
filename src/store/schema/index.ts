/**
 * Row types of every table, as kysely sees them. These are storage shapes
 * (snake_case, JSON as text, booleans as 0/1, instants as epoch ms); the
 * repositories turn them into the camelCase objects the rest of the app uses.
 * One file per feature; keep them in step with the migrations in ../migrations.
 */
import type {
  CaseAttachmentsTable,
  ConversationLocksTable,
  EscalationsTable,
  InstallEventsTable,
  LadderFiringsTable,
  OutboxCountersTable,
  OutboxTable,
  SettingsAuditTable,
  SettingsLinkUsesTable,
  SlaClocksTable,
  TicketLinksTable,
  WebhookInboxTable,
  WebhookPayloadsTable,
  WorkspaceSettingsTable,
  WorkspacesTable,
} from './core';
import type { CustomerCaseStatesTable, CustomerUpdatesTable, MessengerIdentityTable } from './customer-side';
import type { ConversationSignalsTable, IncidentLinksTable, IncidentsTable } from './incidents';
import type { ConversationsSeenTable, TicketReportFiguresTable, TicketStateEventsTable } from './reports';
import type { TriageAiCacheTable, TriageAiSettingsTable, TriageFeedbackTable } from './triage';

export type * from './core';
export type * from './customer-side';
export type * from './incidents';
export type * from './reports';
export type * from './triage';

export interface Tables {
  workspaces: WorkspacesTable;
  workspace_settings: WorkspaceSettingsTable;
  settings_audit: SettingsAuditTable;
  ticket_links: TicketLinksTable;
  escalations: EscalationsTable;
  conversation_locks: ConversationLocksTable;
  sla_clocks: SlaClocksTable;
  ladder_firings: LadderFiringsTable;
  outbox: OutboxTable;
  outbox_counters: OutboxCountersTable;
  webhook_inbox: WebhookInboxTable;
  webhook_payloads: WebhookPayloadsTable;
  settings_link_uses: SettingsLinkUsesTable;
  install_events: InstallEventsTable;
  incidents: IncidentsTable;
  incident_links: IncidentLinksTable;
  case_attachments: CaseAttachmentsTable;
  conversation_signals: ConversationSignalsTable;
  triage_ai_settings: TriageAiSettingsTable;
  triage_ai_cache: TriageAiCacheTable;
  triage_feedback: TriageFeedbackTable;
  customer_case_states: CustomerCaseStatesTable;
  customer_updates: CustomerUpdatesTable;
  messenger_identity: MessengerIdentityTable;
  conversations_seen: ConversationsSeenTable;
  ticket_state_events: TicketStateEventsTable;
  ticket_report_figures: TicketReportFiguresTable;
}

/** Every table that holds workspace data, children before parents: the order `purge` deletes in. */
export const WORKSPACE_TABLES = [
  'conversation_signals',
  'case_attachments',
  'incident_links',
  'incidents',
  'customer_case_states',
  'customer_updates',
  'messenger_identity',
  'conversations_seen',
  'ticket_report_figures',
  'ticket_state_events',
  'triage_ai_cache',
  'triage_ai_settings',
  'triage_feedback',
  'install_events',
  'settings_link_uses',
  'settings_audit',
  'workspace_settings',
  'ladder_firings',
  'sla_clocks',
  'outbox',
  // After `outbox`: its delete triggers write here on the way.
  'outbox_counters',
  'webhook_payloads',
  'webhook_inbox',
  'conversation_locks',
  'ticket_links',
  'escalations',
] as const satisfies readonly (keyof Tables)[];
