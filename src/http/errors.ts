/**
 * Errors are coded and mapped in one place. Anything a teammate can hit comes
 * back as an HTTP 200 error canvas that says what happened and what to do
 * next; only a bad signature (401) or broken configuration (500) is an HTTP
 * error, and no response ever carries a stack trace or a secret. A database that is out of reach is told
 * apart from other failures wherever it surfaces (see src/store/unavailable.ts).
 */
import { isStoreUnavailable } from '../store';

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

export interface ErrorCanvasContent {
  title: string;
  message: string;
  retryable: boolean;
}

const STORE_UNAVAILABLE: ErrorCanvasContent = {
  title: 'Handoff cannot reach its data store',
  message: 'Its database is not answering right now, so nothing was read or changed. Try again in a few seconds.',
  retryable: true,
};

/** The code a failure maps to: its own when it is an AppError that says more than "internal", else what it is. */
export function errorCode(error: unknown): AppErrorCode {
  if (error instanceof AppError && error.code !== 'internal') return error.code;
  return isStoreUnavailable(error) ? 'store_unavailable' : 'internal';
}

/** What the teammate reads for an error; the detail goes to the log, never to the canvas. */
export function describeError(error: unknown): ErrorCanvasContent {
  if (errorCode(error) === 'store_unavailable') return STORE_UNAVAILABLE;
  if (error instanceof AppError) {
    switch (error.code) {
      case 'bad_request':
        return { title: 'Something was missing from this request', message: error.userMessage, retryable: true };
      case 'not_installed':
        return {
          title: 'Handoff is not connected to this workspace',
          message: 'Ask a workspace admin to install Handoff from the Intercom App Store, then try again.',
          retryable: true,
        };
      case 'intercom_unavailable':
        return { title: 'Intercom is not answering right now', message: error.userMessage, retryable: true };
      case 'intercom_rejected':
        return { title: 'Intercom did not accept that', message: error.userMessage, retryable: false };
      case 'stale_canvas':
        return { title: 'This view is out of date', message: error.userMessage, retryable: true };
      case 'not_found':
        return { title: 'Not found', message: error.userMessage, retryable: true };
      case 'forbidden':
        return { title: 'Not allowed', message: error.userMessage, retryable: false };
      case 'store_unavailable':
      case 'internal':
        break;
    }
  }
  return {
    title: 'Something went wrong',
    message: 'Handoff hit an unexpected problem and nothing was changed. Try again; if it keeps happening, tell your admin.',
    retryable: true,
  };
}
