/**
 * The one file that listens. Parses config, builds the application, records a
 * private install, starts the background jobs, and drains on SIGTERM/SIGINT:
 * no new connections, in-flight requests and jobs finish, then exit. Without
 * Intercom credentials it starts the sandbox instead (src/sandbox/boot.ts).
 */
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { installPrivateWorkspace } from './services/private-install';
import { createLogger } from './util/logger';
import { systemClock } from './util/clock';
import { type Application, buildApplication } from './wiring';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.mode === 'sandbox') {
    // Imported only on this branch: a production start never loads the fake Intercom or the simulator.
    const { startSandbox } = await import('./sandbox/boot');
    const sandbox = await startSandbox({ config, logger });
    process.stdout.write(`\n  Handoff SANDBOX (fake Intercom, demo data). Inbox simulator: ${sandbox.simulatorUrl}\n\n`);
    drainOnSignals(sandbox.server, { logger, stop: sandbox.stop }, config.shutdownGraceMs);
    return;
  }
  const application = await buildApplication({ config, logger });
  if (config.installMode === 'private' && config.intercom.accessToken) {
    const workspace = await installPrivateWorkspace({
      token: config.intercom.accessToken,
      apiBaseUrl: config.intercom.apiBaseUrl,
      pinBaseUrl: false,
      timeoutMs: config.intercom.timeoutMs,
      store: application.store,
      cipher: application.cipher,
      clock: systemClock,
    });
    logger.info({ workspaceId: workspace.id, region: workspace.region }, 'private install ready');
  }
  const server = application.app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, host: config.host, mode: config.mode }, `Handoff listening on ${config.publicUrl}`);
  });
  application.startJobs();
  drainOnSignals(server, application, config.shutdownGraceMs);
}

function drainOnSignals(server: Server, application: Pick<Application, 'logger' | 'stop'>, graceMs: number): void {
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
        .then(() => process.exit(0))
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

main().catch((error: unknown) => {
  // One readable line for configuration problems; no stack trace, no secret.
  const message =
    error instanceof ConfigError ? error.message : `Handoff failed to start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
