/**
 * Row types of triage: the optional AI provider and its cache (migration 0005), and the teammates' feedback the
 * learner replays (0004).
 */

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
