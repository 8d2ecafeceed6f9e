/**
 * What the simulator's handlers act on once the sandbox is up, and `settle()`: run every background job once
 * (webhook processor, SLA scheduler, outbox …), again while any of them still finds work, so what a click set in
 * motion has happened by the time the page refreshes the sidebar. The jobs' own loops keep running too; their
 * claims are leased, so a pass here and a pass there never do the same work twice.
 */
import type { Clock } from '../../util/clock';
import type { Application } from '../../wiring';
import type { SandboxDemo } from '../demo-data';
import type { FakeIntercom } from '../fake-intercom';

/** The one clock the app and the fake share; the clock control moves it. */
export interface AdvancingClock extends Clock {
  advance(ms: number): void;
}

export interface SimulatorRuntime {
  fake: FakeIntercom;
  demo: SandboxDemo;
  application: Application;
  clock: AdvancingClock;
  /** Where the app listens (the simulator calls its real endpoints over HTTP). */
  appUrl: string;
  /** The sandbox client secret: signs Canvas Kit requests exactly as Intercom does. */
  clientSecret: string;
  /** How far the clock control has moved sandbox time, in ms (shown next to the clock). */
  movedMs: number;
}

export type JobCounts = Record<string, number>;

const MAX_PASSES = 6;

export async function settle(runtime: SimulatorRuntime): Promise<JobCounts> {
  const counts: JobCounts = {};
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let handled = 0;
    for (const job of runtime.application.jobs) {
      const n = await job.runOnce().catch((error: unknown) => {
        runtime.application.logger.warn(
          { job: job.name, err: error instanceof Error ? error.message : String(error) },
          'sandbox job pass failed',
        );
        return 0;
      });
      counts[job.name] = (counts[job.name] ?? 0) + n;
      handled += n;
    }
    if (handled === 0) break;
  }
  return counts;
}
