/**
 * Several instances on one PostgreSQL (issue 17): 1, then 2, then 3 app processes, each built and started as
 * src/server.ts does (every background loop running: outbox worker, SLA scheduler, webhook processor, reconciler),
 * share the mixed load: sidebar views over the busy and quiet workspaces' conversations with the connections dealt
 * among the instances in turn, webhooks at 100/s sent to each instance in turn, and ladder steps falling due one
 * after another for tickets of their own, so the instances' schedulers and outbox workers race for the same work.
 * Reports views/s, p50/p99 and the share reused per instance count, and then counts the effects where they land:
 * every successful write at the fake Intercom that carries one of our references (ladder steps, escalation notes,
 * tickets), grouped by reference and target. More than one per group is a duplicate; fewer ladder notes than
 * steps made due is a loss.
 *
 * PostgreSQL only (SQLite is one instance's store). Alone: `DATABASE_URL=postgres://… npx tsx bench/alone.ts
 * multi-instance --quick`. Every instance runs on the server core(s); on two cores they share one, so three
 * instances cannot serve three times one's views: the figures say what this machine gives.
 */
import { WEBHOOK_PATH } from '../../src/http/webhook-routes';
import type { FakeIntercom } from '../../src/sandbox/fake-intercom';
import { getText, measureLoad } from '../load';
import { type ChildHandle, spawnChild } from '../proc/child';
import { type Row, row, waiting } from '../report/rows';
import type { BenchEnv } from '../setup';
import { missesBetween, mixedLoadSizes, paced, prepareMixedLoad, reuseMisses } from './mixed-load';
import { feedTicketJson, seedFeedTickets } from './webhook-feed';

const INSTANCE_COUNTS = [1, 2, 3] as const;
/** Divisible by each instance count, so every instance holds as many connections as the others. */
const CONNECTIONS = 48;
/** Tickets whose warn step falls due during each run (one ladder note each, exactly once). */
const LADDER_TICKETS = 60;
const SETTLE_MS = 30_000;
const IDLE_MS = 5_000;

/** Our references in a write's body: the ladder's per step, the escalation's ticket and note references. */
const REFERENCE = /handoff-sla:[a-z_]+:\d+:[a-z_]+|Handoff (?:escalation|note) ref: [\w-]+/g;

export interface EffectCount {
  /** Successful writes carrying a reference. */
  writes: number;
  /** Writes beyond the first for the same reference and target. */
  duplicates: number;
  ladderNotes: number;
}

/** Counts the fake's successful writes from `from` on (an index into its request log) per reference and target. */
export function countEffects(fake: Pick<FakeIntercom, 'requests'>, from: number): EffectCount {
  const seen = new Map<string, number>();
  let ladderNotes = 0;
  for (const request of fake.requests.slice(from)) {
    if (request.method === 'GET' || request.status === null || request.status >= 300) continue;
    const references = new Set(JSON.stringify(request.body ?? '').match(REFERENCE) ?? []);
    for (const reference of references) {
      const key = `${request.method} ${request.path} ${reference}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (reference.startsWith('handoff-sla:')) ladderNotes += 1;
    }
  }
  let writes = 0;
  let duplicates = 0;
  for (const n of seen.values()) {
    writes += n;
    duplicates += n - 1;
  }
  return { writes, duplicates, ladderNotes };
}

interface Instance {
  child: ChildHandle;
  url: string;
}

async function startInstances(env: BenchEnv, count: number): Promise<Instance[]> {
  const instances: Instance[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const child = await spawnChild('app-server.ts', env.cpu.server);
      instances.push({ child, url: '' });
      const offsetMs = env.now() - Date.now();
      const args = {
        store: env.store.spec,
        fakeUrl: env.fake.url,
        token: env.demo.token,
        offsetMs,
        instanceId: `bench-${count}-${i}`,
        jobs: true,
      };
      const { port } = await child.call<{ port: number }>('start', args);
      instances[i]!.url = `http://127.0.0.1:${port}`;
    }
    return instances;
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.child.stop()));
    throw error;
  }
}

