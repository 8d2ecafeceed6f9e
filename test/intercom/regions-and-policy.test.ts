import { IntercomApiError } from '../../src/intercom';
import { apiHostForRegion, normaliseRegion } from '../../src/intercom/regions';
import { backoffDelay, DEFAULT_RETRY_POLICY, retryDelay } from '../../src/intercom/retry-policy';
import { canonicalContactId } from '../../src/intercom/contacts';

describe('regions', () => {
  it('maps regions to API hosts case-insensitively, defaulting to US', () => {
    expect(apiHostForRegion('US')).toBe('https://api.intercom.io');
    expect(apiHostForRegion('eu')).toBe('https://api.eu.intercom.io');
    expect(apiHostForRegion(' Au ')).toBe('https://api.au.intercom.io');
    expect(apiHostForRegion('Mars')).toBe('https://api.intercom.io');
    expect(apiHostForRegion(null)).toBe('https://api.intercom.io');
    expect(normaliseRegion('Eu')).toBe('EU');
  });
});

describe('retry policy', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000 };
  const error = (status: number, rateLimitResetAt: number | null = null) =>
    new IntercomApiError({ status, code: 'x', message: 'x', retryable: true, rateLimitResetAt });

  it('doubles the step per retry, capped, with half of it jittered', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
  });

  it('waits until X-RateLimit-Reset on a 429, plus jitter, and never a negative time', () => {
    expect(retryDelay(error(429, 10_000), 1, 4_000, policy, () => 0.5)).toBe(6_050);
    expect(retryDelay(error(429, 1_000), 1, 4_000, policy, () => 0)).toBe(0);
    expect(retryDelay(error(429), 2, 0, policy, () => 0)).toBe(100);
    expect(retryDelay(error(503, 10_000), 1, 0, policy, () => 0)).toBe(50);
  });
});

describe('canonical contact link', () => {
  it('reads relative and absolute canonical links, and nothing else', () => {
    expect(canonicalContactId('</contacts/abc123>; rel="canonical"')).toBe('abc123');
    expect(canonicalContactId('<https://api.intercom.io/contacts/x%2Fy>; rel=canonical')).toBe('x/y');
    expect(canonicalContactId('</contacts/abc>; rel="next"')).toBeNull();
    expect(canonicalContactId(null)).toBeNull();
  });
});
