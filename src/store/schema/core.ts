/**
 * Row types of the core tables: workspaces and settings, linked tickets and escalations, SLA clocks and the ladder,
 * the outbox, webhooks, installs and shared cases.
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
  /** The request's queue and priority, copied at reserve (migration 0013) for the reports. */
  queue: string | null;
  priority: string | null;
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

export interface InstallEventsTable {
  workspace_id: string;
  id: string;
  at: number;
  kind: string;
  approved_by_admin_id: string | null;
  installer_admin_id: string | null;
  previous_installer_admin_id: string | null;
}

export interface SettingsLinkUsesTable {
  workspace_id: string;
  nonce: string;
  admin_id: string;
  used_at: number;
  expires_at: number;
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
