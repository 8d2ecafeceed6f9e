/**
 * `npx tsx bench/profile-webhooks.ts [notifications] [tickets] [--no-profile]`: what webhook ingest costs per notification, in
 * numbers that a busy shared machine does not blur: statements sent to the store and CPU time of this process.
 * Builds the app in-process (the tests' harness, fake Intercom, in-memory SQLite; with DATABASE_URL on PostgreSQL in
 * a schema of its own, dropped at the end), links the feed's tickets with running clocks as an escalation leaves
 * them, then posts the benchmark's feed (bench/scenarios/webhook-feed.ts: a second between a ticket's changes, 20 %
 * redeliveries) over loopback with 32 in flight while the processor runs, and waits until nothing is pending.
 * Prints statements and CPU per unique notification, the inbox by status, and where the CPU went (V8's sampling
 * profiler; `--no-profile` leaves the profiler off, whose sampling adds to the CPU measured). The load generator
 * shares the process, so CPU includes its (small, constant) share.
 */
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { WEBHOOK_PATH } from '../src/http/webhook-routes';
import { openDatabase } from '../src/store';
import { startHarness, TEST_CLIENT_SECRET } from '../test/support/app-harness';
import { freshSchema, pgAdmin } from '../test/support/postgres';
import { postAll } from './load';
import { webhookCommands } from './proc/webhook-commands';
import { countStatements, printStatements } from './report/statement-count';
import { buildFeed, feedTicketJson, seedFeedTickets } from './scenarios/webhook-feed';

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--no-profile');
  const profiling = !process.argv.includes('--no-profile');
  const notifications = Number(args[0] ?? 5_000);
  const ticketCount = Number(args[1] ?? 300);
  const statements = countStatements();
  const url = process.env['DATABASE_URL'];
  const schema = url ? freshSchema('profile_webhooks') : null;
  if (url && schema) await pgAdmin(`create schema ${schema}`, url);
  const database = url && schema ? openDatabase({ url, pgSchema: schema }) : openDatabase({ sqlitePath: ':memory:' });
  const h = await startHarness({ database });
  const commands = webhookCommands(() => ({ application: h.application, database, clock: h.clock }));
  const nowSeconds = Math.floor(h.clock.now() / 1000);
  const tickets = seedFeedTickets(h.fake, h.demo, ticketCount, nowSeconds);
  const json = feedTicketJson(h.fake, h.demo, tickets);
  for (let i = 0; i < json.length; i += 200)
    await commands.linkTickets({ workspaceId: h.demo.workspaceId, tickets: json.slice(i, i + 200) });
  const feed = buildFeed(h.fake, h.demo, tickets, { notifications, duplicateShare: 0.2, nowSeconds, clientSecret: TEST_CLIENT_SECRET });
  const server = h.application.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;

  const session = new Session();
  session.connect();
  if (profiling) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  statements.bySql.clear();
  statements.msBySql.clear();
  const statementsBefore = statements.count();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await commands.startJob({ name: 'webhooks' });
  const sent = await postAll(`http://127.0.0.1:${port}${WEBHOOK_PATH}`, feed.items, 32);
  while ((await commands.webhookPending()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const used = statements.count() - statementsBefore;
  const profile = profiling ? (await session.post('Profiler.stop')).profile : { nodes: [], samples: [] };
  session.disconnect();
  await commands.stopJob({ name: 'webhooks' });
  const inbox = await commands.webhookInbox();
  const { rows: reasons } = await sql<{ reason: string; n: number }>`
    select last_error as reason, count(*) as n from webhook_inbox where status = 'ignored' group by last_error`.execute(database.db);

  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${url ? 'PostgreSQL' : 'SQLite'}: ${sent.sent} sent (${feed.unique} unique, ${ticketCount} tickets), statuses ${JSON.stringify(sent.statuses)}`,
  );
  console.log(`inbox: ${inbox.done} done, ${inbox.ignored} ignored, ${inbox.failed} failed, ${inbox.pending} pending`);
  for (const { reason, n } of reasons) console.log(`  ignored ${n}: ${reason}`);
  console.log(
    `per unique notification: ${(used / feed.unique).toFixed(2)} statements, ${((cpuMs / feed.unique) * 1000).toFixed(0)} µs CPU; wall ${ms.toFixed(0)} ms`,
  );
  console.log('Statements per unique notification, by text:');
  const sqliteMs = [...statements.msBySql.values()].reduce((a, b) => a + b, 0);
  if (!url) console.log(`SQLite itself: ${((sqliteMs / feed.unique) * 1000).toFixed(0)} µs per unique notification`);
  printStatements(statements.bySql, feed.unique, 20, url ? undefined : statements.msBySql);
  const byFunction = new Map<string, number>();
  const byId = new Map((profile.nodes as { id: number; callFrame: { url: string; functionName: string } }[]).map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  let busy = 0;
  for (const id of samples) {
    const { url: script, functionName } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += 1;
    const key = `${functionName || '(anonymous)'} ${script.replace(/^.*\/(node_modules|src|bench|test)\//, '$1/')}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + 1);
  }
  console.log('Top functions (self time, % of busy samples):');
  for (const [name, count] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`  ${((100 * count) / busy).toFixed(1).padStart(5)} %  ${name}`);
  await new Promise((resolve) => server.close(resolve));
  await h.close();
  if (url && schema) await pgAdmin(`drop schema if exists ${schema} cascade`, url);
}

void main();
