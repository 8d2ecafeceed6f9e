/**
 * Sidebar initialize under load, side by side with two baselines answering the same bytes: a bare Express route
 * and a bare node:http server, each in its own child process on the same core as the app (see proc/child.ts).
 * Every request is a correctly signed Canvas Kit initialize for the conversation with two linked tickets; the
 * app checks the signature, parses, reads the store and renders, the baselines only answer.
 */
import { signBody } from '../../src/http/signature';
import { BENCH_NOW } from '../bench-clock';
import { type SeedSizes, ticketRow, workspaceId } from '../seed/rows';
import { initializeBody } from '../../src/sandbox/canvas-kit-body';
import { getText, type LoadResult, type LoadTarget, measureLoad } from '../load';
import { spawnChild } from '../proc/child';
import { atLeast, atMost, type Row, row } from '../report/rows';
import { BENCH_CLIENT_SECRET } from '../secrets';
import type { BenchEnv } from '../setup';

type Log = (line: string) => void;

export async function appMetrics(env: BenchEnv): Promise<Record<string, number>> {
  return JSON.parse(await getText(`${env.appUrl}/metrics`)) as Record<string, number>;
}

export function signedInitialize(env: BenchEnv): { body: string; headers: Record<string, string> } {
  const context = { workspaceId: env.demo.workspaceId, conversationId: env.demo.conversations.refund, adminId: env.demo.admins.agent };
  const body = JSON.stringify(initializeBody(env.fake, context));
  return { body, headers: { 'Content-Type': 'application/json', 'X-Body-Signature': signBody('canvas', body, BENCH_CLIENT_SECRET) } };
}

/** Distinct requests cycled through by the fresh-render runs: more than the app keeps (20,000), so none is reused. */
export const FRESH_VARIANTS = 30_000;

/**
 * Initialize requests for many different seeded conversations (the newest tickets of every workspace, most of them
 * open with running clocks): what a busy Inbox sends, where each view is rendered afresh.
 */
