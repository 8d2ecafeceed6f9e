/**
 * Driving the app's background jobs by hand, on the manual clock: each round runs every job once, then moves
 * the clock to the next moment something is due (an outbox retry's backoff, a 429's reset), never further than
 * `maxStepMs`, so the SLA ladder does not fire by accident in a test about something else.
 */
import type { FakeIntercom } from '../../../src/sandbox/fake-intercom';
import type { Application } from '../../../src/wiring';
import type { ManualClock } from '../../../src/util/clock';
import { eventually } from '../eventually';

export interface DriveOptions {
  workspaceId: string;
  /** Give up after this many rounds (a job that never finishes is a failure, not a hang). */
  maxRounds?: number;
  /** The most the clock may move in one round. */
  maxStepMs?: number;
  /** Awaited before every move of the clock (e.g. `fakeSettled`). */
  beforeAdvance?: () => Promise<void>;
}

/** Runs every job once; returns how many items they handled in total. */
export async function runJobsOnce(application: Application): Promise<number> {
  let handled = 0;
  for (const job of application.jobs) handled += await job.runOnce();
  return handled;
}

/** Runs the jobs until the workspace's outbox is empty; returns the rounds it took. Throws if it never empties. */
export function runJobsUntilIdle(application: Application, clock: ManualClock, options: DriveOptions): Promise<number> {
  return runInstancesUntilIdle([application], clock, options);
}

/** The same with several instances on one database, whose jobs run at the same time in every round. */
export async function runInstancesUntilIdle(instances: readonly Application[], clock: ManualClock, options: DriveOptions): Promise<number> {
  const application = instances[0]!;
  const maxRounds = options.maxRounds ?? 60;
  const maxStepMs = options.maxStepMs ?? 20 * 60_000;
  for (let round = 1; round <= maxRounds; round += 1) {
    const handled = (await Promise.all(instances.map(runJobsOnce))).reduce((a, b) => a + b, 0);
    const pending = await application.store.outbox.listByWorkspace(options.workspaceId, { status: 'pending' });
    const running = await application.store.outbox.listByWorkspace(options.workspaceId, { status: 'running' });
    if (handled === 0 && pending.length === 0 && running.length === 0) return round;
    await options.beforeAdvance?.();
    const next = Math.min(
      ...pending.map((job) => job.nextAttemptAt ?? clock.now()),
      ...running.map((job) => job.lockedUntil ?? clock.now()),
    );
    clock.set(Math.min(clock.now() + maxStepMs, Math.max(clock.now() + 1_000, Number.isFinite(next) ? next : clock.now())));
  }
  const left = await application.store.outbox.listByWorkspace(options.workspaceId);
  const open = left.filter((job) => job.status === 'pending' || job.status === 'running').map((job) => `${job.kind} (${job.lastError})`);
  throw new Error(`the outbox did not finish in ${maxRounds} rounds: ${open.join(', ')}`);
}

/**
 * Waits (real time, bounded) until the fake has answered every request it is merely slow on. The manual clock
 * jumps minutes in a millisecond; a real Intercom call that is slow by a second has long landed by the time a
 * retry due minutes later runs, so a test must not let the retry overtake it.
 */
export async function fakeSettled(fake: FakeIntercom): Promise<void> {
  const inFlight = () => fake.requests.some((request) => request.status === null && request.fault === null);
  await eventually(() => !inFlight(), 'the fake Intercom has answered every request it is merely slow on');
}

/** Outbox jobs of the workspace that ended dead: work that was given up on, i.e. lost. */
export async function deadJobs(application: Application, workspaceId: string): Promise<string[]> {
  const dead = await application.store.outbox.listByWorkspace(workspaceId, { status: 'dead' });
  return dead.map((job) => `${job.kind}: ${job.lastError}`);
}
