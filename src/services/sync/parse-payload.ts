/**
 * A sync job's payload, read with its schema. What an Intercom failure means for a sync job is the shared decision in
 * services/intercom-failure.ts (`asOutboxJob`, `toOutboxError`).
 */
import { PermanentJobError } from '../job-outcomes';

/** A job's payload as its schema says, or a permanent failure: a row no handler can read will not improve. */
export function parsePayload<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  payload: unknown,
): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError('job payload does not match its kind');
  return parsed.data;
}
