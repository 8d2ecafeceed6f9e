/**
 * One chunk of due SLA clocks, fired in one transaction at a constant number of statements, however many clocks
 * it holds: read the due clocks with what their ladder needs (`clocks.lockDue`), settings for the workspaces not
 * cached at their revision (`settings.getMany`, usually nothing), then compute every clock's due steps and next
 * fire time in memory, and write the firing rows (`ladder.recordFirings`, the exactly-once guard), the outbox jobs
 * of the firings this chunk won (`outbox.enqueueMany`, deduplicated by key) and the next fire times
 * (`clocks.rearm`). A crash before commit leaves none of it; the clocks stay due and the next tick fires them.
 */
import type { SlaPolicy, WorkspaceSettings } from '../../domain/settings';
import {
  effectiveTargetMs,
  evaluate,
  type LadderFire,
  ladderFractions,
  ladderSchedule,
  type MeterMode,
  type TimeMeter,
} from '../../domain/sla';
import type { ClockRearm, DueClock, Store, WorkspaceEnqueue, WorkspaceFiring } from '../../store';
import { LADDER_JOB_KIND, type LadderPayload, ladderDedupeKey } from '../ladder/ladder-payload';
import { type ClockRecord, readClock } from './clock-record';
import type { PolicyCache } from './policy-cache';

export interface DueChunkInput {
  now: number;
  limit: number;
  instanceId: string;
  /** When a clock that could not be planned (a row the code cannot read) is tried again. */
  retryAt: number;
}

export interface DueChunkResult {
  /** Clocks read in this chunk (a chunk shorter than `limit` means nothing more is due). */
  clocks: number;
  /** Ladder steps this chunk fired (firing rows won, outbox jobs queued). */
  fired: number;
  /** How late the most overdue clock of the chunk was, in ms. */
  lagMs: number;
  /** Clocks left for `retryAt`, with why. */
  failed: { workspaceId: string; ticketId: string; kind: string; error: string }[];
}

export interface DuePlan {
  firings: WorkspaceFiring[];
  /** One per firing, same order. */
  jobs: WorkspaceEnqueue[];
  rearms: ClockRearm[];
  failed: DueChunkResult['failed'];
}

export async function fireDueChunk(store: Store, policies: PolicyCache, input: DueChunkInput): Promise<DueChunkResult> {
  const { now } = input;
  return store.transaction(async (tx) => {
    const due = await tx.clocks.lockDue(now, input.limit, input.instanceId);
    if (due.length === 0) return { clocks: 0, fired: 0, lagMs: 0, failed: [] };
    const revisions = new Map(due.filter((c) => c.uninstalledAt === null).map((c) => [c.workspaceId, c.settingsRevision]));
    const settings = await policies.settingsAt(tx, revisions);
    const plan = planDue(due, settings, policies.meter, input);
    const won = new Set(await tx.ladder.recordFirings(plan.firings));
    // A firing another writer recorded first is theirs, and so is its job.
    const jobs = plan.jobs.filter((_, i) => won.has(plan.firings[i] as WorkspaceFiring));
    await tx.outbox.enqueueMany(jobs);
    await tx.clocks.rearm(plan.rearms, now);
    const lagMs = due.reduce((lag, c) => Math.max(lag, now - (c.nextFireAt ?? now)), 0);
    return { clocks: due.length, fired: jobs.length, lagMs, failed: plan.failed };
  });
}

type MeterOf = (policy: SlaPolicy, mode: MeterMode) => TimeMeter;

/** Pure: each due clock's steps to fire (oldest first, each with its original due time) and its next fire time. */
export function planDue(
  due: readonly DueClock[],
  settings: ReadonlyMap<string, WorkspaceSettings>,
  meterOf: MeterOf,
  input: Pick<DueChunkInput, 'now' | 'retryAt'>,
): DuePlan {
  const plan: DuePlan = { firings: [], jobs: [], rearms: [], failed: [] };
  const { now } = input;
  for (const clock of due) {
    const { workspaceId, ticketId, kind } = clock;
    const workspaceSettings = settings.get(workspaceId);
    // Uninstall disarms clocks; one armed since (a late event) is disarmed here instead of firing into a dead token.
    if (clock.uninstalledAt !== null || !workspaceSettings) {
      plan.rearms.push({ workspaceId, ticketId, kind, nextFireAt: null, nextStep: null });
      continue;
    }
    try {
      const record = readClock(clock);
      const { ladder } = workspaceSettings;
      const meter = meterOf(workspaceSettings.sla, record.state.meterMode);
      // One schedule gives both what is due and what comes next: the steps fired now would only drop out of it.
      const schedule = ladderSchedule(record.state, ladder, clock.firedInCycle, meter);
      const fires = schedule.filter((fire) => fire.dueAt <= now);
      const next = schedule.find((fire) => fire.dueAt > now) ?? null;
      const deadlineAt = fires.length > 0 ? evaluate(record.state, now, meter, ladder.warnAt).dueAt : null;
      for (const fire of fires) {
        const { cycle } = record.state;
        plan.firings.push({ workspaceId, ticketId, kind, cycle, step: fire.step, dueAt: fire.dueAt, firedAt: now });
        plan.jobs.push({
          workspaceId,
          kind: LADDER_JOB_KIND,
          dedupeKey: ladderDedupeKey(workspaceId, ticketId, kind, cycle, fire.step),
          payload: payloadFor(ticketId, record, fire, now, deadlineAt, ladder),
          now,
        });
      }
      plan.rearms.push({ workspaceId, ticketId, kind, nextFireAt: next?.dueAt ?? null, nextStep: next?.step ?? null });
    } catch (error) {
      // One clock the code cannot read must not hold up the chunk, nor come back at the head of every tick.
      plan.rearms.push({ workspaceId, ticketId, kind, nextFireAt: input.retryAt, nextStep: clock.nextStep });
      plan.failed.push({ workspaceId, ticketId, kind, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return plan;
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
