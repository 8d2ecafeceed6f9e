/**
 * Is this failure the database being out of reach (restarting, failing over, locked by another process, too slow)
 * rather than a fault in our query? Such a failure says nothing about the request: the teammate is told the data
 * store is unavailable and to try again, Intercom gets a 503 and retries. Anything else stays a plain failure.
 *
 * Only errors raised by the database drivers match: the Intercom client wraps its own network failures in
 * IntercomApiError (src/intercom/errors.ts), so a bare socket error here can only have come from the store.
 */

/** PostgreSQL SQLSTATEs that mean "not now" rather than "not this query". */
const PG_UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: a backend terminated (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '57014', // query_canceled: statement_timeout ran out
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
]);

/** Socket failures on the way to the server. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** node-postgres reports a lost or never-made connection by message only. */
const PG_CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/** How deep to follow `cause`: wrappers are one or two levels, and a cycle must not loop. */
const MAX_CAUSE_DEPTH = 4;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

export function isStoreUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // Read by shape, not `instanceof Error`: socket errors come from Node's own realm, which need not be ours.
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as ErrorLike;
    if (candidate.name === 'IntercomApiError') return false;
    if (matches(candidate)) return true;
    current = candidate.cause;
  }
  return false;
}

function matches(error: ErrorLike): boolean {
  const { code, message } = error;
  if (typeof code === 'string') {
    // better-sqlite3: another connection holds the write lock past the busy timeout.
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
    if (PG_UNAVAILABLE_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return true;
  }
  return typeof message === 'string' && PG_CONNECTION_MESSAGE.test(message);
}
