/**
 * Dates and durations as the Inbox rules ask: absolute, with the zone printed (canvases do not refresh, so
 * "3 min ago" would go stale). Pure and deterministic for a given zone: the locale is pinned to en-US until
 * requests carry the teammate's locale (canvas-kit.md §10.5).
 */
import { BoundedMemo } from '../../util/bounded-memo';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when the runtime knows this IANA zone. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * `Nov 21, 2026, 4:05 PM UTC`. The zone shows as its abbreviation where one exists (PST) and as an offset
 * otherwise (GMT+1). An unknown zone falls back to UTC, which the output then says, so it is never wrong.
 */
export function formatAbsolute(epochMs: number, zone: string): string {
  // Intl formatting is slow next to everything else a sidebar does, and due times repeat view after view.
  const key = `${zone}\u0000${epochMs}`;
  return formattedAbsolute.get(key, () => {
    const f = isValidTimeZone(zone) ? formatter(zone) : formatter('UTC');
    // Newer ICU puts a narrow no-break space before AM/PM; plain spaces keep output stable across Node versions.
    return f.format(epochMs).replace(/[\u202f\u00a0]/g, ' ');
  });
}

const formattedAbsolute = new BoundedMemo<string, string>(20_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `45m`, `2h 14m`, `1d 3h`, `<1m`. Rounds down, so a countdown never promises more time than is left.
 * Only the two largest units are shown; a zero second unit is dropped (`2h`, `3d`). Negative means 0.
 */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  if (total < MINUTE) return '<1m';
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  return `${minutes}m`;
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `4:05 PM UTC`: for the "as of" stamp, which is always today from the teammate's point of view. Every sidebar
 * prints one, and Intl formatting costs more than the rest of its footer: the text is kept per zone and UTC minute.
 * That is exact because every zone in use is offset from UTC by whole minutes (and changes offset, or name, on a
 * whole minute), so within one UTC minute the printed hour, minute and zone name cannot change.
 */
export function formatTime(epochMs: number, zone: string): string {
  const z = isValidTimeZone(zone) ? zone : 'UTC';
  const minute = Math.floor(epochMs / MINUTE);
  return formattedTimes.get(`${z}\u0000${minute}`, () => {
    let f = timeFormatters.get(z);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: z, timeZoneName: 'short' });
      timeFormatters.set(z, f);
    }
    return f.format(minute * MINUTE).replace(/[\u202f\u00a0]/g, ' ');
  });
}

const formattedTimes = new BoundedMemo<string, string>(5_000);
