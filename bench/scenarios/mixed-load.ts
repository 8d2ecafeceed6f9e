/**
 * What users see: sidebar views spread over the conversations of a busy workspace (10,000) and of quiet ones
 * (1,000), in a seeded random order, while webhooks for the busy workspace's tickets arrive at 100 a second and
 * the SLA scheduler and the webhook processor run as in production. Reports views/s, p50/p99 and the share of views
 * answered from an earlier render; each conversation is opened a few times over the run, as in a working Inbox.
 * The run is counted in views (a seeded order, one view per conversation of warm-up, then four per conversation
 * measured), so which views open a conversation for the first time does not depend on how fast the host is; the
 * webhooks keep their real-time rate, so a slower host sees more of them per view (the log says how many).
 *
 * The busy workspace's conversations: those of the tickets the webhooks change, those of its seeded tickets, and
 * new chats with no ticket yet (their sidebar shows the triage recommendation). The quiet ones: seeded tickets of
 * other workspaces. A canvas stays reusable until its minute turns ("As of") or something it shows is written.
 */
import { WEBHOOK_PATH } from '../../src/http/webhook-routes';
import { signBody } from '../../src/http/signature';
import { initializeBody } from '../../src/sandbox/canvas-kit-body';
import { BENCH_NOW } from '../bench-clock';
import { getText, type LoadResult, measureLoad, type PostItem, postOnce } from '../load';
import { atLeast, type Row, row } from '../report/rows';
import { BENCH_CLIENT_SECRET } from '../secrets';
import { ticketRow, workspaceId as seededWorkspaceId } from '../seed/rows';
import type { BenchEnv } from '../setup';
import type { ChildHandle } from '../proc/child';
import { seededRandom } from '../stats';
import { Agent } from 'node:http';
import { appMetrics } from './sidebar';
import { buildFeed, feedTicketJson, seedFeedTickets } from './webhook-feed';

type Signed = { body: string; headers: Record<string, string> };

export interface MixedLoadSizes {
  busyConversations: number;
  quietConversations: number;
  /** Tickets of the busy workspace the webhooks change (each on its own conversation, among the busy ones). */
  webhookTickets: number;
  webhooksPerSecond: number;
  connections: number;
  /**
   * The mixed load's length in views, not seconds, so the sequence of opens (and with it how many open a conversation
   * for the first time) is the same on any host: one view per conversation before the window (the Inbox before it),
   * four per conversation in it. The several-instance scenario still runs for `warmupSeconds` + `seconds`.
   */
  warmupViewsPerConversation: number;
  viewsPerConversation: number;
  warmupSeconds: number;
  seconds: number;
}

/** The feed is built for a host this slow at the least; on a slower one the webhooks stop before the views do. */
const SLOWEST_VIEWS_PER_SECOND = 200;

export function mixedLoadSizes(env: BenchEnv): MixedLoadSizes {
  const { quick } = env.options;
  return {
    busyConversations: quick ? 2_000 : 10_000,
    quietConversations: quick ? 200 : 1_000,
    webhookTickets: quick ? 200 : 1_000,
    webhooksPerSecond: 100,
    connections: 50,
    warmupViewsPerConversation: 1,
    viewsPerConversation: 4,
    warmupSeconds: quick ? 5 : 10,
    seconds: quick ? 10 : 30,
  };
}

const MISS_SAMPLE = /^sidebar_reuse_misses_total\{reason="(\w+)"\} (\d+)$/gm;

/** An app's fresh renders so far by reason (`sidebar_reuse_misses_total`, only in the Prometheus text). */
export async function reuseMisses(appUrl: string): Promise<Record<string, number>> {
  const text = await getText(`${appUrl}/metrics`, 'text/plain');
  return Object.fromEntries([...text.matchAll(MISS_SAMPLE)].map(([, reason, value]) => [reason!, Number(value)]));
}

