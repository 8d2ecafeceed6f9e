/**
 * How a ticket's figures are stored: one plain column per number, and the two short lists (paused spans, state
 * events) as compact JSON texts, null when empty (migration 0013). A report reads some 10,000 of them at once; one
 * packed JSON document per row, parsed and checked per row, cost more than reading the rows. The figures are our
 * own derived data, so a row that does not read back is simply worked out again from the clocks
 * (src/services/reports/report-service.ts), never guessed.
 *
 * Lists: paused spans as [[from, to | null], …], events as [[kind, at], …].
 */
import { TIERS, type Tier } from '../model';
import type { StateEvent } from './facts';
import type { ClockFigures, OpenSpan, TicketFigures } from './ticket-figures';

/** One clock's figures as columns; every field null when the ticket has no such clock. */
export interface StoredClock {
  mode: string | null;
  stoppedAt: number | null;
  spentMs: number | null;
  runningSince: number | null;
  targetMs: number | null;
}

export interface StoredFigures {
  tier: string | null;
  response: StoredClock;
  resolution: StoredClock;
  resolvedSpentMs: number | null;
  pausedJson: string | null;
  eventsJson: string | null;
}

const NO_CLOCK: StoredClock = Object.freeze({ mode: null, stoppedAt: null, spentMs: null, runningSince: null, targetMs: null });

const storeClock = (c: ClockFigures | null): StoredClock =>
  c ? { mode: c.meterMode, stoppedAt: c.stoppedAt, spentMs: c.spentMs, runningSince: c.runningSince, targetMs: c.targetMs } : NO_CLOCK;

export function storeFigures(f: TicketFigures): StoredFigures {
  return {
    tier: f.tier,
    response: storeClock(f.response),
    resolution: storeClock(f.resolution),
    resolvedSpentMs: f.resolvedSpentMs,
    pausedJson: f.pausedSpans.length === 0 ? null : JSON.stringify(f.pausedSpans),
    eventsJson: f.events.length === 0 ? null : JSON.stringify(f.events.map((e) => [e.kind, e.at])),
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);
const BAD = Symbol('bad');

function readClock(c: StoredClock): ClockFigures | null | typeof BAD {
  if (c.mode === null) return null;
  if (c.mode !== 'business' && c.mode !== 'calendar') return BAD;
  if (!isNumOrNull(c.stoppedAt) || !isNum(c.spentMs) || !isNumOrNull(c.runningSince) || !isNum(c.targetMs)) return BAD;
  return { meterMode: c.mode, stoppedAt: c.stoppedAt, spentMs: c.spentMs, runningSince: c.runningSince, targetMs: c.targetMs };
}

function parseList(text: string | null): unknown[] | typeof BAD {
  if (text === null) return [];
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) ? list : BAD;
  } catch {
    return BAD;
  }
}

function readSpans(text: string | null): OpenSpan[] | typeof BAD {
  const raw = parseList(text);
  if (raw === BAD) return BAD;
  for (const s of raw) if (!Array.isArray(s) || s.length !== 2 || !isNum(s[0]) || !isNumOrNull(s[1])) return BAD;
  return raw as OpenSpan[];
}

function readEvents(text: string | null): StateEvent[] | typeof BAD {
  const raw = parseList(text);
  if (raw === BAD) return BAD;
  const events: StateEvent[] = [];
  for (const e of raw) {
    if (!Array.isArray(e) || (e[0] !== 'resolved' && e[0] !== 'reopened') || !isNum(e[1])) return BAD;
    events.push({ kind: e[0], at: e[1] });
  }
  return events;
}

/** Stored figures read back; null when they are not figures this version wrote. */
export function readFigures(s: StoredFigures): TicketFigures | null {
  if (s.tier !== null && !(TIERS as readonly string[]).includes(s.tier)) return null;
  const response = readClock(s.response);
  const resolution = readClock(s.resolution);
  const pausedSpans = readSpans(s.pausedJson);
  const events = readEvents(s.eventsJson);
  if (response === BAD || resolution === BAD || pausedSpans === BAD || events === BAD || !isNumOrNull(s.resolvedSpentMs)) return null;
  return { tier: s.tier as Tier | null, response, resolution, resolvedSpentMs: s.resolvedSpentMs, pausedSpans, events };
}
