/** "10:32" in a zone: the time a reason points at ("customer, 10:32"). Formatters are cached per zone. */
import { isValidTimeZone } from '../text';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function clockTime(epochMs: number, zone: string): string {
  const z = isValidTimeZone(zone) ? zone : 'UTC';
  let f = formatters.get(z);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: z });
    formatters.set(z, f);
  }
  return f.format(epochMs);
}
