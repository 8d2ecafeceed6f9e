/**
 * Row types of every table, as kysely sees them. These are storage shapes
 * (snake_case, JSON as text, booleans as 0/1, instants as epoch ms); the
 * repositories turn them into the camelCase objects the rest of the app uses.
 * Keep this file in step with the migrations in ./migrations.
 */
import type { Generated } from 'kysely';

export interface WorkspacesTable {
  id: string;
  name: string;
  region: string;
  api_base_url: string;
  timezone: string;
  token_ciphertext: string | null;
  token_key_id: string | null;
  install_mode: string;
  installed_at: number;
  uninstalled_at: number | null;
  installed_by_admin_id: string | null;
}

export interface WorkspaceSettingsTable {
  workspace_id: string;
  settings_json: string;
  version: number;
  updated_at: number;
  updated_by: string | null;
}

export interface SettingsAuditTable {
  id: string;
  workspace_id: string;
  version: number;
  admin_id: string | null;
  at: number;
  before_json: string | null;
  after_json: string;
}

export interface TicketLinksTable {
  workspace_id: string;
  ticket_id: string;
  ticket_number: string | null;
  conversation_id: string;
  contact_id: string | null;
  title: string;
  ticket_type_id: string | null;
  state_category: string;
  state_label: string | null;
  priority: string | null;
  queue: string | null;
  team_id: string | null;
  admin_assignee_id: string | null;
  owner_name: string | null;
  team_name: string | null;
  is_open: number;
  intercom_updated_at: number;
  synced_at: number;
  escalation_id: string | null;
  created_at: number;
}

