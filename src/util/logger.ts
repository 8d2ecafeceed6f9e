/**
 * Structured, quiet logs. Redaction is by key name wherever it appears, so a
 * token or email nested in an error context is removed too.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line. */
const SENSITIVE_KEYS = [
  'token',
  'accessToken',
  'access_token',
  'authorization',
  'Authorization',
  'secret',
  'clientSecret',
  'client_secret',
  'password',
  'email',
  'body',
  'text',
  'summary',
  'html',
  'cookie',
  'x-body-signature',
  'x-hub-signature',
];

const REDACT_PATHS = [...SENSITIVE_KEYS, ...SENSITIVE_KEYS.map((k) => `*.${k}`), ...SENSITIVE_KEYS.map((k) => `*.*.${k}`)];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'handoff' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A logger that drops everything: for tests and benchmarks that don't inspect logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
