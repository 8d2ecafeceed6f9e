/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let requests
 * in flight finish, stop the background jobs (each waits for its work in
 * flight), then exit 0. Past the grace period it exits 1; the outbox resumes
 * whatever was cut off on the next start.
 */
import type { Server } from 'node:http';
import type { Logger } from '../util/logger';

export interface Drainable {
  logger: Pick<Logger, 'info' | 'warn'>;
  stop(): Promise<void>;
}

export function drainOnSignals(server: Server, application: Drainable, graceMs: number, onDrained?: () => void): void {
  let draining = false;
  const drain = (signal: string) => {
    if (draining) return;
    draining = true;
    application.logger.info({ signal }, 'draining: finishing requests and jobs');
    const deadline = setTimeout(() => {
      application.logger.warn('grace period over; exiting with work in flight (the outbox resumes it on the next start)');
      process.exit(1);
    }, graceMs);
    deadline.unref();
    server.close(() => {
      application
        .stop()
        .then(() => {
          onDrained?.();
          process.exit(0);
        })
        .catch(() => process.exit(1));
    });
    server.closeIdleConnections();
    // A kept-alive connection whose request finishes during the drain turns idle only then, and would hold the
    // close for Node's keepAliveTimeout (5 s): close connections as they go idle.
    setInterval(() => server.closeIdleConnections(), 100).unref();
  };
  process.on('SIGTERM', () => drain('SIGTERM'));
  process.on('SIGINT', () => drain('SIGINT'));
}
