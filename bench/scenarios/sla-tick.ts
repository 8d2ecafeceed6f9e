/**
 * SLA scheduler tick on the full population of running clocks, measured in the app's process (proc/sla-commands.ts):
 * nothing due, then a given number of clocks due at once. The per-clock cost of the due tick, next to the
 * constant cost of the empty one, shows the tick grows with what is due rather than with what exists.
 */
import type { TickResult } from '../proc/sla-commands';
import { atMost, type Row, row, waiting } from '../report/rows';
import type { BenchEnv } from '../setup';
import { percentile } from '../stats';

const DUE = 100;

export async function slaRows(env: BenchEnv): Promise<Row[]> {
  const names = await env.app.call<string[]>('jobNames');
  if (!names.includes('sla-scheduler')) {
    const reason = 'no sla-scheduler job among the application jobs';
    return [
      waiting('sla.none', 'SLA tick, none due', 'ms', atMost(5), reason),
      waiting('sla.due', `SLA tick, ${DUE} due`, 'ms', null, reason),
    ];
  }
  const result = await env.app.call<TickResult>('slaTick', { due: DUE, samples: 25 });
  const none = percentile(result.noneDueMs, 50);
  const clocks = result.clocks.toLocaleString('en-US');
  return [
    row(
      'sla.none',
      `SLA tick, none due (${clocks} running clocks, p50)`,
      none,
      'ms',
      atMost(5),
      `max ${Math.max(...result.noneDueMs).toFixed(2)} ms over ${result.noneDueMs.length} ticks; ${result.dueBefore} due before the run`,
      { ...result },
    ),
    row(
      'sla.due',
      `SLA tick, ${DUE} due`,
      result.dueMs,
      'ms',
      null,
      `${(result.dueMs / Math.max(1, result.claimed)).toFixed(2)} ms per due clock; ${result.claimed} claimed in ${result.dueTicks} tick(s), ${result.fired} ladder steps fired`,
    ),
  ];
}
