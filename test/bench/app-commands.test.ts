/**
 * The harness's store and app pieces at tiny sizes, on the real schema and the real app: the seeder writes rows
 * the repositories read back with nothing due; the SLA tick command really fires the clocks it makes due; the
 * webhook feed is applied (not ignored) by the app's processor; a server child answers over IPC and loopback.
 * Sizes and counts are asserted, never durations.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { sql } from 'kysely';
import { createTokenCipher } from '../../src/security/token-cipher';
import { createStore, type Database, migrateToLatest, openDatabase } from '../../src/store';
import { BENCH_NOW } from '../../bench/bench-clock';
import { postAll } from '../../bench/load';
import type { AppContext } from '../../bench/proc/app-context';
import { SERVER_NODE_FLAGS, spawnChild } from '../../bench/proc/child';
import { slaCommands } from '../../bench/proc/sla-commands';
import { slaStormCommands } from '../../bench/proc/sla-storm-commands';
import { webhookCommands } from '../../bench/proc/webhook-commands';
import { buildFeed, feedTicketJson, seedFeedTickets } from '../../bench/scenarios/webhook-feed';
import { seedStore } from '../../bench/seed/seed-store';
import { type Harness, startHarness, TEST_CLIENT_SECRET, TEST_START } from '../support/app-harness';

const SIZES = { workspaces: 2, tickets: 40, clocks: 10 };
const cipher = createTokenCipher({ id: 'bench', key: Buffer.alloc(32, 9) });

async function count(database: Database, table: 'workspaces' | 'ticket_links' | 'sla_clocks'): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db);
  return Number(rows[0]!.n);
}

describe('bench seeding', () => {
  it('writes the population through the real schema, readable by the repositories, with no clock due', async () => {
    const database = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(database);
    const report = await seedStore(database, { sizes: SIZES, cipher, now: BENCH_NOW, firstWorkspaceId: 'demo1abc' });
    expect(report).toMatchObject({ workspaces: 2, tickets: 40, clocks: 10 });
    expect([await count(database, 'workspaces'), await count(database, 'ticket_links'), await count(database, 'sla_clocks')]).toEqual([
      2, 40, 10,
    ]);
    const store = createStore(database);
    const workspace = await store.workspaces.get('demo1abc');
    expect(cipher.decrypt(workspace!.token!.ciphertext, workspace!.id)).toBe('bench-token-0');
    // Tickets 16–19 are the first workspace's open ones; 16 is new, so it also has a response clock.
    const ticket = await store.tickets.get('demo1abc', '700000016');
    expect(ticket).toMatchObject({ isOpen: true, stateCategory: 'submitted' });
    expect((await store.clocks.listByTicket('demo1abc', '700000016')).map((c) => c.kind)).toEqual(['resolution', 'response']);
    expect(await store.clocks.lockDue(BENCH_NOW + 10 * 60_000, 100, 'probe')).toEqual([]);
    await database.close();
  });
});

describe('bench app commands', () => {
  let h: Harness;
  let ctx: AppContext;
  let server: Server;
  beforeEach(async () => {
    expect(TEST_START).toBe(BENCH_NOW);
    const database = openDatabase({ sqlitePath: ':memory:' });
    await migrateToLatest(database);
    await seedStore(database, { sizes: SIZES, cipher, now: BENCH_NOW, firstWorkspaceId: 'demo1abc' });
    h = await startHarness({ database });
    ctx = { application: h.application, database, clock: h.clock };
    server = await new Promise<Server>((resolve) => {
      const listening = h.application.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
  });
  afterEach(async () => {
    h.fake.assertNoViolations();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  it('ticks the SLA scheduler with nothing due, then fires every clock it made due', async () => {
    const result = await slaCommands(() => ctx).slaTick({ due: 2, samples: 3 });
    expect(result).toMatchObject({ clocks: 10, dueBefore: 0, claimed: 2, fired: 2, dueTicks: 1 });
    expect(result.noneDueMs).toHaveLength(3);
    const { rows } = await sql<{ step: string }>`select step from ladder_firings`.execute(ctx.database.db);
    expect(rows.map((r) => r.step)).toEqual(['warn', 'warn']);
  });

  it('makes a storm of clocks due within the last minute and fires them all, timing the event loop meanwhile', async () => {
    const commands = slaStormCommands(() => ctx);
    // As after the mixed load: the scheduler's loop paused, its ticks still the storm's to drive.
    await commands.pauseSlaScheduler();
    expect(await commands.slaStormPrepare({ due: 6 })).toBe(6);
    const result = await commands.slaStormRun({ due: 6 });
    expect(result).toMatchObject({ due: 6, handled: 6, fired: 6, ticks: 1 });
    expect(result.blockWallMs).toBeGreaterThan(0);
    expect(await commands.slaStormRun({ due: 6 })).toMatchObject({ handled: 0, fired: 0, ticks: 0 });
  });

  it('applies every unique notification of the feed and stores each redelivery once', async () => {
    const commands = webhookCommands(() => ctx);
    const tickets = seedFeedTickets(h.fake, h.demo, 3, Math.floor(h.clock.now() / 1000));
    await commands.linkTickets({ workspaceId: h.demo.workspaceId, tickets: feedTicketJson(h.fake, h.demo, tickets) });
    const feed = buildFeed(h.fake, h.demo, tickets, {
      notifications: 20,
      duplicateShare: 0.25,
      nowSeconds: Math.floor(h.clock.now() / 1000),
      clientSecret: TEST_CLIENT_SECRET,
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/intercom/webhooks`;
    // Past its deadline the sender starts nothing more (the run's time budget).
    expect(await postAll(url, feed.items, 4, 0)).toMatchObject({ sent: 0, statuses: {} });
    const sent = await postAll(url, feed.items, 4);
    expect(sent).toMatchObject({ sent: 20, statuses: { 200: 20 } });
    expect(await commands.webhookPending()).toBe(15);
    const processor = h.application.jobs.find((job) => job.name === 'webhooks')!;
    while ((await processor.runOnce()) > 0);
    expect(await commands.webhookInbox()).toEqual({ total: 15, pending: 0, done: 15, ignored: 0, failed: 0 });
    expect(await commands.webhookPending()).toBe(0);
  });
});

describe('bench child processes', () => {
  it('run with the V8 flags npm start gives the app', () => {
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
    expect(scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} --import tsx src/server.ts`);
  });

  it('starts a baseline server in a child, serves the given bytes on loopback, and stops it', async () => {
    const child = await spawnChild('baseline-http.ts', null);
    try {
      const { port } = await child.call<{ port: number }>('listen', { body: '{"canvas":{"content":{"components":[]}}}' });
      const res = await fetch(`http://127.0.0.1:${port}/intercom/initialize`, { method: 'POST', body: '{}' });
      expect(await res.text()).toBe('{"canvas":{"content":{"components":[]}}}');
      expect((await child.call<{ peakRssMb: number }>('memory')).peakRssMb).toBeGreaterThan(0);
      await expect(child.call('no_such_command')).rejects.toThrow('unknown command no_such_command');
    } finally {
      await child.stop();
    }
    await expect(child.call('ping')).rejects.toThrow('not running');
  });
});