interface Totals {
  views: number;
  reused: number;
  /** Of those, answered from a render another instance made (sidebar_views_reused_shared_total). */
  shared: number;
  /** The instances' CPU time (ms), summed. */
  cpuMs: number;
  /** Fresh renders by reason (sidebar_reuse_misses_total), summed over the instances. */
  misses: Record<string, number>;
}

async function metricsOf(instances: readonly Instance[]): Promise<Totals> {
  const totals: Totals = { views: 0, reused: 0, shared: 0, cpuMs: 0, misses: {} };
  for (const { url, child } of instances) {
    const metrics = JSON.parse(await getText(`${url}/metrics`)) as Record<string, number>;
    totals.views += metrics['sidebar_views_total'] ?? 0;
    totals.reused += metrics['sidebar_views_reused_total'] ?? 0;
    totals.shared += metrics['sidebar_views_reused_shared_total'] ?? 0;
    for (const [reason, value] of Object.entries(await reuseMisses(url))) totals.misses[reason] = (totals.misses[reason] ?? 0) + value;
    const cpu = await child.call<{ user: number; system: number }>('cpuNow', {});
    totals.cpuMs += (cpu.user + cpu.system) / 1000;
  }
  return totals;
}

interface RunResult {
  instances: number;
  rps: number;
  p50: number;
  p99: number;
  reusedShare: number;
  /** Share of views answered from another instance's render. */
  sharedShare: number;
  /** Share of the window's views that repeat a conversation opened earlier in it: what reuse could reach. */
  repeats: number;
  failures: number;
  webhooks: { sent: number; statuses: Record<number, number> };
  effects: EffectCount;
  ladderDue: number;
}

async function runWith(env: BenchEnv, count: number, log: (line: string) => void): Promise<RunResult> {
  const sizes = mixedLoadSizes(env);
  const totalSeconds = sizes.warmupSeconds + sizes.seconds;
  const instances = await startInstances(env, count);
  try {
    const first = instances[0]!.child;
    const { feed, order, nowSeconds } = await prepareMixedLoad(env, sizes, first, `notif_multi${count}_`);
    const ladder = seedFeedTickets(env.fake, env.demo, LADDER_TICKETS, nowSeconds);
    await first.call('linkTickets', { workspaceId: env.demo.workspaceId, tickets: feedTicketJson(env.fake, env.demo, ladder) });
    const from = env.fake.requests.length;
    // The ladder steps fall due across the warm-up and the measured window, a few each second.
    const spacingMs = Math.floor((totalSeconds * 1000) / LADDER_TICKETS);
    await first.call('dueInTurn', { workspaceId: env.demo.workspaceId, ticketIds: ladder.map((t) => t.id), spacingMs });
    const urls = instances.map((instance) => instance.url);
    const target = { name: `${count} instance(s)`, url: urls.map((url) => `${url}/intercom/initialize`), ...order[0]!, variants: order };
    // What the instances' loops cost with nothing to serve (no views, no webhooks yet): they share the core with the views.
    const idleFrom = await metricsOf(instances);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleCpuMs = (await metricsOf(instances)).cpuMs - idleFrom.cpuMs;
    log(`  ${count} instance(s) idle: ${((100 * idleCpuMs) / IDLE_MS).toFixed(1)} % of a core over ${IDLE_MS / 1000} s (all instances)`);
    const webhooks = paced(
      urls.map((url) => `${url}${WEBHOOK_PATH}`),
      feed.items,
      sizes.webhooksPerSecond,
    );
    let sent: Awaited<ReturnType<typeof webhooks.stop>>;
    let result: Awaited<ReturnType<typeof measureLoad>>;
    let before: Totals;
    let after: Totals;
    let measuredFrom = 0;
    try {
      const warm = await measureLoad(target, CONNECTIONS, 0, sizes.warmupSeconds);
      measuredFrom = warm.requests + warm.failures;
      before = await metricsOf(instances);
      result = await measureLoad(target, CONNECTIONS, 0, sizes.seconds);
      after = await metricsOf(instances);
    } finally {
      sent = await webhooks.stop();
    }
    // Every step made due has had its time; the outbox workers finish what they claimed.
    const settleBy = performance.now() + SETTLE_MS;
    while (countEffects(env.fake, from).ladderNotes < LADDER_TICKETS && performance.now() < settleBy) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const effects = countEffects(env.fake, from);
    const views = after.views - before.views;
    const reusedShare = views > 0 ? (after.reused - before.reused) / views : 0;
    const sharedShare = views > 0 ? (after.shared - before.shared) / views : 0;
    // As in the mixed load: the autocannon cursor went through `order` in turn, so the window is the slice after the warm-up.
    const window = order.slice(measuredFrom, measuredFrom + result.requests + result.failures);
    const repeats = window.length > 0 ? 1 - new Set(window).size / window.length : 0;
    const cpuPerView = views > 0 ? (after.cpuMs - before.cpuMs) / views : 0;
    log(
      `  ${count} instance(s): ${cpuPerView.toFixed(2)} ms CPU per view (all instances, webhooks and loops included); fresh renders by reason ${JSON.stringify(missesBetween(before.misses, after.misses))}`,
    );
    log(
      `  ${count} instance(s): ${Math.round(result.rps)} views/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${(100 * reusedShare).toFixed(1)} % reused (${(100 * sharedShare).toFixed(1)} % from another instance's render; ${(100 * repeats).toFixed(1)} % of the window's views repeat a conversation); webhooks ${sent.sent} sent ${JSON.stringify(sent.statuses)}; effects ${effects.writes} (ladder notes ${effects.ladderNotes} of ${LADDER_TICKETS}), duplicates ${effects.duplicates}`,
    );
    return {
      instances: count,
      rps: result.rps,
      p50: result.p50,
      p99: result.p99,
      reusedShare,
      sharedShare,
      repeats,
      failures: result.failures,
      webhooks: sent,
      effects,
      ladderDue: LADDER_TICKETS,
    };
  } finally {
    await Promise.all(instances.map((instance) => instance.child.stop()));
  }
}

