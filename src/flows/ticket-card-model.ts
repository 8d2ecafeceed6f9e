/**
 * A stored ticket snapshot and its SLA clocks → the card the sidebar shows.
 * Pure: everything comes from our store and the workspace settings, so a warm
 * sidebar view needs no Intercom call.
 */
import type { SlaClockVM, TicketCardVM } from '../../canvases/view-models';
import { type QueueKey, STATE_LABELS } from '../domain/model';
import type { WorkspaceSettings } from '../domain/settings';
import { evaluate, readShownClockState, type SlaEvaluation } from '../domain/sla';
import { slaMeter } from '../services/sla/policy-cache';
import type { SidebarTicket, SlaClock } from '../store';

export interface ClockView {
  vm: SlaClockVM;
  tightenedReason: string | null;
  /** Until this instant (exclusive) the clock's line reads the same as now; see `clockStableUntil`. */
  stableUntil: number;
}

export function clockView(stored: Pick<SlaClock, 'state'>, settings: WorkspaceSettings, now: number): ClockView {
  const state = readShownClockState(stored.state);
  const warnAt = settings.ladder.warnAt;
  const result = evaluate(state, now, slaMeter(settings.sla, state.meterMode), warnAt);
  const vm: SlaClockVM = {
    kind: state.kind,
    status: result.status,
    remainingMs: result.remainingMs,
    dueAt: result.dueAt,
    pausedSince: result.pausedSince,
    ...(result.pausedIn ? { pausedStateLabel: STATE_LABELS[result.pausedIn] } : {}),
    ...(result.breachedAt !== null && result.status === 'breached' ? { breachedForMs: Math.max(0, now - result.breachedAt) } : {}),
  };
  return { vm, tightenedReason: result.tightenedReason, stableUntil: clockStableUntil(vm, result, now, warnAt) };
}

const MINUTE = 60_000;

/**
 * The earliest instant a clock's line could read differently, for reusing a rendered sidebar
 * (src/http/initialize-reuse.ts). Durations show whole minutes, rounded down (canvases/format.ts); the status turns
 * at the warn threshold and at the breach. Spent time is business or calendar time, which never passes faster than
 * wall time, so a distance in spent time is a safe lower bound in wall time. Paused, met and stopped clocks only
 * change through a write, which the change feed reports.
 */
export function clockStableUntil(vm: SlaClockVM, result: SlaEvaluation, now: number, warnAt: number): number {
  switch (vm.status) {
    case 'breached': {
      // "Breached for" grows with wall time from the breach on (also while paused or after stopping).
      const overdue = vm.breachedForMs ?? 0;
      return now + (MINUTE - (overdue % MINUTE));
    }
    case 'on_track':
    case 'at_risk': {
      const remaining = result.remainingMs;
      let until = now + (remaining % MINUTE);
      if (vm.status === 'on_track') until = Math.min(until, now + (warnAt * result.effectiveTargetMs - result.spentMs));
      return until;
    }
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** A response clock that was met is history; the sidebar shows only what still runs (or what ended the case). */
function worthShowing(clock: SlaClockVM): boolean {
  return !(clock.kind === 'response' && clock.status === 'met');
}

export interface TicketCardView {
  card: TicketCardVM;
  /** Until this instant (exclusive) the card reads the same as now. */
  stableUntil: number;
}

export function ticketCardView(
  ticket: SidebarTicket,
  clocks: readonly Pick<SlaClock, 'state'>[],
  settings: WorkspaceSettings,
  now: number,
  url: string,
  /** The line saying this ticket's work went dead (src/services/dead-work.ts), if any. */
  failedWork: string | null = null,
): TicketCardView {
  const views = clocks.map((clock) => clockView(clock, settings, now));
  const queue: QueueKey = ticket.queue ?? 'default';
  const card: TicketCardVM = {
    ticketId: ticket.ticketId,
    ticketNumber: ticket.ticketNumber ?? ticket.ticketId,
    title: ticket.title,
    stateLabel: ticket.stateLabel ?? STATE_LABELS[ticket.stateCategory],
    priority: ticket.priority ?? 'P3',
    queueLabel: settings.queues[queue].label,
    ownerName: ticket.ownerName,
    teamName: ticket.teamName,
    url,
    clocks: views
      .map((v) => v.vm)
      .filter(worthShowing)
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'response' ? -1 : 1)),
    tightenedReason: views.find((v) => v.tightenedReason)?.tightenedReason ?? null,
    failedWork,
  };
  return { card, stableUntil: Math.min(Number.POSITIVE_INFINITY, ...views.map((v) => v.stableUntil)) };
}

export function ticketCard(
  ticket: SidebarTicket,
  clocks: readonly Pick<SlaClock, 'state'>[],
  settings: WorkspaceSettings,
  now: number,
  url: string,
): TicketCardVM {
  return ticketCardView(ticket, clocks, settings, now, url).card;
}
