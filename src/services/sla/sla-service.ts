/**
 * The SLA service: ticket events in, persisted clocks out. Each method reads the ticket's clocks with
 * `getForUpdate` inside the caller's transaction (or its own, joined when the caller has one), applies a pure
 * transition, and writes the clock back with its next ladder fire time. So a webhook and the scheduler working on
 * the same clock serialise on the row instead of overwriting each other's state.
 *
 * It is the seam between ticket events and SLA clocks: escalation starts the clocks; webhooks, refreshes and sidebar
 * actions report what happened to the ticket; the SLA scheduler fires the ladder. Every method takes the Store it
 * should write through, so callers run it inside their own transaction.
 */
import { CLOCK_KINDS, type ClockKind, type Priority, type StateCategory, type Tier } from '../../domain/model';
import type { WorkspaceSettings } from '../../domain/settings';
import {
  applyTicketState,
  changeTarget,
  markFirstResponse,
  meterModeFor,
  resolveTarget,
  startClock,
  tighteningFor,
} from '../../domain/sla';
import type { Store } from '../../store';
import type { Clock } from '../../util/clock';
import { basisOf, type ClockRecord, readClock, saveClock } from './clock-record';
import { createPolicyCache, type PolicyCache } from './policy-cache';

export interface AccountFacts {
  tier: Tier;
  renewalInDays: number | null;
  highRisk: boolean;
}

export interface SlaService {
  /** Starts the response and resolution clocks of a newly linked ticket (idempotent per ticket). */
  startClocks(
    tx: Store,
    workspaceId: string,
    input: { ticketId: string; createdAt: number; priority: Priority; account: AccountFacts },
    now: number,
  ): Promise<void>;
  /** The ticket's state category changed at `at` (pause / resume / stop / reopen; leaving `submitted` is a first response). */
  onTicketState(tx: Store, workspaceId: string, ticketId: string, category: StateCategory, at: number): Promise<void>;
  /** The back-office team first acted (a note, or assignment to a person): stops the response clock. */
  onFirstResponse(tx: Store, workspaceId: string, ticketId: string, at: number): Promise<void>;
  /** Priority changed: due times are recomputed from the time already spent. */
  onPriorityChange(tx: Store, workspaceId: string, ticketId: string, priority: Priority, at: number): Promise<void>;
}

export interface SlaServiceOptions {
  /** Stamps `updated_at` on written rows; event times come from the callers. */
  clock: Clock;
  /** Shared with the scheduler so both reuse one parsed settings object per workspace version. */
  policies?: PolicyCache;
}

type Change = (record: ClockRecord, settings: WorkspaceSettings) => ClockRecord;

export function createSlaService(options: SlaServiceOptions): SlaService {
  const policies = options.policies ?? createPolicyCache();
  const { clock } = options;

  /** Applies `change` to the ticket's clocks of the given kinds, each locked for the rest of the transaction. */
  function mutate(store: Store, workspaceId: string, ticketId: string, kinds: readonly ClockKind[], change: Change): Promise<void> {
    return store.transaction(async (tx) => {
      const found = [];
      for (const kind of kinds) {
        const stored = await tx.clocks.getForUpdate(workspaceId, ticketId, kind);
        if (stored) found.push(stored);
      }
      // Tickets without clocks (not escalated by us, or before startClocks) cost one query per kind and no settings read.
      if (found.length === 0) return;
      const settings = await policies.settings(tx, workspaceId);
      for (const stored of found) {
        const before = readClock(stored);
        const after = change(before, settings);
        if (JSON.stringify(after) === JSON.stringify(before)) continue;
        await saveClock(tx, workspaceId, ticketId, after, settings, policies, clock.now());
      }
    });
  }

  return {
    startClocks: (store, workspaceId, input, now) =>
      store.transaction(async (tx) => {
        const settings = await policies.settings(tx, workspaceId);
        const targets = resolveTarget(settings.sla, input.priority, input.account.tier);
        const tightening = tighteningFor(input.account, settings.sla);
        const basis = { priority: input.priority, tier: input.account.tier };
        for (const kind of CLOCK_KINDS) {
          // Idempotent per ticket: a clock that exists has history (pauses, firings) a restart must not wipe.
          if (await tx.clocks.getForUpdate(workspaceId, input.ticketId, kind)) continue;
          const state = startClock({
            kind,
            ticketCreatedAt: input.createdAt,
            targetMs: kind === 'response' ? targets.responseMs : targets.resolutionMs,
            tightening,
            meterMode: meterModeFor(settings.sla, kind),
            now,
          });
          await saveClock(tx, workspaceId, input.ticketId, { state, basis }, settings, policies, now);
        }
      }),

    onTicketState: (store, workspaceId, ticketId, category, at) =>
      mutate(store, workspaceId, ticketId, CLOCK_KINDS, (record, settings) => ({
        ...record,
        state: applyTicketState(record.state, category, at, settings.sla),
      })),

    onFirstResponse: (store, workspaceId, ticketId, at) =>
      mutate(store, workspaceId, ticketId, ['response'], (record) => ({ ...record, state: markFirstResponse(record.state, at) })),

    onPriorityChange: (store, workspaceId, ticketId, priority, at) =>
      mutate(store, workspaceId, ticketId, CLOCK_KINDS, (record, settings) => {
        const { tier } = basisOf(record, settings);
        const targets = resolveTarget(settings.sla, priority, tier);
        const targetMs = record.state.kind === 'response' ? targets.responseMs : targets.resolutionMs;
        const state = changeTarget(record.state, targetMs, at);
        // The pure transition hands back the same clock when the event is older than one already applied.
        return state === record.state ? record : { state, basis: { priority, tier } };
      }),
  };
}