/** What changed between two readings of `reuseMisses`, leaving out reasons that did not occur. */
export function missesBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([reason, n]) => [reason, n - (before[reason] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
}

/**
 * The busy workspace's chats with no ticket yet. Intercom's conversation ids are digits, and the request schema refuses
 * anything else: until 8 Dec these were `mixed-new-<i>`, and every view of them was answered with the "incomplete
 * request" canvas. This range is clear of the fake's ids and of the seeded ones (900,000,000,000 and up).
 */
export function newChatId(i: number): string {
  return String(800_000_000_000 + i);
}

/** The busy and quiet conversations' signed initialize bodies, one teammate each (the agent). */
function conversations(env: BenchEnv, sizes: MixedLoadSizes, feedConversations: readonly string[]): Signed[] {
  const { sizes: seed } = env.options;
  const base = initializeBody(env.fake, {
    workspaceId: env.demo.workspaceId,
    conversationId: env.demo.conversations.refund,
    adminId: env.demo.admins.agent,
  });
  const signed = (workspaceId: string, conversationId: string): Signed => {
    const conversation = { ...(base['conversation'] as Record<string, unknown>), id: conversationId };
    const body = JSON.stringify({ ...base, workspace_id: workspaceId, conversation });
    return { body, headers: { 'Content-Type': 'application/json', 'X-Body-Signature': signBody('canvas', body, BENCH_CLIENT_SECRET) } };
  };
  const ids = Array.from({ length: seed.workspaces }, (_, i) => (i === 0 ? env.demo.workspaceId : seededWorkspaceId(i)));
  const block = Math.ceil(seed.tickets / seed.workspaces);
  const busy = new Set(feedConversations);
  // The busy workspace's seeded tickets (newest first: the open ones), then chats with no ticket yet.
  for (let index = block - 1; index >= 0 && busy.size < sizes.busyConversations; index -= 1) {
    busy.add(ticketRow(index, seed, BENCH_NOW, ids).conversation_id);
  }
  for (let i = 0; busy.size < sizes.busyConversations; i += 1) busy.add(newChatId(i));
  const quiet: Signed[] = [];
  for (let j = 0; quiet.length < sizes.quietConversations && seed.workspaces > 1; j += 1) {
    const workspace = 1 + (j % (seed.workspaces - 1));
    const index = Math.min(seed.tickets, (workspace + 1) * block) - 1 - Math.floor(j / (seed.workspaces - 1));
    const ticket = ticketRow(index, seed, BENCH_NOW, ids);
    quiet.push(signed(ticket.workspace_id, ticket.conversation_id));
  }
  return [...[...busy].map((id) => signed(env.demo.workspaceId, id)), ...quiet];
}

/** A long seeded random order of opens over the conversations (autocannon cycles through it). */
function opens(all: readonly Signed[], count: number): Signed[] {
  const random = seededRandom(17);
  return Array.from({ length: count }, () => all[Math.floor(random() * all.length)]!);
}

/**
 * Sends `items` at a steady rate until stopped; answers are counted, none is waited for before the next. With several
 * URLs, each request goes to the next in turn (a load balancer's round robin).
 */
export function paced(url: string | readonly string[], items: readonly PostItem[], perSecond: number) {
  const targets = (typeof url === 'string' ? [url] : url).map((u) => new URL(u));
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const statuses: Record<number, number> = {};
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
    while (next < Math.min(due, items.length)) {
      const sent = postOnce(targets[next % targets.length]!, items[next++]!, agent).then(({ status }) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        inFlight.delete(sent);
      });
      inFlight.add(sent);
    }
  }, 10);
  return {
    sentSoFar: () => next,
    async stop(): Promise<{ sent: number; statuses: Record<number, number> }> {
      clearInterval(timer);
      await Promise.all(inFlight);
      agent.destroy();
      return { sent: next, statuses };
    },
  };
}

/**
 * The load's inputs: the webhook tickets in the fake, linked through `app` as an escalation leaves them (before the
 * feed changes them), the feed (notification ids from `idPrefix`) and the order of opens.
 */
export async function prepareMixedLoad(
  env: BenchEnv,
  sizes: MixedLoadSizes,
  app: ChildHandle,
  idPrefix?: string,
  feedSeconds = sizes.warmupSeconds + sizes.seconds,
) {
  const nowSeconds = Math.floor(env.now() / 1000);
  const tickets = seedFeedTickets(env.fake, env.demo, sizes.webhookTickets, nowSeconds);
  const json = feedTicketJson(env.fake, env.demo, tickets);
  for (let i = 0; i < json.length; i += 200) {
    await app.call('linkTickets', { workspaceId: env.demo.workspaceId, tickets: json.slice(i, i + 200) });
  }
  const feed = buildFeed(env.fake, env.demo, tickets, {
    notifications: Math.ceil(feedSeconds * sizes.webhooksPerSecond * 1.1),
    duplicateShare: 0.1,
    nowSeconds,
    clientSecret: BENCH_CLIENT_SECRET,
    ...(idPrefix ? { idPrefix } : {}),
  });
  const all = conversations(
    env,
    sizes,
    tickets.flatMap((t) => t.links.filter((link) => link.type === 'conversation').map((link) => link.id)),
  );
  return { feed, order: opens(all, 400_000), nowSeconds };
}

