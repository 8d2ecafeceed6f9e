/**
 * The incident harness listening for the fake's webhooks like a deployed app, on a storage that can be opened again
 * (a second instance after a restart), and the loop that runs webhooks and the outbox until nothing is due. Shared
 * by the customer-update tests of incidents and shared cases, on SQLite and on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../../../src/store';
import { TEST_CLIENT_SECRET } from '../../support/app-harness';
import { describePostgres } from '../../support/postgres';
import { reusedSchema } from '../../support/reused-schema';
import { type IncidentHarness, startIncidentHarness } from '../../flows/incidents/support';

/** A way to open the same storage again (a second instance after a restart), and to clean it up. */
export interface Engine {
  open(): Database;
  dispose(): Promise<void>;
}

export interface Loop extends IncidentHarness {
  stopListening(): Promise<void>;
}

export async function startLoop(
  engine: Engine,
  shared: Partial<Pick<IncidentHarness, 'fake' | 'demo' | 'clock' | 'trackerTypeId'>> = {},
): Promise<Loop> {
  const h = await startIncidentHarness({ database: engine.open(), ...shared });
  const server: Server = await new Promise((resolve) => {
    const listening = h.application.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  h.fake.configureWebhooks({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/intercom/webhooks`,
    clientSecret: TEST_CLIENT_SECRET,
  });
  const stopListening = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { ...h, stopListening };
}

/** Webhooks and the outbox until nothing is due, moving the clock `stepMs` whenever only later work is left. */
export async function settle(loop: Loop, stepMs: number, untilMs = Number.POSITIVE_INFINITY): Promise<void> {
  const webhooks = loop.application.jobs.find((job) => job.name === 'webhooks')!;
  const stopAt = loop.clock.now() + untilMs;
  for (let round = 0; round < 10_000; round += 1) {
    const ran = (await webhooks.runOnce()) + (await loop.application.outbox.runOnce());
    if (ran > 0) continue;
    if ((await loop.application.store.outbox.pendingCount(loop.demo.workspaceId)) === 0) return;
    if (loop.clock.now() + stepMs > stopAt) return;
    loop.clock.advance(stepMs);
  }
  throw new Error('did not settle');
}

/** What the customer can see that Handoff posted in a conversation: comments by an admin through the API. */
export function customerReplies(loop: IncidentHarness, conversationId: string) {
  return loop.fake.state.workspaces
    .get(loop.demo.workspaceId)!
    .conversations.get(conversationId)!
    .parts.filter((part) => part.partType === 'comment' && part.author.type === 'admin' && part.viaApi);
}

/**
 * Runs `suite` on a fresh SQLite file per test and, when TEST_DATABASE_URL is set, on PostgreSQL: one schema for the
 * block, emptied before each test (see reused-schema.ts).
 */
export function onBothStores(name: string, suite: (makeEngine: () => Promise<Engine>) => void): void {
  describe('on SQLite', () => {
    suite(async () => {
      const dir = mkdtempSync(join(tmpdir(), `handoff-${name}-`));
      return {
        open: () => openDatabase({ sqlitePath: join(dir, 'handoff.sqlite') }),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    });
  });
  describePostgres('on PostgreSQL', (url) => {
    const schema = reusedSchema(name.replace(/-/g, '_'), url);
    suite(async () => {
      await schema.empty();
      return {
        open: () => openDatabase({ url, pgSchema: schema.name, pgPoolMax: 4 }),
        dispose: async () => {},
      };
    });
  });
}
