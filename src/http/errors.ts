/**
 * What a teammate reads for an error: the one mapping from an `AppError` code to an error canvas's title and
 * message. The detail goes to the log, never to the canvas. A database that is out of reach is told apart from
 * other failures wherever it surfaces (see src/store/unavailable.ts).
 */
import { isStoreUnavailable } from '../store';
import { AppError, type AppErrorCode } from '../util/app-error';

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
