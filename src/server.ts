/**
 * The one file that listens. Parses config, builds the application (which records
 * the private install, when configured), starts the background jobs, and drains on SIGTERM/SIGINT:
 * no new connections, in-flight requests and jobs finish, then exit. Without
 * Intercom credentials it starts the sandbox instead (src/sandbox/boot.ts).
 */
import { ConfigError, loadConfig } from './config';
import { drainOnSignals } from './http/drain';
import { createLogger } from './util/logger';
import { buildApplication } from './wiring';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.mode === 'sandbox') {
    // Imported only on this branch: a production start never loads the fake Intercom or the simulator.
    const { startSandbox } = await import('./sandbox/boot');
    const sandbox = await startSandbox({ config, logger });
    // The drain first: whoever acts on this line (a person, a test) may send SIGTERM at once.
    drainOnSignals(sandbox.server, { logger, stop: sandbox.stop }, config.shutdownGraceMs);
    process.stdout.write(`\n  Handoff SANDBOX (fake Intercom, demo data). Inbox simulator: ${sandbox.simulatorUrl}\n\n`);
    return;
  }
  const application = await buildApplication({ config, logger });
  const workspace = application.privateWorkspace;
  if (workspace) logger.info({ workspaceId: workspace.id, region: workspace.region }, 'private install ready');
  const server = application.app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, host: config.host, mode: config.mode }, `Handoff listening on ${config.publicUrl}`);
  });
  application.startJobs();
  drainOnSignals(server, application, config.shutdownGraceMs);
}

main().catch((error: unknown) => {
  // One readable line for configuration problems; no stack trace, no secret.
  const message =
    error instanceof ConfigError ? error.message : `Handoff failed to start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
