/**
 * Row types of incidents (migration 0009): tracker tickets, the conversations linked to them, and problem signatures.
 */

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

/** The latest problem signature per conversation, for noticing an incident (migration 0009). */
export interface ConversationSignalsTable {
  workspace_id: string;
  conversation_id: string;
  keys_json: string;
  seen_at: number;
}
