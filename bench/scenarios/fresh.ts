/**
 * The fresh-render runs of the sidebar scenario on their own (`npx tsx bench/alone.ts fresh`): 50 then 10
 * connections cycling through the seeded conversations of every workspace, with what the app's process says about
 * them beside req/s and latency: its CPU per view (user + system, from `process.cpuUsage`, far steadier than
 * req/s on a shared machine) and how long its event loop was blocked (`monitorEventLoopDelay`).
 */
import { measureLoad } from '../load';
import { type Row, row } from '../report/rows';
import type { BenchEnv } from '../setup';
import { appMetrics, freshRequests, signedInitialize } from './sidebar';

type Log = (line: string) => void;

interface Cpu {
  user: number;
  system: number;
}

export async function freshRows(env: BenchEnv, log: Log): Promise<Row[]> {
  const { warmupSeconds, loadSeconds } = env.options;
  const request = signedInitialize(env);
  const fresh = freshRequests(env);
  const rows: Row[] = [];
  for (const connections of [50, 10]) {
    const target = { name: 'app, fresh', url: `${env.appUrl}/intercom/initialize`, ...request, variants: fresh };
    // The warm-up is measureLoad's own; CPU and loop delay are read around the whole of it and the measured run.
    const cpuBefore = await env.app.call<Cpu>('cpuSettled');
    const viewsBefore = (await appMetrics(env))['sidebar_views_total'] ?? 0;
    await env.app.call('loopDelay');
    const result = await measureLoad(target, connections, warmupSeconds, loadSeconds);
    const delay = await env.app.call<{ p50: number; p99: number; max: number }>('loopDelay');
    const cpuAfter = await env.app.call<Cpu>('cpuSettled');
    const views = ((await appMetrics(env))['sidebar_views_total'] ?? 0) - viewsBefore;
    const cpuMs = (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1000;
    const perView = views > 0 ? cpuMs / views : null;
    const detail = `p50 ${result.p50} ms, p99 ${result.p99} ms; app CPU ${perView?.toFixed(2) ?? '—'} ms per view over ${views} views (user ${((cpuAfter.user - cpuBefore.user) / 1000).toFixed(0)} ms, system ${((cpuAfter.system - cpuBefore.system) / 1000).toFixed(0)} ms); event loop blocked p99 ${delay.p99} ms, max ${delay.max} ms`;
    log(`  fresh @${connections}: ${Math.round(result.rps)} req/s, ${detail}`);
    rows.push(
      row(`sidebar.fresh_alone${connections}`, `Fresh sidebar views, ${connections} conn`, result.rps, 'req/s', null, detail, {
        cpuMsPerView: perView,
        loopDelay: delay,
      }),
    );
  }
  return rows;
}
