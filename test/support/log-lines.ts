/**
 * A real pino logger (the app's own redaction and format) whose lines land in an array, for tests that check what
 * was logged, and what never is (tokens, keys).
 */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/util/logger';

export interface CapturedLog {
  logger: Logger;
  /** Each line as pino wrote it (JSON text, newline-terminated). */
  lines: string[];
}

export function captureLog(level: 'debug' | 'info'): CapturedLog {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}
