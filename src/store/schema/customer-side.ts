/**
 * Row types of the customer side (migration 0010): case states as the customer may see them, automatic updates, the
 * Messenger identity secret.
 */

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
