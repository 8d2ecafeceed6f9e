/**
 * A stored ticket snapshot and its SLA clocks → the card the sidebar shows.
 * Pure: everything comes from our store and the workspace settings, so a warm
 * sidebar view needs no Intercom call.
 */
import type { SlaClockVM, TicketCardVM } from '../../canvases/view-models';
import { type QueueKey, STATE_LABELS } from '../domain/model';
import type { SlaPolicy, WorkspaceSettings } from '../domain/settings';
import { evaluate, meterForClock, parseClockState, type TimeMeter } from '../domain/sla';
import type { SlaClock, TicketLink } from '../store';

/** Business calendars are compiled once per policy object (settings are cached, so the object is stable). */
const meterCache = new WeakMap<SlaPolicy, Map<string, TimeMeter>>();

function meter(policy: SlaPolicy, mode: 'business' | 'calendar'): TimeMeter {
  let byMode = meterCache.get(policy);
  if (!byMode) {
    byMode = new Map();
    meterCache.set(policy, byMode);
  }
  let found = byMode.get(mode);
  if (!found) {
    found = meterForClock(policy, { meterMode: mode });
    byMode.set(mode, found);
  }
  return found;
}

export function clockView(stored: SlaClock, settings: WorkspaceSettings, now: number): { vm: SlaClockVM; tightenedReason: string | null } {
  const state = parseClockState(stored.state);
  const result = evaluate(state, now, meter(settings.sla, state.meterMode), settings.ladder.warnAt);
  const vm: SlaClockVM = {
    kind: state.kind,
    status: result.status,
    remainingMs: result.remainingMs,
    dueAt: result.dueAt,
    pausedSince: result.pausedSince,
    ...(result.pausedIn ? { pausedStateLabel: STATE_LABELS[result.pausedIn] } : {}),
    ...(result.breachedAt !== null && result.status === 'breached' ? { breachedForMs: Math.max(0, now - result.breachedAt) } : {}),
  };
  return { vm, tightenedReason: result.tightenedReason };
}

/** A response clock that was met is history; the sidebar shows only what still runs (or what ended the case). */
function worthShowing(clock: SlaClockVM): boolean {
  return !(clock.kind === 'response' && clock.status === 'met');
}

export function ticketCard(
  ticket: TicketLink,
  clocks: readonly SlaClock[],
  settings: WorkspaceSettings,
  now: number,
  url: string,
): TicketCardVM {
  const views = clocks.map((clock) => clockView(clock, settings, now));
  const queue: QueueKey = ticket.queue ?? 'default';
  return {
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
  };
}
