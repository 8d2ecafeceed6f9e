/**
 * Absolute times for the summary. Intercom asks apps to show absolute dates; the zone is always named because the
 * back-office team may sit elsewhere. An unknown zone falls back to UTC rather than failing the escalation.
 */
import { DateTime } from 'luxon';

export interface Zoned {
  /** The zone actually used (the given one, or `UTC` when it is not a valid IANA zone). */
  readonly zone: string;
  at(ms: number): DateTime;
  /** `Nov 21, 14:05`; see `formatStamp`. */
  readonly stamp: Intl.DateTimeFormat;
}

/**
 * Transcript stamps are formatted with a cached `Intl.DateTimeFormat`: luxon costs ~40 µs per call, which is a
 * millisecond for a 30-line excerpt. One formatter per zone; there are only a few hundred zones.
 */
const stampFormats = new Map<string, Intl.DateTimeFormat>();

function stampFormat(zone: string): Intl.DateTimeFormat {
  let format = stampFormats.get(zone);
  if (!format) {
    const options = { timeZone: zone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    format = new Intl.DateTimeFormat('en-US', options);
    stampFormats.set(zone, format);
  }
  return format;
}

export function zoned(timezone: string): Zoned {
  const zone = DateTime.fromMillis(0, { zone: timezone }).isValid ? timezone : 'UTC';
  return { zone, at: (ms) => DateTime.fromMillis(ms, { zone, locale: 'en-US' }), stamp: stampFormat(zone) };
}

/** `Nov 21, 2026, 14:05 Europe/Berlin (UTC+01:00)`; plain `UTC` when that is the zone. */
export function formatAbsolute(ms: number, tz: Zoned): string {
  const dt = tz.at(ms);
  const base = dt.toFormat('LLL d, yyyy, HH:mm');
  return tz.zone === 'UTC' ? `${base} UTC` : `${base} ${tz.zone} (UTC${dt.toFormat('ZZ')})`;
}

/** `Dec 14, 2026`, for dates where the time of day means nothing (renewals). */
export function formatDate(ms: number, tz: Zoned): string {
  return tz.at(ms).toFormat('LLL d, yyyy');
}

/** `Nov 21, 14:05`, the transcript's stamp; the zone is named once in the section header. */
export function formatStamp(ms: number, tz: Zoned): string {
  return tz.stamp.format(ms);
}

/** `3d 4h`, `2h 14m`, `45m`, `under 1m`: the two largest units are enough to read a wait. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under 1m';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}