export async function mixedLoadRows(env: BenchEnv, log: (line: string) => void): Promise<Row[]> {
  const sizes = mixedLoadSizes(env);
  const conversationCount = sizes.busyConversations + sizes.quietConversations;
  const warmupViews = sizes.warmupViewsPerConversation * conversationCount;
  const windowViews = sizes.viewsPerConversation * conversationCount;
  const feedSeconds = (warmupViews + windowViews) / SLOWEST_VIEWS_PER_SECOND;
  const { feed, order } = await prepareMixedLoad(env, sizes, env.app, undefined, feedSeconds);
  const url = `${env.appUrl}/intercom/initialize`;
  for (const name of ['webhooks', 'sla-scheduler']) await env.app.call('startJob', { name });
  const webhooks = paced(`${env.appUrl}${WEBHOOK_PATH}`, feed.items, sizes.webhooksPerSecond);
  let result: LoadResult;
  let measuredFrom = 0;
  let before: Record<string, number>;
  let after: Record<string, number>;
  let missesBefore: Record<string, number> = {};
  let missesAfter: Record<string, number> = {};
  let windowSeconds = 0;
  let webhooksInWindow = 0;
  try {
    // The warm-up is the Inbox before the measured window: it fills the kept renders as a running app has them.
    const warm = await measureLoad({ name: 'mixed warm-up', url, ...order[0]!, variants: order }, sizes.connections, 0, {
      requests: warmupViews,
    });
    measuredFrom = warm.requests + warm.failures;
    before = await appMetrics(env);
    webhooksInWindow = -webhooks.sentSoFar();
    missesBefore = await reuseMisses(env.appUrl);
    const started = performance.now();
    result = await measureLoad({ name: 'mixed', url, ...order[0]!, variants: order }, sizes.connections, 0, { requests: windowViews });
    windowSeconds = (performance.now() - started) / 1000;
    webhooksInWindow = webhooks.sentSoFar();
    after = await appMetrics(env);
    missesAfter = await reuseMisses(env.appUrl);
  } finally {
    const sent = await webhooks.stop();
    // The webhook processor keeps running: a stopped loop cannot start again, and the ingest scenario (next) runs it.
    // The scheduler's loop is paused, not stopped: the SLA storm (last) ticks the same scheduler.
    await env.app.call('pauseSlaScheduler');
    log(`  webhooks: ${sent.sent} sent, answers ${JSON.stringify(sent.statuses)}`);
  }
  const diff = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  const views = diff('sidebar_views_total');
  const reused = diff('sidebar_views_reused_total');
  const share = views > 0 ? reused / views : 0;
  // How much of the window repeats a conversation already opened in it: what reuse can reach at this throughput, give
  // or take the warm-up's renders still in their minute (more) and minute turns (less). The autocannon cursor went
  // through `order` in turn, so the window is the slice after the warm-up's requests.
  const window = order.slice(measuredFrom, measuredFrom + result.requests + result.failures);
  const repeats = window.length > 0 ? 1 - new Set(window).size / window.length : 0;
  // Views in the window of a conversation not opened before in the run: nothing could have been kept for them.
  const seen = new Set(order.slice(0, measuredFrom));
  let firstViews = 0;
  for (const open of window) {
    if (!seen.has(open)) firstViews += 1;
    seen.add(open);
  }
  log(
    `  mixed load: fresh renders by reason ${JSON.stringify(missesBetween(missesBefore, missesAfter))}, of which ${firstViews} first views of a conversation in the run; ${views} views by /metrics${views < result.requests ? ` of ${result.requests} answered (the rest refused before the sidebar ran)` : ''}, ${webhooksInWindow} webhooks over the window's ${windowSeconds.toFixed(1)} s`,
  );
  const population = `${sizes.busyConversations.toLocaleString('en-US')} conversations of the busy workspace + ${sizes.quietConversations.toLocaleString('en-US')} of quiet ones`;
  log(
    `  mixed load @${sizes.connections}: ${Math.round(result.rps)} views/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${(100 * share).toFixed(1)} % reused (repeats in the window ${(100 * repeats).toFixed(1)} %)${result.failures ? `, ${result.failures} failed` : ''}`,
  );
  const detail = `${population}, webhooks ${sizes.webhooksPerSecond}/s for ${sizes.webhookTickets.toLocaleString('en-US')} of its tickets, SLA scheduler and webhook processor running; ${sizes.connections} connections, ${windowViews.toLocaleString('en-US')} views after ${warmupViews.toLocaleString('en-US')} of warm-up`;
  return [
    row('mixed.rps', 'Mixed load: sidebar views', result.rps, 'views/s', null, `p50 ${result.p50} ms; ${detail}`, {
      views,
      reused,
      failures: result.failures,
    }),
    row('mixed.p99', 'Mixed load: p99', result.p99, 'ms', null, `p50 ${result.p50} ms`),
    row(
      'mixed.reused',
      'Mixed load: views answered from an earlier render',
      100 * share,
      '%',
      atLeast(80),
      `${reused.toLocaleString('en-US')} of ${views.toLocaleString('en-US')} views (/metrics); a fixed seeded sequence of ${sizes.viewsPerConversation} views per conversation after ${sizes.warmupViewsPerConversation}, ${(100 * (1 - firstViews / Math.max(1, window.length))).toFixed(1)} % of the window's views open a conversation opened before in the run; ${webhooksInWindow.toLocaleString('en-US')} webhooks over the window's ${windowSeconds.toFixed(1)} s; webhooks invalidate only their ticket's conversation`,
      { repeats: 100 * repeats, firstViews, windowSeconds, webhooksInWindow },
    ),
  ];
}
