/**
 * Intercom data-hosting regions and their REST hosts (spec `servers`). `GET /me` reports `app.region`; the spec
 * only shows "US", so EU/AU spellings are matched case-insensitively and anything unknown falls back to US, which
 * Intercom routes to the right region on a best-effort basis.
 */
export const REGIONS = ['US', 'EU', 'AU'] as const;
export type Region = (typeof REGIONS)[number];

const API_HOSTS: Readonly<Record<Region, string>> = Object.freeze({
  US: 'https://api.intercom.io',
  EU: 'https://api.eu.intercom.io',
  AU: 'https://api.au.intercom.io',
});

export function normaliseRegion(value: string | null | undefined): Region {
  const upper = (value ?? '').trim().toUpperCase();
  return (REGIONS as readonly string[]).includes(upper) ? (upper as Region) : 'US';
}

/** The REST base URL for a region as reported by Intercom (or stored from an install). */
export function apiHostForRegion(region: string | null | undefined): string {
  return API_HOSTS[normaliseRegion(region)];
}