export function freshRequests(env: BenchEnv, count = FRESH_VARIANTS): SignedRequest[] {
  const base = initializeBody(env.fake, {
    workspaceId: env.demo.workspaceId,
    conversationId: env.demo.conversations.refund,
    adminId: env.demo.admins.agent,
  });
  return freshBodies({ base, sizes: env.options.sizes, firstWorkspaceId: env.demo.workspaceId, secret: BENCH_CLIENT_SECRET, count });
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * `freshRequests` for any seeded population (bench/profile-fresh.ts renders them in-process): `base` is an initialize
 * body whose workspace and conversation are replaced, in turn, by each workspace's newest seeded conversations.
 */
export function freshBodies(options: {
  base: Record<string, unknown>;
  sizes: SeedSizes;
  firstWorkspaceId: string;
  secret: string;
  count: number;
}): SignedRequest[] {
  const { base, sizes, count } = options;
  const ids = Array.from({ length: sizes.workspaces }, (_, i) => (i === 0 ? options.firstWorkspaceId : workspaceId(i)));
  const block = Math.ceil(sizes.tickets / sizes.workspaces);
  const seen = new Set<string>();
  const requests: SignedRequest[] = [];
  for (let i = 0; requests.length < count && i < sizes.tickets; i += 1) {
    const workspace = i % sizes.workspaces;
    const index = Math.min(sizes.tickets, (workspace + 1) * block) - 1 - Math.floor(i / sizes.workspaces);
    const ticket = ticketRow(index, sizes, BENCH_NOW, ids);
    const key = `${ticket.workspace_id}/${ticket.conversation_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const conversation = { ...(base['conversation'] as Record<string, unknown>), id: ticket.conversation_id };
    const body = JSON.stringify({ ...base, workspace_id: ticket.workspace_id, conversation });
    requests.push({
      body,
      headers: { 'Content-Type': 'application/json', 'X-Body-Signature': signBody('canvas', body, options.secret) },
    });
  }
  return requests;
}

/** One view right after start (cold caches), then its canvas, which the baselines will serve byte for byte. */
export async function coldView(env: BenchEnv): Promise<{ canvas: string; calls: number; ms: number }> {
  const request = signedInitialize(env);
  const before = await appMetrics(env);
  const started = performance.now();
  const res = await fetch(`${env.appUrl}/intercom/initialize`, { method: 'POST', headers: request.headers, body: request.body });
  const canvas = await res.text();
  const ms = performance.now() - started;
  const after = await appMetrics(env);
  // The first canvas may show the most urgent ticket and a "Show all N tickets" button for the rest.
  const shown = env.sidebarTickets.filter((number) => canvas.includes(number)).length;
  const all = shown === env.sidebarTickets.length || (shown > 0 && canvas.includes(`Show all ${env.sidebarTickets.length} tickets`));
  if (res.status !== 200 || !all)
    throw new Error(`the sidebar did not show the ${env.sidebarTickets.length} linked tickets (HTTP ${res.status})`);
  return { canvas, calls: (after['sidebar_intercom_calls_total'] ?? 0) - (before['sidebar_intercom_calls_total'] ?? 0), ms };
}

async function withBaseline<T>(env: BenchEnv, entry: string, canvas: string, fn: (url: string) => Promise<T>): Promise<T> {
  const child = await spawnChild(entry, env.cpu.server);
  try {
    const { port } = await child.call<{ port: number }>('listen', { body: canvas });
    return await fn(`http://127.0.0.1:${port}/intercom/initialize`);
  } finally {
    await child.stop();
  }
}

function describe(result: LoadResult): string {
  return `${Math.round(result.rps).toLocaleString('en-US')} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`;
}

export async function sidebarRows(env: BenchEnv, canvas: string, log: Log): Promise<Row[]> {
  const { warmupSeconds, loadSeconds } = env.options;
  const request = signedInitialize(env);
  const target = (name: string, url: string): LoadTarget => ({ name, url, ...request });
  const results = new Map<string, LoadResult>();
  const fresh = freshRequests(env);
  let reusedInFresh = 0;
  let freshViews = 0;
  const before = await appMetrics(env);
  for (const connections of [50, 10]) {
    const run = async (name: string, url: string) => {
      const result = await measureLoad(target(name, url), connections, warmupSeconds, loadSeconds);
      results.set(`${name}@${connections}`, result);
      log(`  ${name} @${connections}: ${describe(result)}${result.failures ? `, ${result.failures} failed` : ''}`);
    };
    await withBaseline(env, 'baseline-http.ts', canvas, (url) => run('node:http', url));
    await withBaseline(env, 'baseline-express.ts', canvas, (url) => run('express', url));
    await run('app', `${env.appUrl}/intercom/initialize`);
    const beforeFresh = await appMetrics(env);
    const result = await measureLoad(
      { ...target('app, fresh', `${env.appUrl}/intercom/initialize`), variants: fresh },
      connections,
      warmupSeconds,
      loadSeconds,
    );
    const afterFresh = await appMetrics(env);
    reusedInFresh += (afterFresh['sidebar_views_reused_total'] ?? 0) - (beforeFresh['sidebar_views_reused_total'] ?? 0);
    freshViews += (afterFresh['sidebar_views_total'] ?? 0) - (beforeFresh['sidebar_views_total'] ?? 0);
    results.set(`fresh@${connections}`, result);
    log(`  app, every view rendered afresh @${connections}: ${describe(result)}${result.failures ? `, ${result.failures} failed` : ''}`);
  }
  const after = await appMetrics(env);
  const views = (after['sidebar_views_total'] ?? 0) - (before['sidebar_views_total'] ?? 0);
  const reused = (after['sidebar_views_reused_total'] ?? 0) - (before['sidebar_views_reused_total'] ?? 0) - reusedInFresh;
  const repeatViews = views - freshViews;
  const calls = (after['sidebar_intercom_calls_total'] ?? 0) - (before['sidebar_intercom_calls_total'] ?? 0);
  const get = (key: string) => results.get(key)!;
  const app50 = get('app@50');
  const app10 = get('app@10');
  const express50 = get('express@50');
  const fresh50 = get('fresh@50');
  const fresh10 = get('fresh@10');
  const share = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '—');
  const failures = [...results.values()].reduce((sum, r) => sum + r.failures, 0);
  /** The app against both baselines at one connection count, as ratios (app ÷ baseline). */
  const versus = (connections: number) => {
    const app = get(`app@${connections}`);
    const x = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
    return ['express', 'node:http']
      .map((name) => {
        const base = get(`${name}@${connections}`);
        return `${name} ${Math.round(base.rps)} req/s p50 ${base.p50} p99 ${base.p99} (app ÷ it: ${x(app.rps, base.rps)} req/s, ${x(app.p99, base.p99)} p99)`;
      })
      .join('; ');
  };
  return [
    row(
      'sidebar.rps50',
      'Sidebar initialize, 50 conn: throughput',
      app50.rps,
      'req/s',
      atLeast(0.8 * express50.rps),
      `target 0.8 × Express; ${versus(50)}; ${share(reused, repeatViews)} of these repeated views answered from an earlier render`,
      { loads: Object.fromEntries(results), repeatViews, reused },
    ),
    row(
      'sidebar.p99_50',
      'Sidebar initialize, 50 conn: p99',
      app50.p99,
      'ms',
      atMost(1.25 * express50.p99),
      `target 1.25 × Express p99 ${express50.p99} ms; app p50 ${app50.p50} ms`,
    ),
    row(
      'sidebar.p99_10',
      'Sidebar initialize, 10 conn: p99',
      app10.p99,
      'ms',
      atMost(5),
      `app ${Math.round(app10.rps)} req/s, p50 ${app10.p50} ms; ${versus(10)}`,
    ),
    row(
      'sidebar.fresh50',
      'Sidebar initialize, 50 conn, every view rendered afresh',
      fresh50.rps,
      'req/s',
      atLeast(0.5 * express50.rps),
      `target 0.5 × Express (issue 17); ${fresh.length.toLocaleString('en-US')} different conversations in turn (${share(reusedInFresh, freshViews)} reused); p50 ${fresh50.p50} ms, p99 ${fresh50.p99} ms; ${(fresh50.rps / express50.rps).toFixed(2)} × Express`,
      { views: freshViews, reused: reusedInFresh },
    ),
    row(
      'sidebar.fresh_p99_10',
      'Sidebar initialize, 10 conn, every view rendered afresh: p99',
      fresh10.p99,
      'ms',
      atMost(10),
      `${Math.round(fresh10.rps).toLocaleString('en-US')} req/s, p50 ${fresh10.p50} ms`,
    ),
    row(
      'sidebar.calls_warm',
      'Intercom calls per sidebar view, warm',
      views > 0 ? calls / views : null,
      'calls',
      atMost(0),
      `${calls} calls over ${views.toLocaleString('en-US')} views under load (/metrics)${failures ? `; ${failures} failed requests` : ''}`,
      { views, calls },
    ),
  ];
}
