/**
 * An escalation as the app sees it, and how a row becomes one. Shared by the
 * repository (escalations.ts) and the reserve transaction (escalation-reserve.ts).
 */
import type { Selectable } from 'kysely';
import type { Priority, QueueKey } from '../../domain/model';
import type { EscalationsTable } from '../schema';
import { type Db, fromJson, narrow } from './repo-helpers';

export const ESCALATION_STATUSES = ['queued', 'creating', 'linked', 'failed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** What to create; the escalation flow owns the exact fields, the store keeps them as JSON. */
export interface EscalationRequest {
  ticketTypeId: string | null;
  priority: Priority;
  queue: QueueKey;
  reason: string;
  summary: string;
  [field: string]: unknown;
}

export interface Escalation {
  workspaceId: string;
  id: string;
  conversationId: string;
  contactId: string | null;
  adminId: string | null;
  idempotencyKey: string;
  status: EscalationStatus;
  /** The agent chose to create another ticket although one was open. */
  forced: boolean;
  request: EscalationRequest;
  ticketId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Still on the way to a ticket. */
export const ACTIVE: EscalationStatus[] = ['queued', 'creating'];

export async function findOne(db: Db, workspaceId: string, column: 'id' | 'idempotency_key', value: string): Promise<Escalation | null> {
  const row = await db
    .selectFrom('escalations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(column, '=', value)
    .executeTakeFirst();
  return row ? toEscalation(row) : null;
}

export function toEscalation(row: Selectable<EscalationsTable>): Escalation {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    adminId: row.admin_id,
    idempotencyKey: row.idempotency_key,
    status: narrow(ESCALATION_STATUSES, row.status, 'escalations.status'),
    forced: row.forced === 1,
    request: fromJson(row.request_json) as EscalationRequest,
    ticketId: row.ticket_id,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
