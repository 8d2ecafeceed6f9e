/**
 * Triage feedback: what the app suggested for a conversation beside the queue and priority the agent submitted.
 * Written while the escalation's ticket is being created (one row per escalation, so a replayed submit adds nothing), read
 * newest-first in bounded pages by the learner and the settings page. Every method takes the workspace id first.
 */
import { PRIORITIES, type Priority, QUEUE_KEYS, type QueueKey } from '../../domain/model';
import { TRIAGE_OUTCOMES, type TriageOutcome } from '../../domain/triage';
import type { Selectable } from 'kysely';
import type { TriageFeedbackTable } from '../schema';
import { fromJson, narrow, narrowOrNull, newId, type RepoContext, toJson } from './repo-helpers';

export interface TriageFeedbackInput {
  escalationId: string;
  conversationId: string;
  now: number;
  engineVersion: string;
  /** False when the engine could not judge the conversation (it then suggests keeping it in chat). */
  judged: boolean;
  suggestedOutcome: TriageOutcome;
  suggestedPriority: Priority | null;
  /** Stable ids of the facts that fired, as the engine named them. */
  signals: readonly string[];
  /** The engine's score per outcome before this workspace's adjustments. */
  baseScores: Readonly<Partial<Record<TriageOutcome, number>>>;
  finalQueue: QueueKey;
  finalPriority: Priority;
}

export interface TriageFeedback extends TriageFeedbackInput {
  id: string;
  workspaceId: string;
  /** The app said "keep in chat" and the agent escalated anyway. */
  overrodeKeepInChat: boolean;
}

export interface TriageFeedbackRevision {
  count: number;
  latestAt: number | null;
}

export interface TriageFeedbackRepo {
  /** Stores the row; false when this escalation already has one (a replayed submit). */
  record(workspaceId: string, input: TriageFeedbackInput): Promise<boolean>;
  /** The newest `limit` rows, returned oldest first (the order the learner replays them in). */
  listRecent(workspaceId: string, limit: number): Promise<TriageFeedback[]>;
  /** A cheap check whether the learnt adjustments can still be reused. */
  revision(workspaceId: string): Promise<TriageFeedbackRevision>;
}

/** A stored row; PostgreSQL hands a bigint back as a string, so the time is read with Number(). */
type Row = Omit<Selectable<TriageFeedbackTable>, 'created_at'> & { created_at: number | string };

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function scores(value: unknown): Partial<Record<TriageOutcome, number>> {
  const out: Partial<Record<TriageOutcome, number>> = {};
  if (value === null || typeof value !== 'object') return out;
  for (const outcome of TRIAGE_OUTCOMES) {
    const score = (value as Record<string, unknown>)[outcome];
    if (typeof score === 'number' && Number.isFinite(score)) out[outcome] = score;
  }
  return out;
}

function toFeedback(row: Row): TriageFeedback {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    escalationId: row.escalation_id,
    conversationId: row.conversation_id,
    now: Number(row.created_at),
    engineVersion: row.engine_version,
    judged: row.judged === 1,
    suggestedOutcome: narrow(TRIAGE_OUTCOMES, row.suggested_outcome, 'triage_feedback.suggested_outcome'),
    suggestedPriority: narrowOrNull(PRIORITIES, row.suggested_priority, 'triage_feedback.suggested_priority'),
    signals: stringList(fromJson(row.signals_json)),
    baseScores: scores(fromJson(row.base_scores_json)),
    finalQueue: narrow(QUEUE_KEYS, row.final_queue, 'triage_feedback.final_queue'),
    finalPriority: narrow(PRIORITIES, row.final_priority, 'triage_feedback.final_priority'),
    overrodeKeepInChat: row.overrode_keep_in_chat === 1,
  };
}

export function createTriageFeedbackRepo({ db }: RepoContext): TriageFeedbackRepo {
  return {
    async record(workspaceId, input) {
      const inserted = await db
        .insertInto('triage_feedback')
        .values({
          workspace_id: workspaceId,
          id: newId(),
          escalation_id: input.escalationId,
          conversation_id: input.conversationId,
          created_at: input.now,
          engine_version: input.engineVersion,
          judged: input.judged ? 1 : 0,
          suggested_outcome: input.suggestedOutcome,
          suggested_priority: input.suggestedPriority,
          signals_json: toJson(input.signals),
          base_scores_json: toJson(input.baseScores),
          final_queue: input.finalQueue,
          final_priority: input.finalPriority,
          overrode_keep_in_chat: input.suggestedOutcome === 'stay_in_chat' ? 1 : 0,
        })
        .onConflict((oc) => oc.columns(['workspace_id', 'escalation_id']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async listRecent(workspaceId, limit) {
      const rows = await db
        .selectFrom('triage_feedback')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, Math.floor(limit)))
        .execute();
      return rows.reverse().map((row) => toFeedback(row));
    },

    async revision(workspaceId) {
      const row = await db
        .selectFrom('triage_feedback')
        .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('created_at').as('latest')])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      const latest = row?.latest;
      return { count: Number(row?.n ?? 0), latestAt: latest === null || latest === undefined ? null : Number(latest) };
    },
  };
}