export async function multiInstanceRows(env: BenchEnv, log: (line: string) => void): Promise<Row[]> {
  if (env.store.spec.engine !== 'postgres') {
    return [waiting('multi.rps', 'Several instances: sidebar views', 'views/s', null, 'needs PostgreSQL (DATABASE_URL)')];
  }
  // The run's own app keeps its webhook processor from the mixed load; stopped, it claims nothing the instances store.
  await env.app.call('stopJob', { name: 'webhooks' }).catch(() => undefined);
  const runs: RunResult[] = [];
  for (const count of INSTANCE_COUNTS) runs.push(await runWith(env, count, log));
  const one = runs[0]!;
  const sizes = mixedLoadSizes(env);
  const detail = `${CONNECTIONS} connections dealt among the instances, webhooks ${sizes.webhooksPerSecond}/s in turn, every loop running in each; ${sizes.seconds} s after ${sizes.warmupSeconds} s warm-up; ${env.cpu.note}`;
  return runs.flatMap((run) => {
    const n = run.instances;
    const scale = one.rps > 0 ? ` (${(run.rps / one.rps).toFixed(2)} × one instance)` : '';
    const lost = run.ladderDue - Math.min(run.ladderDue, run.effects.ladderNotes);
    return [
      row(
        `multi.rps_${n}`,
        `${n} instance(s) on one PostgreSQL: sidebar views`,
        run.rps,
        'views/s',
        null,
        `p50 ${run.p50} ms${scale}; ${detail}`,
        {
          ...run,
        },
      ),
      row(`multi.p99_${n}`, `${n} instance(s): p99`, run.p99, 'ms', null, `p50 ${run.p50} ms; ${run.failures} failed`),
      row(
        `multi.reused_${n}`,
        `${n} instance(s): views answered from an earlier render`,
        100 * run.reusedShare,
        '%',
        null,
        `summed over the instances (/metrics); ${(100 * run.sharedShare).toFixed(1)} % from another instance's render; ${(100 * run.repeats).toFixed(1)} % of the window's views repeat a conversation opened earlier in it`,
      ),
      row(
        `multi.duplicates_${n}`,
        `${n} instance(s): duplicated effects at Intercom`,
        run.effects.duplicates,
        'effects',
        { kind: 'max', value: 0 },
        `${run.effects.writes} referenced writes; ladder notes ${run.effects.ladderNotes} of ${run.ladderDue} steps made due (lost ${lost})`,
      ),
    ];
  });
}