export interface EscalationsTable {
  workspace_id: string;
  id: string;
  conversation_id: string;
  contact_id: string | null;
  admin_id: string | null;
  idempotency_key: string;
  status: string;
  forced: number;
  request_json: string;
  ticket_id: string | null;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface ConversationLocksTable {
  workspace_id: string;
  conversation_id: string;
  locked_at: number;
}

export interface SlaClocksTable {
  workspace_id: string;
  ticket_id: string;
  kind: string;
  cycle: number;
  state_json: string;
  status: string;
  next_fire_at: number | null;
  next_step: string | null;
  locked_by: string | null;
  locked_until: number | null;
  updated_at: number;
}

export interface LadderFiringsTable {
  workspace_id: string;
  ticket_id: string;
  kind: string;
  cycle: number;
  step: string;
  due_at: number;
  fired_at: number;
}

export interface OutboxTable {
  id: string;
  workspace_id: string;
  kind: string;
  dedupe_key: string;
  payload_json: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: number | null;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
  result_json: string | null;
}

/** Kept by triggers on `outbox` (migration 0006): what /metrics reports without counting the outbox. */
export interface OutboxCountersTable {
  workspace_id: string;
  /** Pending or running. */
  open_jobs: number;
  dead_jobs: number;
  /** Every transition into `dead`, ever (a retried job that dies again counts twice). */
  dead_lettered_total: number;
}

/** A notification's key and progress; its payload, written once, is in `webhook_payloads` (migration 0003). */
export interface WebhookInboxTable {
  workspace_id: string;
  notification_id: string;
  topic: string;
  received_at: number;
  status: string;
  processed_at: number | null;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: number | null;
  locked_by: string | null;
  locked_until: number | null;
}

export interface WebhookPayloadsTable {
  workspace_id: string;
  notification_id: string;
  payload_json: string;
}

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

/** A linked ticket's latest state as the customer may see it (migration 0010). */
export interface CustomerCaseStatesTable {
  workspace_id: string;
  ticket_id: string;
  conversation_id: string;
  state: string;
  external_label: string | null;
  changed_at: number;
}

/** One decided automatic update per state transition (migration 0010). */
export interface CustomerUpdatesTable {
  workspace_id: string;
  ticket_id: string;
  state: string;
  entered_at: number;
  conversation_id: string;
  outcome: string;
  language: string | null;
  decided_at: number;
}

/** The Messenger identity-verification secret, sealed (migration 0010). */
export interface MessengerIdentityTable {
  workspace_id: string;
  secret_ciphertext: string;
  secret_key_id: string;
  set_at: number;
  set_by: string | null;
}

/** Each conversation the sidebar was shown in, once (migration 0008): the escalation rate's denominator. */
export interface ConversationsSeenTable {
  workspace_id: string;
  conversation_id: string;
  first_seen_at: number;
}

/** A linked ticket's resolutions and reopenings (migration 0008), written with the view that showed them. */
export interface TicketStateEventsTable {
  workspace_id: string;
  ticket_id: string;
  kind: string;
  at: number;
}

/** A linked ticket's report figures, worked out from its clocks and events (migration 0011). */
export interface TicketReportFiguresTable {
  workspace_id: string;
  ticket_id: string;
  calendar: string;
  figures_json: string;
  updated_at: number;
}

/** A workspace's optional AI provider (migration 0005); the key only sealed, as `workspaces.token_ciphertext`. */
export interface TriageAiSettingsTable {
  workspace_id: string;
  enabled: number;
  provider: string;
  model: string;
  key_ciphertext: string | null;
  key_key_id: string | null;
  key_set_at: number | null;
  updated_at: number;
  updated_by: string | null;
}

/** The provider's latest recommendation per conversation, valid while `last_part_id` is the chat's last part. */
export interface TriageAiCacheTable {
  workspace_id: string;
  conversation_id: string;
  last_part_id: string;
  provider: string;
  model: string;
  recommendation_json: string;
  computed_at: number;
}

export interface InstallEventsTable {
  workspace_id: string;
  id: string;
  at: number;
  kind: string;
  approved_by_admin_id: string | null;
  installer_admin_id: string | null;
  previous_installer_admin_id: string | null;
}

export interface TriageFeedbackTable {
  workspace_id: string;
  id: string;
  escalation_id: string;
  conversation_id: string;
  created_at: number;
  engine_version: string;
  judged: number;
  suggested_outcome: string;
  suggested_priority: string | null;
  signals_json: string;
  base_scores_json: string;
  final_queue: string;
  final_priority: string;
  overrode_keep_in_chat: number;
}

export interface SettingsLinkUsesTable {
  workspace_id: string;
  nonce: string;
  admin_id: string;
  used_at: number;
  expires_at: number;
}

/** Tracker tickets Handoff knows (migration 0009). */
export interface IncidentsTable {
  workspace_id: string;
  tracker_id: string;
  ticket_number: string | null;
  title: string;
  state_category: string;
  state_label: string | null;
  open: number;
  linked_count: number;
  resolved_at: number | null;
  intercom_updated_at: number;
  created_at: number;
  synced_at: number;
}

/** One row per link request; `active` 1 while it stands, NULL once undone (migration 0009). */
export interface IncidentLinksTable {
  workspace_id: string;
  id: string;
  request_key: string;
  tracker_id: string;
  conversation_id: string;
  status: string;
  active: number | null;
  admin_id: string | null;
  note: string | null;
  last_error: string | null;
  followed_up_for: number | null;
  created_at: number;
  updated_at: number;
  unlinked_at: number | null;
  unlinked_by: string | null;
}

/** A conversation attached to another conversation's back-office ticket; `active` 1 while it stands (migration 0012). */
export interface CaseAttachmentsTable {
  workspace_id: string;
  id: string;
  request_key: string;
  ticket_id: string;
  conversation_id: string;
  active: number | null;
  admin_id: string;
  note: string | null;
  followed_up_for: number | null;
  created_at: number;
  detached_at: number | null;
  detached_by: string | null;
}

/** The latest problem signature per conversation, for noticing an incident (migration 0009). */
export interface ConversationSignalsTable {
  workspace_id: string;
  conversation_id: string;
  keys_json: string;
  seen_at: number;
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
