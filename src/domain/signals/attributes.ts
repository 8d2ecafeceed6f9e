/**
 * Facts read from contact and company attributes: tier, VIP, renewal date, high-risk flag. Workspaces store these
 * in different places, so both the contact and the company are read and the strongest value wins.
 */
import type { CompanyView, ContactView } from '../conversation';
import { toEpochMs } from '../conversation';
import type { Tier } from '../model';
import type { SignalSettings } from '../settings';

const DAY_MS = 86_400_000;

/** The attribute's values on the contact and the company (case-insensitive name lookup: attribute names drift). */
function attributeValues(name: string, contact: ContactView | null, company: CompanyView | null): unknown[] {
  const wanted = name.trim().toLowerCase();
  const values: unknown[] = [];
  for (const attrs of [contact?.customAttributes, company?.customAttributes]) {
    if (!attrs) continue;
    for (const [key, value] of Object.entries(attrs)) {
      if (key.toLowerCase() === wanted && value !== null && value !== undefined && value !== '') values.push(value);
    }
  }
  return values;
}

function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).trim().toLowerCase() : '';
}

function listed(value: string, list: readonly string[]): boolean {
  return value !== '' && list.some((entry) => entry.trim().toLowerCase() === value);
}

export interface TierFacts {
  tier: Tier;
  isVip: boolean;
}

/**
 * The tier from the tier attribute on contact or company, falling back to the company's Intercom plan name when no
 * attribute is set. When sources disagree the highest tier wins: a pro seat inside an enterprise account gets
 * enterprise service.
 */
export function readTier(settings: SignalSettings, contact: ContactView | null, company: CompanyView | null): TierFacts {
  const values = attributeValues(settings.tierAttribute, contact, company).map(asText).filter(Boolean);
  if (values.length === 0 && company?.plan) values.push(company.plan.trim().toLowerCase());
  const isVip = values.some((v) => listed(v, settings.vipValues));
  if (isVip || values.some((v) => listed(v, settings.tierValues.enterprise))) return { tier: 'enterprise', isVip };
  if (values.some((v) => listed(v, settings.tierValues.pro))) return { tier: 'pro', isVip };
  return { tier: 'standard', isVip };
}

export interface RenewalFacts {
  renewalAt: number | null;
  renewalInDays: number | null;
}

/**
 * The next renewal on or after `now`, from unix seconds, ms or an ISO date on contact or company (the earliest
 * upcoming one wins). Days are counted up (ceil), so a date-only value (midnight UTC) gives the calendar-day
 * distance: from Nov 21 afternoon, Dec 14 is "in 23 days". Only a renewal at this very moment is 0 days.
 */
export function readRenewal(settings: SignalSettings, contact: ContactView | null, company: CompanyView | null, now: number): RenewalFacts {
  let renewalAt: number | null = null;
  for (const value of attributeValues(settings.renewalAttribute, contact, company)) {
    const at = toEpochMs(value);
    if (at !== null && at >= now && (renewalAt === null || at < renewalAt)) renewalAt = at;
  }
  return { renewalAt, renewalInDays: renewalAt === null ? null : Math.ceil((renewalAt - now) / DAY_MS) };
}

const TRUTHY = new Set(['true', 'yes', 'y', '1', 'high', 'on']);

/** The high-risk flag: a boolean attribute, or text/numbers people type into one ("yes", "1", "high"). */
export function readHighRisk(settings: SignalSettings, contact: ContactView | null, company: CompanyView | null): boolean {
  return attributeValues(settings.highRiskAttribute, contact, company).some((value) => value === true || TRUTHY.has(asText(value)));
}
