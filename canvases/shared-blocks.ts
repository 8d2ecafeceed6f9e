/** Pieces several screens share: navigation, the "as of" stamp, SLA lines, trimming. */
import { encodeComponentId, type PlainAction, type TicketAction } from './component-ids';
import { formatAbsolute, formatDuration, formatTime, isValidTimeZone } from '../src/domain/text';
import { button, divider, spacer, submitAction, text, textLines } from './kit';
import type { ButtonComponent, Component, TextComponent } from './kit/types';
import type { SlaClockVM, TimeZoneVM } from './view-models';

export const NO_TICKET_TEXT = 'No back-office ticket linked to this conversation yet.';
export const QUEUED_TEXT = '⏳ Queued — the ticket will be created automatically';

/** Whitespace other than a single space: only a text holding some has runs to collapse (most lines have none). */
const UNEVEN_SPACE = /[^\S ]| {2}/;

/** Cuts on a character budget and says so with an ellipsis; whitespace runs collapse first. */
export function trim(value: string, max: number): string {
  const flat = (UNEVEN_SPACE.test(value) ? value.replace(/\s+/g, ' ') : value).trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The zone times are really shown in: an unknown zone falls back to UTC (see formatAbsolute). */
export function displayZone(tz: TimeZoneVM): TimeZoneVM {
  return isValidTimeZone(tz.zone) ? tz : { zone: 'UTC', source: 'utc' };
}

/** Which clock the teammate is looking at: requests carry no teammate zone, so usually the workspace's. */
export function zoneLabel(tz: TimeZoneVM): string {
  const shown = displayZone(tz);
  if (shown.source === 'teammate') return 'your time';
  if (shown.source === 'workspace') return 'workspace time';
  return 'UTC';
}

/**
 * "As of 4:05 PM UTC (workspace time)": canvases do not refresh on their own, so every status says when it was
 * true. It sits just above the navigation divider, which already sets it apart, so it drops its bottom margin.
 */
export function asOf(now: number, tz: TimeZoneVM): TextComponent {
  const shown = displayZone(tz);
  return text(`As of ${formatTime(now, shown.zone)} (${zoneLabel(shown)})`, { style: 'muted', bottomMargin: 'none' });
}

/** The "As of" line as it is serialised at one instant, and until when it reads so (it moves with the UTC minute). */
export interface AsOfLine {
  json: string;
  until: number;
}

const MINUTE_MS = 60_000;

/**
 * The "As of" line of a screen rendered at `renderedAt`, drawn again for a later instant, for answering a kept
 * sidebar past its minute when nothing else on it moved (src/http/initialize-reuse.ts). Null when the line would
 * wrap onto another number of lines than it did: the first canvas fits what else it shows around its height.
 */
export function asOfLineAt(renderedAt: number, tz: TimeZoneVM): (at: number) => AsOfLine | null {
  const height = textLines(asOf(renderedAt, tz).text, 'muted');
  return (at) => {
    const line = asOf(at, tz);
    if (textLines(line.text, 'muted') !== height) return null;
    // Every zone in use is offset by whole minutes, so the stamp turns with the UTC minute.
    return { json: JSON.stringify(line), until: (Math.floor(at / MINUTE_MS) + 1) * MINUTE_MS };
  };
}

const CLOCK_NAMES = { response: 'Response', resolution: 'Resolution' } as const;

export function clockLine(clock: SlaClockVM, tz: TimeZoneVM): string {
  const zone = displayZone(tz).zone;
  const name = CLOCK_NAMES[clock.kind];
  const due = clock.dueAt === null ? '' : ` · due ${formatAbsolute(clock.dueAt, zone)}`;
  switch (clock.status) {
    case 'met':
      return `${name}: met`;
    case 'breached':
      return `${name}: breached ${formatDuration(clock.breachedForMs ?? 0)} ago`;
    case 'paused': {
      const since = clock.pausedSince === null ? '' : ` since ${formatAbsolute(clock.pausedSince, zone)}`;
      const state = clock.pausedStateLabel ? ` — ${clock.pausedStateLabel}` : '';
      return `${name}: paused${state}${since}`;
    }
    case 'at_risk':
      return `${name}: ⚠ ${formatDuration(clock.remainingMs)} left${due}`;
    case 'on_track':
      return `${name}: ${formatDuration(clock.remainingMs)} left${due}`;
  }
}

/** Response before resolution, whatever order the caller had. */
export function orderedClocks(clocks: readonly SlaClockVM[]): SlaClockVM[] {
  return [...clocks].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'response' ? -1 : 1));
}

export function linkButton(label: string, action: PlainAction): ButtonComponent;
export function linkButton(label: string, action: TicketAction, ticketId: string): ButtonComponent;
export function linkButton(label: string, action: PlainAction | TicketAction, ticketId?: string): ButtonComponent {
  const id = ticketId === undefined ? encodeComponentId(action as PlainAction) : encodeComponentId(action as TicketAction, ticketId);
  return button({ id, label, style: 'link', action: submitAction() });
}

/** Frozen, so built once for every screen's navigation. */
const NAVIGATION_DIVIDER = divider();
const NAVIGATION_SPACER = spacer('xs');

/** Navigation sits at the bottom as link buttons, set apart by a divider and a spacer (canvas-kit.md §10.3). */
export function navigation(...links: ButtonComponent[]): Component[] {
  return [NAVIGATION_DIVIDER, NAVIGATION_SPACER, ...links];
}

/** Groups consecutive lines: all but the last lose their bottom margin. */
export function lines(texts: readonly { text: string; style?: TextComponent['style'] }[]): TextComponent[] {
  return texts.map((t, i) => text(t.text, { style: t.style, bottomMargin: i < texts.length - 1 ? 'none' : undefined }));
}
