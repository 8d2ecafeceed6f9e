import { type SignalFacts, analyseSignals } from '../../../src/domain/signals';
import { defaultSettings } from '../../../src/domain/settings';
import { chat, companyView, contactView, DAY_MS, NOW_MS } from '../../fixtures/conversations/factory';
import type { CompanyView, ContactView } from '../../../src/domain/conversation';

const settings = defaultSettings().signals;
const quiet = chat([{ who: 'customer', body: 'Hello, a question about exports.' }]);

function facts(contact: ContactView | null, company: CompanyView | null = null, now = NOW_MS): SignalFacts {
  return analyseSignals({ conversation: quiet, contact, company, settings, now }).facts;
}

describe('tier', () => {
  it('reads the tier attribute from the contact, case-insensitively', () => {
    expect(facts(contactView({ tier: 'Enterprise' }))).toMatchObject({ tier: 'enterprise', isVip: false });
    expect(facts(contactView({ Tier: ' PREMIUM ' }))).toMatchObject({ tier: 'pro' });
    expect(facts(contactView({ tier: 'free' }))).toMatchObject({ tier: 'standard' });
  });

  it('reads the company attribute, then the company plan when no attribute is set', () => {
    expect(facts(contactView(), companyView({ tier: 'enterprise' }))).toMatchObject({ tier: 'enterprise' });
    expect(facts(contactView(), companyView({}, { plan: { name: 'Business' } }))).toMatchObject({ tier: 'pro' });
    expect(facts(contactView(), companyView({}, { plan: { name: 'Scale' } }))).toMatchObject({ tier: 'standard' });
  });

  it('takes the highest tier when contact and company disagree', () => {
    expect(facts(contactView({ tier: 'pro' }), companyView({ tier: 'enterprise' }))).toMatchObject({ tier: 'enterprise' });
  });

  it('marks VIP values as VIP and enterprise', () => {
    expect(facts(contactView({ tier: 'VIP' }))).toMatchObject({ tier: 'enterprise', isVip: true });
  });

  it('defaults to standard without contact or company', () => {
    expect(facts(null)).toMatchObject({ tier: 'standard', isVip: false, renewalInDays: null, highRisk: false });
  });
});

describe('renewal date', () => {
  const in23Days = NOW_MS + 23 * DAY_MS;

  it.each([
    ['unix seconds', Math.floor(in23Days / 1000)],
    ['milliseconds', in23Days],
    ['numeric string', String(Math.floor(in23Days / 1000))],
    ['ISO date-time', new Date(in23Days).toISOString()],
  ])('reads %s', (_name, value) => {
    expect(facts(contactView({ renewal_date: value }))).toMatchObject({ renewalInDays: 23 });
  });

  it('reads an ISO date as midnight UTC and counts days up', () => {
    // NOW is Nov 21, 16:05 UTC; Dec 14 00:00 UTC is 22.3 days away, which is "in 23 days" on the calendar.
    expect(facts(null, companyView({ renewal_date: '2026-12-14' }))).toMatchObject({
      renewalInDays: 23,
      renewalAt: Date.UTC(2026, 11, 14),
    });
  });

  it('ignores past dates and takes the earliest upcoming one', () => {
    expect(facts(contactView({ renewal_date: '2026-01-01' }))).toMatchObject({ renewalInDays: null, renewalAt: null });
    const soon = NOW_MS + 5 * DAY_MS;
    expect(facts(contactView({ renewal_date: in23Days }), companyView({ renewal_date: soon }))).toMatchObject({ renewalInDays: 5 });
  });

  it('counts part of a day as a whole day and ignores garbage', () => {
    expect(facts(contactView({ renewal_date: NOW_MS + 3_600_000 }))).toMatchObject({ renewalInDays: 1 });
    expect(facts(contactView({ renewal_date: NOW_MS }))).toMatchObject({ renewalInDays: 0 });
    expect(facts(contactView({ renewal_date: 'next spring' }))).toMatchObject({ renewalInDays: null });
  });
});

describe('high-risk flag', () => {
  it.each([[true], ['yes'], ['TRUE'], [1], ['high']])('is set by %p', (value) => {
    expect(facts(contactView({ high_risk: value })).highRisk).toBe(true);
  });

  it.each([[false], ['no'], [0], [''], [null]])('is not set by %p', (value) => {
    expect(facts(null, companyView({ high_risk: value })).highRisk).toBe(false);
  });
});
