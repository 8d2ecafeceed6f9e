import { triage, type TriageInput } from '../../../../src/domain/triage';
import { PRECEDENCE_SIGNALS } from '../../../../src/domain/triage/model/blend';
import { rulesOnly, withModel } from '../../../../src/domain/triage/model/wire';

const input = (text: string, tier: TriageInput['tier'] = 'pro'): TriageInput => ({
  messages: [
    { author: 'teammate', text: 'Hello, what can I do for you?' },
    { author: 'customer', text },
  ],
  tier,
  renewalInDays: null,
});

describe('triage with the model wired in', () => {
  it('returns the rules decision untouched when a precedence step decided it', () => {
    const legal = input('You charged us twice. If this is not refunded by Friday our lawyer will take legal action.');
    const byRules = rulesOnly(() => triage(legal));
    expect(byRules.signals.some((s) => PRECEDENCE_SIGNALS.includes(s))).toBe(true);
    expect(triage(legal)).toEqual(byRules);
  });

  it('leaves unjudged conversations alone', () => {
    const empty: TriageInput = { messages: [{ author: 'teammate', text: 'Hi' }], tier: null, renewalInDays: null };
    expect(triage(empty)).toEqual(rulesOnly(() => triage(empty)));
  });

  it('keeps the rules when the workspace has learnt routing for a fact that fired', () => {
    const chat = input('You charged us twice for March (INV-20931). Please refund the second charge.');
    const byRules = rulesOnly(() => triage(chat));
    expect(byRules.signals).toContain('money.wrong_charge');
    const learnt = { bias: { 'money.wrong_charge': { account_risk: 0.2 } } };
    const adjusted = rulesOnly(() => triage(chat, learnt));
    // The learnt routing stands exactly as the rules applied it: the teammates' correction outranks wording statistics.
    expect(withModel(chat, adjusted, learnt)).toBe(adjusted);
    expect(triage(chat, learnt)).toEqual(adjusted);
  });

  it('is deterministic and keeps the contract: priority null iff staying in chat, 1–3 reasons', () => {
    for (const text of ['Our invoice shows a seat we never ordered', 'Where do I change my password?', 'We are thinking about leaving']) {
      const a = triage(input(text));
      expect(triage(input(text))).toEqual(a);
      expect(a.priority === null).toBe(a.outcome === 'stay_in_chat');
      expect(a.reasons.length).toBeGreaterThanOrEqual(1);
      expect(a.reasons.length).toBeLessThanOrEqual(3);
    }
  });
});
