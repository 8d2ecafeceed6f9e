import { analyseSignals, detectSignals, type SignalInput } from '../../../src/domain/signals';
import { defaultSettings, type SignalSettings } from '../../../src/domain/settings';
import { chat, companyView, contactView, DAY_MS, NOW_MS } from '../../fixtures/conversations/factory';
import { emptyConversation } from '../../fixtures/conversations/scenarios';

const settings = defaultSettings().signals;

function input(overrides: Partial<SignalInput> = {}): SignalInput {
  return {
    conversation: chat([{ who: 'customer', body: 'Hi, a question about exports.' }]),
    contact: contactView(),
    company: null,
    settings,
    now: NOW_MS,
    ...overrides,
  };
}

describe('detectSignals', () => {
  it('finds nothing in an empty conversation for a standard contact', () => {
    expect(detectSignals(input({ conversation: emptyConversation() }))).toEqual([]);
    expect(analyseSignals(input({ conversation: emptyConversation(), contact: null })).facts).toEqual({
      tier: 'standard',
      isVip: false,
      renewalInDays: null,
      renewalAt: null,
      frustration: 0,
      highRisk: false,
      keywords: [],
    });
  });

  it('emits one signal per kind with short labels', () => {
    const conversation = chat([
      { who: 'customer', body: 'We had an OUTAGE this morning and I want a refund NOW. This is unacceptable!!' },
      { who: 'customer', body: 'Still nothing?? Terrible.' },
    ]);
    const contact = contactView({ tier: 'enterprise', renewal_date: Math.floor((NOW_MS + 23 * DAY_MS) / 1000), high_risk: true });
    expect(detectSignals(input({ conversation, contact })).map((s) => [s.kind, s.key, s.label])).toEqual([
      ['keyword', 'outage', 'Keyword: outage'],
      ['high_risk', 'high_risk', 'High-risk account'],
      ['tier', 'enterprise', 'Enterprise tier'],
      ['renewal', 'renewal', 'Renewal in 23 days'],
      ['frustration', 'frustration', 'Frustration 6/10'],
      ['keyword', 'refund', 'Keyword: refund'],
    ]);
  });

  it('orders by weight: P1 keywords, then legal keywords and close renewals, then tier', () => {
    const conversation = chat([{ who: 'customer', body: 'Our lawyer asks about the security incident.' }]);
    const contact = contactView({ tier: 'VIP', renewal_date: NOW_MS + 10 * DAY_MS });
    expect(detectSignals(input({ conversation, contact })).map((s) => [s.label, s.weight])).toEqual([
      ['Keyword: security', 10],
      ['Keyword: lawyer', 8],
      ['Renewal in 10 days', 8],
      ['VIP tier', 7],
    ]);
  });

  it('shows a renewal only inside the window, and frustration only at the threshold', () => {
    const far = contactView({ renewal_date: NOW_MS + 90 * DAY_MS });
    const analysis = analyseSignals(input({ contact: far }));
    expect(analysis.signals).toEqual([]);
    expect(analysis.facts.renewalInDays).toBe(90); // still a fact: SLA tightening has its own window

    const annoyed = chat([{ who: 'customer', body: 'Still broken?? Terrible!!' }]); // 1 + 1 + 0.5 → 3 (rounded 2.5)
    const strict: SignalSettings = { ...settings, frustrationThreshold: 3 };
    expect(analyseSignals(input({ conversation: annoyed })).facts.frustration).toBe(3);
    expect(detectSignals(input({ conversation: annoyed }))).toEqual([]);
    expect(detectSignals(input({ conversation: annoyed, settings: strict })).map((s) => s.label)).toEqual(['Frustration 3/10']);
  });

  it('uses the workspace keyword list, including custom and non-English keywords', () => {
    const custom: SignalSettings = { ...settings, keywords: ['Kündigung', '返金'] };
    const conversation = chat([{ who: 'customer', body: 'Hiermit reiche ich die Kündigung ein. 返金してください。' }]);
    expect(detectSignals(input({ conversation, settings: custom })).map((s) => s.label)).toEqual(['Keyword: kündigung', 'Keyword: 返金']);
  });

  it('reads pro tier from the company and is deterministic', () => {
    const company = companyView({ tier: 'business' });
    const first = detectSignals(input({ company }));
    expect(first).toEqual([{ kind: 'tier', key: 'pro', label: 'Pro tier', weight: 3 }]);
    expect(detectSignals(input({ company }))).toEqual(first);
  });
});
