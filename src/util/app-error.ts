/**
 * Coded errors, importable from every layer. A flow or service throws an `AppError` with a code and a message safe
 * to show a teammate; the HTTP edge maps it once (src/http/errors.ts): anything a teammate can hit becomes a 200
 * error canvas, and no response ever carries a stack trace or a secret.
 */
export type AppErrorCode =
  | 'bad_request' // signed, but not a Canvas Kit body we can use
  | 'not_installed' // no token for this workspace
  | 'intercom_unavailable' // Intercom 5xx / 429 / timeout / dropped connection
  | 'intercom_rejected' // Intercom 4xx for our request
  | 'stale_canvas' // a canvas that sat open while its ticket moved on
  | 'store_unavailable' // our database is restarting, failing over or locked by another process
  | 'not_found'
  | 'forbidden'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Safe to show a teammate: no ids of other workspaces, no secrets. */
    readonly userMessage: string,
    cause?: unknown,
  ) {
    super(userMessage, { cause });
  }
}
