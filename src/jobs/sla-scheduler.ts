/**
 * The SLA scheduler: fires ladder steps as clocks cross 75 / 90 / 100 %.
 *
 * Each tick claims the clocks whose `next_fire_at` has passed (a range scan of that index, so the cost follows
 * the due rows, not the number of clocks) and handles each in its own transaction: re-read the clock under a row
 * lock, list its due steps in order, and for each one insert the firing row (the exactly-once guard: a step another
 * instance already fired is skipped) together with its `ladder.step` outbox job, then write the clock back with
 * its next fire time. Steps that fell due while no instance ran all fire on the first tick, oldest first, each
 * carrying its original due time.
 */
import { dueLadderSteps, evaluate, effectiveTargetMs, type LadderFire, ladderFractions } from '../domain/sla';
import { readClock, saveClock, firedSteps, type ClockRecord } from '../services/sla/clock-record';
import type { PolicyCache } from '../services/sla/policy-cache';
import type { SlaClock, Store } from '../store';
import type { Clock } from '../util/clock';
import type { BackgroundJob } from './background-job';
import { LADDER_JOB_KIND, type LadderPayload, ladderDedupeKey } from '../services/ladder/ladder-payload';
import type { WorkerLogger } from './outbox-worker';
import { createPollingLoop } from './polling-loop';

export interface SlaSchedulerOptions {
  store: Store;
  clock: Clock;
  policies: PolicyCache;
  instanceId: string;
  logger: WorkerLogger;
  intervalMs: number;
  batchSize?: number;
  /** How long a claim is exclusive; a crashed instance's clocks become claimable again after it. */
  leaseMs?: number;
  /** Called after steps were enqueued (the outbox worker's `poke`, so actions go out without waiting a poll). */
  onEnqueued?: () => void;
}

export interface SlaScheduler extends BackgroundJob {
  /** Handles one claimed clock; resolves with the number of steps this call fired. Exposed for tests. */
  fireDue(claimed: SlaClock, now: number): Promise<number>;
  /** How late the last tick found the most overdue clock it claimed, in ms (0 when none was due): for /metrics. */
  lagMs(): number;
}

export function createSlaScheduler(options: SlaSchedulerOptions): SlaScheduler {
  const { store, clock, policies, instanceId, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 60_000;

  async function fireDue(claimed: SlaClock, now: number): Promise<number> {
    const { workspaceId, ticketId, kind } = claimed;
    return store.transaction(async (tx) => {
      const stored = await tx.clocks.getForUpdate(workspaceId, ticketId, kind);
      // Another instance claimed it after our lease ran out: it is theirs now (the firing rows would guard anyway).
      if (!stored || (stored.lockedBy !== null && stored.lockedBy !== instanceId && (stored.lockedUntil ?? 0) > now)) return 0;
      const workspace = await tx.workspaces.get(workspaceId);
      if (!workspace || workspace.uninstalledAt !== null) {
        // Uninstall disarms clocks; one armed since (a late event) is disarmed here instead of firing into a dead token.
        await tx.clocks.upsert(workspaceId, { ...stored, nextFireAt: null, nextStep: null }, now);
        return 0;
      }
      // Read in this transaction, after the clock's row lock: a settings save either committed before (and is seen
      // here) or waits on that lock to re-arm the clock after us (src/http/settings/save.ts). The revision check
      // makes the read cheap; settings are parsed once per revision.
      const settings = await policies.settings(tx, workspaceId);
      const record = readClock(stored);
      const meter = policies.meter(settings.sla, record.state.meterMode);
      const fired = await firedSteps(tx, workspaceId, ticketId, kind, record.state.cycle);
      const deadlineAt = evaluate(record.state, now, meter, settings.ladder.warnAt).dueAt;
      let count = 0;
      for (const fire of dueLadderSteps(record.state, settings.ladder, fired, now, meter)) {
        const won = await tx.ladder.recordFiring(workspaceId, {
          ticketId,
          kind,
          cycle: record.state.cycle,
          step: fire.step,
          dueAt: fire.dueAt,
          firedAt: now,
        });
        if (!won) continue;
        const payload = payloadFor(ticketId, record, fire, now, deadlineAt, settings.ladder);
        await tx.outbox.enqueue(workspaceId, {
          kind: LADDER_JOB_KIND,
          dedupeKey: ladderDedupeKey(workspaceId, ticketId, kind, record.state.cycle, fire.step),
          payload,
          now,
        });
        count += 1;
      }
      await saveClock(tx, workspaceId, ticketId, record, settings, policies, now);
      return count;
    });
  }

  let lastLagMs = 0;

  async function pass(): Promise<number> {
    const now = clock.now();
    const due = await store.clocks.claimDue(now, batchSize, instanceId, leaseMs);
    lastLagMs = due.reduce((lag, claimed) => Math.max(lag, now - (claimed.nextFireAt ?? now)), 0);
    let fired = 0;
    for (const claimed of due) {
      try {
        fired += await fireDue(claimed, now);
      } catch (error) {
        // One bad clock must not hold up the rest; its lease expires and the next tick tries again.
        logger.error(
          { workspaceId: claimed.workspaceId, ticketId: claimed.ticketId, kind: claimed.kind, err: messageOf(error) },
          'SLA clock not processed',
        );
      }
    }
    if (fired > 0) {
      logger.info({ clocks: due.length, fired }, 'SLA ladder steps fired');
      options.onEnqueued?.();
    }
    return due.length;
  }

  const loop = createPollingLoop({
    name: 'sla-scheduler',
    pass,
    // A full batch may mean more is due (catching up after downtime, say): go again at once.
    isFull: (n) => n === batchSize,
    onError: (error) => logger.error({ err: messageOf(error) }, 'SLA scheduler tick failed'),
  });
  return {
    name: 'sla-scheduler',
    fireDue,
    lagMs: () => lastLagMs,
    runOnce: loop.runOnce,
    start: () => loop.start(options.intervalMs),
    stop: loop.stop,
  };
}

function payloadFor(
  ticketId: string,
  { state, basis }: ClockRecord,
  fire: LadderFire,
  now: number,
  deadlineAt: number | null,
  ladder: { warnAt: number; escalateAt: number },
): LadderPayload {
  const fraction = ladderFractions(ladder).find((f) => f.step === fire.step)?.fraction ?? 1;
  return {
    v: 1,
    ticketId,
    kind: state.kind,
    cycle: state.cycle,
    step: fire.step,
    dueAt: fire.dueAt,
    firedAt: now,
    deadlineAt,
    fraction,
    targetMs: effectiveTargetMs(state),
    meterMode: state.meterMode,
    basis,
    tightenedReason: state.tightening?.reason ?? null,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
