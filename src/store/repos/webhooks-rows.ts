/** The webhook inbox's rows as the rest of the app sees them, shared by the inbox's statement files (webhooks*.ts). */
import type { Selectable } from 'kysely';
import type { WebhookInboxTable } from '../schema';
import { narrow } from './repo-helpers';

export const INBOX_STATUSES = ['pending', 'done', 'ignored', 'failed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export interface InboxNotification {
  workspaceId: string;
  notificationId: string;
  topic: string;
  payload: unknown;
  receivedAt: number;
  status: InboxStatus;
  processedAt: number | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number | null;
}

/** How a row ended, for `finishMany`: `error` is the reason (ignored) or the problem (failed), null when done. */
export interface InboxFinish {
  workspaceId: string;
  notificationId: string;
  status: Exclude<InboxStatus, 'pending'>;
  error: string | null;
}

/** Stored already leased to a worker that holds the parsed delivery in memory (see jobs/webhook-intake.ts). */
export interface LeaseOnArrival {
  workerId: string;
  leaseMs: number;
}

/** A delivery to store: its item already serialised, so an unserialisable one fails alone, before any write. */
export interface Delivery {
  workspaceId: string;
  notificationId: string;
  topic: string;
  payloadJson: string;
  /** Stored leased to this worker (attempt 1), as `claimPending` would leave it; null: free for any claim. */
  lease: LeaseOnArrival | null;
}

export function toNotification(row: Selectable<WebhookInboxTable>, payload: unknown): InboxNotification {
  return {
    workspaceId: row.workspace_id,
    notificationId: row.notification_id,
    topic: row.topic,
    payload,
    receivedAt: row.received_at,
    status: narrow(INBOX_STATUSES, row.status, 'webhook_inbox.status'),
    processedAt: row.processed_at,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
  };
}
