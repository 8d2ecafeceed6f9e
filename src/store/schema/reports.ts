/** Row types the reports read beside the core tables (migrations 0008 and 0011). */

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

/**
 * A linked ticket's report figures, worked out from its clocks and events (migration 0011), one column per number
 * (migration 0013; src/domain/reports/figures-codec.ts says what each holds).
 */
export interface TicketReportFiguresTable {
  workspace_id: string;
  ticket_id: string;
  calendar: string;
  tier: string | null;
  response_mode: string | null;
  response_stopped_at: number | null;
  response_spent_ms: number | null;
  response_running_since: number | null;
  response_target_ms: number | null;
  resolution_mode: string | null;
  resolution_stopped_at: number | null;
  resolution_spent_ms: number | null;
  resolution_running_since: number | null;
  resolution_target_ms: number | null;
  resolved_spent_ms: number | null;
  paused_json: string | null;
  events_json: string | null;
  updated_at: number;
}
