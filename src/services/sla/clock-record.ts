/**
 * How an SLA clock maps onto its `sla_clocks` row, and back.
 *
 * `state_json` holds the pure `ClockState` plus one extra key, `basis`: the priority and tier its base target was
 * resolved from. A priority change needs the tier again and nothing else in the store records it; the pure parser
 * (zod, non-strict) drops the extra key, so every reader of the pure state (the sidebar) is unaffected.
 * `status`, `cycle`, `nextFireAt` and `nextStep` are derived from the state on every write, so they can never
 * disagree with it.
 */
import { z } from 'zod';
import { type ClockKind, type LadderStep, PRIORITIES, type Priority, TIERS, type Tier } from '../../domain/model';
import type { LadderSettings, WorkspaceSettings } from '../../domain/settings';
import { type ClockState, nextLadderStep, parseClockState, resolveTarget, type TimeMeter } from '../../domain/sla';
import type { SlaClock, SlaClockWrite, Store } from '../../store';
import { refreshTicketFigures } from '../reports/ticket-figures';
import type { PolicyCache } from './policy-cache';

export interface TargetBasis {
  priority: Priority;
  tier: Tier;
}

const basisSchema = z.object({ priority: z.enum(PRIORITIES), tier: z.enum(TIERS) });

export interface ClockRecord {
  state: ClockState;
  /** Null only for rows written without it (e.g. by hand); see `basisOf`. */
  basis: TargetBasis | null;
}

export function readClock(stored: Pick<SlaClock, 'state'>): ClockRecord {
  const raw = stored.state as { basis?: unknown } | null;
  const basis = basisSchema.safeParse(raw?.basis);
  return { state: parseClockState(stored.state), basis: basis.success ? basis.data : null };
}

/** The row for a clock: pure apart from the fired steps the caller looked up for the clock's current cycle. */
export function clockWrite(
  ticketId: string,
  record: ClockRecord,
  ladder: Pick<LadderSettings, 'warnAt' | 'escalateAt'>,
  firedInCycle: readonly LadderStep[],
  meter: TimeMeter,
): SlaClockWrite {
  const { state, basis } = record;
  const next = nextLadderStep(state, ladder, firedInCycle, meter);
  return {
    ticketId,
    kind: state.kind,
    cycle: state.cycle,
    state: basis ? { ...state, basis } : state,
    status: state.phase,
    nextFireAt: next?.dueAt ?? null,
    nextStep: next?.step ?? null,
  };
}

/** Steps already fired for this clock kind in `cycle`, from the ladder's firing rows. */
export async function firedSteps(tx: Store, workspaceId: string, ticketId: string, kind: ClockKind, cycle: number): Promise<LadderStep[]> {
  const firings = await tx.ladder.listByTicket(workspaceId, ticketId);
  return firings.filter((f) => f.kind === kind && f.cycle === cycle).map((f) => f.step);
}

/**
 * Writes the clock with its next fire time (this also releases any scheduler lease on the row), and the ticket's
 * report figures worked out from it, in the same transaction.
 */
export async function saveClock(
  tx: Store,
  workspaceId: string,
  ticketId: string,
  record: ClockRecord,
  settings: WorkspaceSettings,
  policies: PolicyCache,
  now: number,
): Promise<SlaClock> {
  const { state } = record;
  const fired = state.phase === 'stopped' ? [] : await firedSteps(tx, workspaceId, ticketId, state.kind, state.cycle);
  const meter = policies.meter(settings.sla, state.meterMode);
  const saved = await tx.clocks.upsert(workspaceId, clockWrite(ticketId, record, settings.ladder, fired, meter), now);
  await refreshTicketFigures(tx, workspaceId, ticketId, settings.sla, now);
  return saved;
}

/**
 * The priority and tier a clock's target came from. For a row without `basis`, the tier is recovered from the
 * matrix cell whose target matches the clock's base target (first match, P1 → P4), else `standard`.
 */
export function basisOf(record: ClockRecord, settings: WorkspaceSettings): TargetBasis {
  if (record.basis) return record.basis;
  for (const priority of PRIORITIES) {
    for (const tier of TIERS) {
      const target = resolveTarget(settings.sla, priority, tier);
      const ms = record.state.kind === 'response' ? target.responseMs : target.resolutionMs;
      if (ms === record.state.baseTargetMs) return { priority, tier };
    }
  }
  return { priority: 'P3', tier: 'standard' };
}
