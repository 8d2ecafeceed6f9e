/**
 * Several app instances on one database, as a deployment runs them: PostgreSQL (TEST_DATABASE_URL, a fresh
 * schema per call, dropped at the end) or, without it, nothing: the PostgreSQL races are skipped and say so.
 * All instances share one fake Intercom and one manual clock, and each has its own loopback server.
 */
import { randomBytes } from 'node:crypto';
import { startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { openDatabase } from '../../../src/store';
import { ManualClock } from '../../../src/util/clock';
import { startHarness, TEST_START } from '../app-harness';
import { listen } from './wire';
import type { WiredApp } from './wired-app';
import { PG_URL, pgAdmin } from '../postgres';
import { UNHURRIED_PG_LIMITS } from '../unhurried';

export { PG_URL } from '../postgres';

export interface Instances {
  apps: WiredApp[];
  close(): Promise<void>;
}

/** `count` instances on one fresh PostgreSQL schema. */
export async function startPgInstances(count: number, env: Record<string, string> = {}): Promise<Instances> {
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `reliability_${randomBytes(6).toString('hex')}`;
  await pgAdmin(`create schema ${schema}`);
  const clock = new ManualClock(TEST_START);
  const fake = await startFakeIntercom({ clock });
  const demo = fake.seedDemoWorkspace();
  const apps: WiredApp[] = [];
  for (let i = 0; i < count; i += 1) {
    const database = openDatabase({ url: PG_URL, pgSchema: schema, pgPoolMax: 10, pgLimits: UNHURRIED_PG_LIMITS });
    // One at a time: the migration and the install of the first settle before the next starts.
    const harness = await startHarness({ database, clock, fake, demo, env });
    const wire = await listen(harness.application.app, 64);
    apps.push({
      harness,
      database,
      wire,
      crashes: [],
      async close() {
        await wire.close();
        await harness.close();
      },
    });
  }
  return {
    apps,
    async close() {
      for (const app of apps) await app.close();
      await fake.close();
      await pgAdmin(`drop schema if exists ${schema} cascade`);
    },
  };
}
