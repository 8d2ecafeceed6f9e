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

/** A linked ticket's report figures, worked out from its clocks and events (migration 0011). */
export interface TicketReportFiguresTable {
  workspace_id: string;
  ticket_id: string;
  calendar: string;
  figures_json: string;
  updated_at: number;
}
