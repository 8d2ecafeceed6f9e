/** What the teammate reads: reasons pointing at messages, a title that states the case, the need, adjustments. */
import { triage } from '../../../src/domain/triage';
import { chat, judge } from './helpers';

const duplicate = chat(
  'c: Hello! Hope you are well.',
  't: Hi, how can I help?',
  'c: We were charged twice for October: INV-20931 and INV-20944. Please refund the second one, or our lawyer will.',
);

describe('explanations', () => {
  it('reasons are plain words, 1–3 of them, each pointing at the message that holds the evidence', () => {
    const result = judge(duplicate);
    expect(result.reasons.length).toBeGreaterThanOrEqual(1);
    expect(result.reasons.length).toBeLessThanOrEqual(3);
    expect(result.reasons[0]).toMatchObject({ text: 'Legal threat', messageIndex: 2, author: 'customer' });
    expect(result.reasons[0]?.quote).toContain('lawyer');
  });

  it('the title states the case with its reference, never the greeting', () => {
    const { caseTitle } = judge(duplicate);
    expect(caseTitle).toMatch(/^Legal threat on INV-20931 — /);
    expect(caseTitle).not.toMatch(/hello|hope/i);
    expect(caseTitle.length).toBeLessThanOrEqual(120);
  });

  it('the need sentence quotes its evidence', () => {
    const result = judge(duplicate);
    expect(result.need).toMatch(/^The customer needs /);
    expect(result.needQuote?.messageIndex).toBe(2);
    expect(result.need).toContain(result.needQuote?.quote ?? '∅');
  });

  it('a close second outcome is named as the runner-up', () => {
    const result = judge(
      chat('c: Third time I am writing: refunds issued in Shopify still do not sync to Xero, ticket #4821 was closed without a fix.'),
    );
    expect(result.outcome).toBe('account_risk');
    expect(result.candidates.map((c) => c.outcome)).toContain('technical_bugs');
    expect(result.candidates[0]?.outcome).toBe('account_risk');
  });

  it('large learnt adjustments change the outcome; small ones do not', () => {
    const messages = chat('c: Feature request: could payment links support Apple Pay? Please pass it to your product team.');
    const input = { messages, tier: 'pro' as const, renewalInDays: null };
    expect(triage(input).outcome).toBe('technical_bugs');
    expect(triage(input, { bias: { 'tech.feature_request': { stay_in_chat: 0.1 } } }).outcome).toBe('technical_bugs');
    const moved = triage(input, { bias: { 'tech.feature_request': { stay_in_chat: 0.9, technical_bugs: -0.2 } } });
    expect(moved.outcome).toBe('stay_in_chat');
    expect(moved.priority).toBeNull();
  });
});
