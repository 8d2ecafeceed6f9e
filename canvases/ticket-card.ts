/** How one linked ticket reads in the sidebar (full or compact) and in the ticket list. */
import { encodeComponentId } from './component-ids';
import { button, submitAction, urlAction } from './kit';
import type { Component } from './kit/types';
import { clockLine, lines, orderedClocks, trim } from './shared-blocks';
import { STATE_LABELS } from '../src/domain/model';
import { formatTime } from '../src/domain/text';
import type { SlaClockVM, TicketCardVM, TimeZoneVM } from './view-models';

/** A title longer than this would wrap past two header lines. */
const TITLE_CHARS = 56;
const META_CHARS = 72;

/** The title alone: with the number on the status line a typical title fits one header line. */
export function ticketHeading(t: TicketCardVM): string {
  return trim(t.title, TITLE_CHARS);
}

export function ticketStatus(t: TicketCardVM): string {
  return trim(`#${t.ticketNumber} · ${t.priority} · ${t.stateLabel}${t.pending ? ' · update pending' : ''}`, META_CHARS);
}

export function ticketOwnership(t: TicketCardVM): string {
  const team = t.teamName && t.teamName !== t.queueLabel ? ` (${t.teamName})` : '';
  return trim(`${t.queueLabel}${team} · Owner: ${t.ownerName ?? 'unassigned'}`, META_CHARS);
}

/** Url buttons never reach the submit handler, so their id only has to be unique on the canvas. */
export function openInIntercomButton(t: TicketCardVM, label = 'Open in Intercom'): Component {
  return button({ id: `open_ticket_${t.ticketId}`, label, style: 'secondary', action: urlAction(t.url) });
}

/**
 * Manage acts on a ticket this conversation opened. A ticket attached here as a shared case is the other
 * conversation's to manage; here it can only be detached.
 */
export function manageButton(t: TicketCardVM): Component {
  if (t.shared?.attachmentId)
    return button({
      id: encodeComponentId('case_detach', t.shared.attachmentId),
      label: 'Detach from this case',
      style: 'secondary',
      action: submitAction(),
    });
  return button({ id: encodeComponentId('ticket_details', t.ticketId), label: 'Manage', style: 'secondary', action: submitAction() });
}

/** "Shared with 3 conversations": the case is this ticket's in every conversation attached to it. */
export function sharedLine(t: TicketCardVM): { text: string; style: 'muted' }[] {
  if (!t.shared) return [];
  const where = t.shared.attachmentId ? 'Attached from another conversation · ' : '';
  return [{ text: `${where}Shared with ${t.shared.conversations} conversations`, style: 'muted' }];
}

/** Everything the sidebar shows about a ticket. */
export function fullTicketBlock(t: TicketCardVM, tz: TimeZoneVM): Component[] {
  return [...ticketLines(t, tz), openInIntercomButton(t), manageButton(t)];
}

/**
 * Second choice when the full block does not fit: every running clock and the tightening reason stay (agents
 * need both clocks and the why), only the Open button goes; Manage still leads to the ticket.
 */
export function clocksTicketBlock(t: TicketCardVM, tz: TimeZoneVM): Component[] {
  return [...ticketLines(t, tz), manageButton(t)];
}

function ticketLines(t: TicketCardVM, tz: TimeZoneVM): Component[] {
  const clockTexts = orderedClocks(t.clocks).map((c) => ({ text: clockLine(c, tz) }));
  return lines([
    { text: ticketHeading(t), style: 'header' },
    { text: ticketStatus(t), style: 'muted' },
    { text: ticketOwnership(t), style: 'muted' },
    ...sharedLine(t),
    ...clockTexts,
    ...(t.tightenedReason ? [{ text: `Tightened: ${trim(t.tightenedReason, 60)}`, style: 'muted' as const }] : []),
    ...customerUpdatesLine(t, tz),
    ...failedWorkLine(t),
  ]);
}

/** The latest automatic updates the customer received, so nobody sends a "just checking in" on top of them. */
const UPDATES_SHOWN = 3;

function customerUpdatesLine(t: TicketCardVM, tz: TimeZoneVM): { text: string; style: 'muted' }[] {
  const updates = (t.customerUpdates ?? []).slice(-UPDATES_SHOWN);
  if (updates.length === 0) return [];
  const told = updates.map((u) => `${STATE_LABELS[u.state]} (${formatTime(u.sentAt, tz.zone)})`).join(', ');
  return [{ text: trim(`Customer told: ${told}`, 120), style: 'muted' }];
}

/** Kept in every form of the card: work that silently stopped is what a teammate must not miss. */
function failedWorkLine(t: TicketCardVM): { text: string; style: 'error' }[] {
  return t.failedWork ? [{ text: trim(t.failedWork, 120), style: 'error' }] : [];
}

/** The most pressing clock: breached, then at risk, then the one due first. */
export function mostUrgentClock(clocks: readonly SlaClockVM[]): SlaClockVM | null {
  const rank = { breached: 0, at_risk: 1, on_track: 2, paused: 3, met: 4 } as const;
  const sorted = [...clocks].sort((a, b) => rank[a.status] - rank[b.status] || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
  return sorted[0] ?? null;
}

/** When the full block does not fit the first canvas: heading, status, the most urgent clock, Manage. */
export function compactTicketBlock(t: TicketCardVM, tz: TimeZoneVM): Component[] {
  const urgent = mostUrgentClock(t.clocks);
  return [
    ...lines([
      { text: ticketHeading(t), style: 'header' },
      { text: ticketStatus(t), style: 'muted' },
      ...sharedLine(t),
      ...(urgent ? [{ text: clockLine(urgent, tz) }] : []),
      ...failedWorkLine(t),
    ]),
    manageButton(t),
  ];
}
