/**
 * `npm run migrate`: applies pending migrations and exits (the deploy manifest's
 * post-deploy step). The server also migrates on start; this exists so a deploy
 * can fail before traffic moves when a migration cannot apply.
 */
import { loadConfig } from '../config';
import { openDatabase } from './database';
import { migrateToLatest } from './migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  // No statement cap here: a migration may rewrite a large table, and nothing waits on this process.
  const database = openDatabase({ ...config.database, pgLimits: { ...config.database.pgLimits, statementMs: 0 } });
  try {
    const { applied } = await migrateToLatest(database);
    process.stdout.write(`${database.dialect}: ${applied.length === 0 ? 'schema already current' : `applied ${applied.join(', ')}`}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
