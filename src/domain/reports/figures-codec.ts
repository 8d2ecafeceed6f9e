/**
 * How a ticket's figures are stored: packed into short JSON arrays and read back with plain checks. A report reads
 * some 10,000 of them at once, and a keyed object per clock and event, checked by a schema library, cost more than
 * the rest of the report; the figures are our own derived data, so a row that does not read back is simply worked
 * out again from the clocks (src/services/reports/report-service.ts), never guessed.
 *
 * Packed: [tier, response, resolution, resolvedSpentMs, pausedSpans, events], a clock as
 * [meterMode, stoppedAt, spentMs, runningSince, targetMs], an event as [kind, at].
 */
import { TIERS, type Tier } from '../model';
import type { StateEvent } from './facts';
import type { ClockFigures, OpenSpan, TicketFigures } from './ticket-figures';

type PackedClock = [ClockFigures['meterMode'], number | null, number, number | null, number];

const packClock = (c: ClockFigures | null): PackedClock | null => c && [c.meterMode, c.stoppedAt, c.spentMs, c.runningSince, c.targetMs];

export function packFigures(f: TicketFigures): unknown[] {
  return [f.tier, packClock(f.response), packClock(f.resolution), f.resolvedSpentMs, f.pausedSpans, f.events.map((e) => [e.kind, e.at])];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);
const BAD = Symbol('bad');

function unpackClock(raw: unknown): ClockFigures | null | typeof BAD {
  if (raw === null) return null;
  if (!Array.isArray(raw) || raw.length !== 5) return BAD;
  const [meterMode, stoppedAt, spentMs, runningSince, targetMs] = raw as unknown[];
  if (meterMode !== 'business' && meterMode !== 'calendar') return BAD;
  if (!isNumOrNull(stoppedAt) || !isNum(spentMs) || !isNumOrNull(runningSince) || !isNum(targetMs)) return BAD;
  return { meterMode, stoppedAt, spentMs, runningSince, targetMs };
}

function unpackSpans(raw: unknown): OpenSpan[] | typeof BAD {
  if (!Array.isArray(raw)) return BAD;
  const spans: OpenSpan[] = [];
  for (const s of raw as unknown[]) {
    if (!Array.isArray(s) || !isNum(s[0]) || !isNumOrNull(s[1])) return BAD;
    spans.push([s[0], s[1]]);
  }
  return spans;
}

function unpackEvents(raw: unknown): StateEvent[] | typeof BAD {
  if (!Array.isArray(raw)) return BAD;
  const events: StateEvent[] = [];
  for (const e of raw as unknown[]) {
    if (!Array.isArray(e) || (e[0] !== 'resolved' && e[0] !== 'reopened') || !isNum(e[1])) return BAD;
    events.push({ kind: e[0], at: e[1] });
  }
  return events;
}

/** Packed figures read back; null when they are not figures this version wrote. */
export function unpackFigures(raw: unknown): TicketFigures | null {
  if (!Array.isArray(raw) || raw.length !== 6) return null;
  const [tier, response, resolution, resolvedSpentMs, spans, events] = raw as unknown[];
  if (tier !== null && !(TIERS as readonly unknown[]).includes(tier)) return null;
  const r = unpackClock(response);
  const s = unpackClock(resolution);
  const pausedSpans = unpackSpans(spans);
  const list = unpackEvents(events);
  if (r === BAD || s === BAD || pausedSpans === BAD || list === BAD || !isNumOrNull(resolvedSpentMs)) return null;
  return { tier: tier as Tier | null, response: r, resolution: s, resolvedSpentMs, pausedSpans, events: list };
}
