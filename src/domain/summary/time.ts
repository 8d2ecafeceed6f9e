/**
 * Absolute times for the summary. Intercom asks apps to show absolute dates; the zone is always named because the
 * back-office team may sit elsewhere. An unknown zone falls back to UTC rather than failing the escalation.
 */
import { DateTime, type Zone } from 'luxon';
import { BoundedMemo } from '../../util/bounded-memo';

export interface Zoned {
  /** The zone actually used (the given one, or `UTC` when it is not a valid IANA zone). */
  readonly zone: string;
  /** luxon's zone for `zone`: the offset rule every time here is computed with. */
  readonly rule: Zone;
  at(ms: number): DateTime;
  /** `Nov 21, 14:05`; see `formatStamp`. */
  readonly stamp: Intl.DateTimeFormat;
}

/**
 * Zones by the name a workspace gave, each resolved once per process: checking a name costs luxon an offset lookup,
 * and an `Intl.DateTimeFormat` is slow to build. Transcript stamps use that cached formatter because luxon costs
 * ~40 µs per call, a millisecond for a 30-line excerpt. The names are IANA zones (a few hundred); the bound only
 * keeps junk names from growing the map without end.
 */
const zones = new BoundedMemo<string, Zoned>(1000);

function resolveZone(timezone: string): Zoned {
  const zone = DateTime.fromMillis(0, { zone: timezone }).isValid ? timezone : 'UTC';
  const options = { timeZone: zone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  return {
    zone,
    rule: DateTime.fromMillis(0, { zone }).zone,
    at: (ms) => DateTime.fromMillis(ms, { zone, locale: 'en-US' }),
    stamp: new Intl.DateTimeFormat('en-US', options),
  };
}

export function zoned(timezone: string): Zoned {
  return zones.get(timezone, resolveZone);
}

/**
 * The wall clock at `ms` in the zone, and its offset in minutes: what luxon's `DateTime` computes (the zone's
 * offset, then UTC fields of the shifted instant), without luxon's per-call formatter and second offset lookup.
 * `null` where luxon's `DateTime` would be invalid (NaN, beyond its ±8.64e15 ms range); callers then ask luxon.
 */
function wallClock(ms: number, tz: Zoned): { wall: Date; offset: number } | null {
  if (!(Math.abs(ms) <= 8.64e15)) return null;
  const offset = tz.rule.offset(ms);
  const wall = new Date(ms + offset * 60 * 1000); // luxon's arithmetic, so fractional (LMT) offsets round alike
  return Number.isNaN(wall.getTime()) ? null : { wall, offset };
}

/** luxon's English month names and number padding (`LLL`, `yyyy`, `HH`, `ZZ` for the `en-US` locale). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad(n: number, width: number): string {
  return n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0');
}

function dateText(wall: Date): string {
  return `${MONTHS[wall.getUTCMonth()]} ${wall.getUTCDate()}, ${pad(wall.getUTCFullYear(), 4)}`;
}

function offsetText(offset: number): string {
  const hours = Math.trunc(Math.abs(offset / 60));
  const minutes = Math.trunc(Math.abs(offset % 60));
  return `${offset >= 0 ? '+' : '-'}${pad(hours, 2)}:${pad(minutes, 2)}`;
}

/** `Nov 21, 2026, 14:05 Europe/Berlin (UTC+01:00)`; plain `UTC` when that is the zone. */
export function formatAbsolute(ms: number, tz: Zoned): string {
  const clock = wallClock(ms, tz);
  let base: string;
  let offset: string;
  if (clock) {
    const { wall } = clock;
    base = `${dateText(wall)}, ${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}`;
    offset = offsetText(clock.offset);
  } else {
    const dt = tz.at(ms);
    base = dt.toFormat('LLL d, yyyy, HH:mm');
    offset = dt.toFormat('ZZ');
  }
  return tz.zone === 'UTC' ? `${base} UTC` : `${base} ${tz.zone} (UTC${offset})`;
}

/** `Dec 14, 2026`, for dates where the time of day means nothing (renewals). */
export function formatDate(ms: number, tz: Zoned): string {
  const clock = wallClock(ms, tz);
  return clock ? dateText(clock.wall) : tz.at(ms).toFormat('LLL d, yyyy');
}

/** `Nov 21, 14:05`, the transcript's stamp; the zone is named once in the section header. */
export function formatStamp(ms: number, tz: Zoned): string {
  return tz.stamp.format(ms);
}
