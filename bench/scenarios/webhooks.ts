/**
 * Webhook ingest: a burst of signed notifications (duplicates mixed in) sent with a fixed number in flight, while
 * the webhook processor runs as in production (started, poked by every accepted notification). The clock stops
 * when every notification has been answered and every unique one applied (no inbox row pending).
 *
 * The figure is completed notifications per second: a redelivery counts once answered 200 (there is nothing
 * to apply), an original once applied. A slow app is not waited for indefinitely: nothing new is sent after
 * `sendBudgetSeconds`, the clock stops `applyBudgetSeconds` after the last answer, and originals still pending
 * then do not count. The run keeps to its time budget and the figure stays a measurement, never an extrapolation.
 */
import { WEBHOOK_PATH } from '../../src/http/webhook-routes';
import { postAll } from '../load';
import type { InboxCounts } from '../proc/webhook-commands';
import { atLeast, type Row, row, waiting } from '../report/rows';
import { BENCH_CLIENT_SECRET } from '../secrets';
import type { BenchEnv } from '../setup';
import { buildFeed, feedTicketJson, seedFeedTickets } from './webhook-feed';
import { appMetrics } from './sidebar';

/** Polls the inbox until nothing is pending or the budget is spent; resolves with what is still pending. */
async function waitUntilApplied(env: BenchEnv, budgetMs: number): Promise<number> {
  const deadline = performance.now() + budgetMs;
  for (;;) {
    const pending = await env.app.call<number>('webhookPending');
    if (pending === 0 || performance.now() >= deadline) return pending;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function webhookRows(env: BenchEnv, log: (line: string) => void): Promise<Row[]> {
  const label = 'Webhook ingest, accepted and applied';
  const names = await env.app.call<string[]>('jobNames');
  if (!names.includes('webhooks'))
    return [waiting('webhooks.rate', label, 'notif/s', atLeast(2000), 'no webhook processor wired (issue 5)')];
  const { notifications, tickets: ticketCount, duplicateShare, connections, sendBudgetSeconds, applyBudgetSeconds } = env.options.webhooks;
  const nowSeconds = Math.floor(env.now() / 1000);
  const tickets = seedFeedTickets(env.fake, env.demo, ticketCount, nowSeconds);
  const json = feedTicketJson(env.fake, env.demo, tickets);
  for (let i = 0; i < json.length; i += 200) {
    await env.app.call('linkTickets', { workspaceId: env.demo.workspaceId, tickets: json.slice(i, i + 200) });
  }
  const feed = buildFeed(env.fake, env.demo, tickets, {
    notifications,
    duplicateShare,
    nowSeconds,
    clientSecret: BENCH_CLIENT_SECRET,
  });
  env.fake.clearLog();
  const before = await appMetrics(env);
  await env.app.call('startJob', { name: 'webhooks' });
  const started = performance.now();
  const sent = await postAll(`${env.appUrl}${WEBHOOK_PATH}`, feed.items, connections, sendBudgetSeconds * 1000);
  const pending = await waitUntilApplied(env, applyBudgetSeconds * 1000);
  const totalMs = performance.now() - started;
  await env.app.call('stopJob', { name: 'webhooks' });
  const inbox = await env.app.call<InboxCounts>('webhookInbox');
  const after = await appMetrics(env);
  const calls = (after['intercom_api_calls_total'] ?? 0) - (before['intercom_api_calls_total'] ?? 0);
  const ok = sent.statuses[200] ?? 0;
  const others = Object.entries(sent.statuses).filter(([status]) => status !== '200');
  log(
    `  ${sent.sent} of ${feed.items.length} sent (${feed.duplicates} redeliveries in all) in ${sent.ms.toFixed(0)} ms; ${pending} pending after ${totalMs.toFixed(0)} ms`,
  );
  const detail = [
    `${sent.sent.toLocaleString('en-US')} sent (${feed.duplicates.toLocaleString('en-US')} of the ${feed.items.length.toLocaleString('en-US')} planned are redeliveries) over ${connections} connections`,
    `answered at ${Math.round((sent.sent / sent.ms) * 1000).toLocaleString('en-US')}/s`,
    `inbox ${inbox.total} rows: ${inbox.done} done, ${inbox.ignored} ignored, ${inbox.failed} failed, ${inbox.pending} pending`,
    `${calls} Intercom calls`,
    ...(ok === sent.sent ? [] : [`answers ${others.map(([s, n]) => `${n}×${s}`).join(', ')}`]),
    ...(sent.sent === feed.items.length ? [] : [`sending stopped at the ${sendBudgetSeconds} s budget`]),
    ...(pending === 0 ? [] : [`stopped after ${Math.round(totalMs / 1000)} s with ${pending} originals not yet applied (not counted)`]),
  ].join('; ');
  const data = {
    planned: feed.items.length,
    unique: feed.unique,
    sent: sent.sent,
    answeredMs: sent.ms,
    totalMs,
    pending,
    statuses: sent.statuses,
    inbox,
    intercomCalls: calls,
  };
  return [row('webhooks.rate', label, ((ok - pending) / totalMs) * 1000, 'notif/s', atLeast(2000), detail, data)];
}
