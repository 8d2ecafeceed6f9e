import type { TriageOutcome, TriageRecommendation } from '../../../../src/domain/triage';
import { BLEND_DEFAULTS, blendBranch, blendOutcome, PRECEDENCE_SIGNALS } from '../../../../src/domain/triage/model/blend';
import type { TriageModelScores } from '../../../../src/domain/triage/model/index';

/** Hand-set model scores: the blend's logic is tested apart from what a trained model happens to say. */
function scores(best: TriageOutcome, p: number, evidenceIndex = 1): TriageModelScores {
  const rest = (1 - p) / 4;
  const probability = { stay_in_chat: rest, billing_legal: rest, technical_bugs: rest, account_risk: rest, vip_high_tier: rest };
  probability[best] = p;
  return { probability, best, evidenceFor: () => ({ messageIndex: evidenceIndex, quote: 'the export screen is blank since Monday' }) };
}

function rules(over: Partial<TriageRecommendation>): TriageRecommendation {
  return {
    judged: true,
    outcome: 'stay_in_chat',
    priority: null,
    reasons: [{ text: 'Nothing in the chat needs another team', messageIndex: 1, author: 'customer', quote: 'hello' }],
    confidence: 1,
    runnerUp: null,
    candidates: [{ outcome: 'stay_in_chat', priority: null, score: 1 }],
    signals: [],
    caseTitle: 'Keep in chat: nothing to escalate',
    need: 'The customer needs an answer the agent can give in this chat.',
    needQuote: null,
    ...over,
  };
}

const billingTicket = rules({
  outcome: 'billing_legal',
  priority: 'P2',
  candidates: [
    { outcome: 'billing_legal', priority: 'P2', score: 1 },
    { outcome: 'technical_bugs', priority: 'P1', score: 0.6 },
    { outcome: 'stay_in_chat', priority: null, score: 0.3 },
  ],
  signals: ['money.wrong_charge'],
});

describe('blendOutcome', () => {
  it.each(PRECEDENCE_SIGNALS)('never changes a decision taken by precedence (%s), however sure the model is', (signal) => {
    const rec = rules({
      outcome: 'billing_legal',
      priority: 'P1',
      signals: [signal],
      candidates: [{ outcome: 'billing_legal', priority: 'P1', score: 1 }],
    });
    for (const outcome of ['stay_in_chat', 'technical_bugs', 'account_risk'] as const) {
      expect(blendBranch(rec, scores(outcome, 0.99))).toBe('precedence');
      expect(blendOutcome(rec, scores(outcome, 0.99))).toBe(rec);
    }
  });

  it('leaves an unjudged conversation alone', () => {
    const rec = rules({ judged: false, confidence: 0 });
    expect(blendOutcome(rec, scores('technical_bugs', 0.99))).toBe(rec);
  });

  it('fills the gap when the rules found nothing and the model is confident, at the policy P3 when the rules had no price', () => {
    const rec = rules({});
    expect(blendBranch(rec, scores('technical_bugs', 0.55))).toBe('fill_gap');
    const out = blendOutcome(rec, scores('technical_bugs', 0.55));
    expect(out).toMatchObject({ outcome: 'technical_bugs', priority: 'P3', confidence: 0.55 });
    expect(out.reasons).toEqual([
      {
        text: 'Reads like a product fault for the technical team (similar wording: “the export screen is blank since Monday”)',
        messageIndex: 1,
        author: 'customer',
        quote: 'the export screen is blank since Monday',
      },
    ]);
    expect(out.caseTitle).toBe('Possible product fault: the export screen is blank since Monday');
    expect(out.needQuote).toEqual({ messageIndex: 1, quote: 'the export screen is blank since Monday' });
    expect(out.candidates[0]).toEqual({ outcome: 'technical_bugs', priority: 'P3', score: 0.55 });
    expect(out.runnerUp).toEqual({ outcome: 'stay_in_chat', priority: null, score: 1 });
  });

  it('keeps the rules when the gap-filling model is below its threshold or itself says stay', () => {
    const rec = rules({});
    const unsure = scores('billing_legal', BLEND_DEFAULTS.threshold - 0.05);
    expect(blendBranch(rec, unsure)).toBe('keep_rules');
    expect(blendOutcome(rec, unsure)).toBe(rec);
    expect(blendOutcome(rec, scores('stay_in_chat', 0.9))).toBe(rec);
  });

  it('treats a stay the rules grounded in a fact (a how-to question) as decided: only a very sure model overrules it', () => {
    const rec = rules({ signals: ['chat.howto'] });
    expect(blendOutcome(rec, scores('billing_legal', 0.6))).toBe(rec);
    const overruled = blendOutcome(rec, scores('billing_legal', 0.8));
    expect(blendBranch(rec, scores('billing_legal', 0.8))).toBe('overrule');
    expect(overruled).toMatchObject({ outcome: 'billing_legal', priority: 'P3' });
  });

  it('by default never swaps one team for another: which team turns on rules the model does not know', () => {
    expect(blendBranch(billingTicket, scores('technical_bugs', 0.99))).toBe('keep_rules');
    expect(blendOutcome(billingTicket, scores('technical_bugs', 0.99))).toBe(billingTicket);
  });

  it('when allowed to swap teams, does so only above the overrule threshold, at the priority the rules gave that queue', () => {
    const swap = { ...BLEND_DEFAULTS, switchQueues: true };
    expect(blendOutcome(billingTicket, scores('technical_bugs', 0.65), swap)).toBe(billingTicket);
    const out = blendOutcome(billingTicket, scores('technical_bugs', 0.9), swap);
    expect(out).toMatchObject({ outcome: 'technical_bugs', priority: 'P1' });
    expect(out.runnerUp).toEqual({ outcome: 'billing_legal', priority: 'P2', score: 1 });
    expect(out.signals).toEqual(billingTicket.signals);
  });

  it('sends to the vip queue only an enterprise customer, as the policy says', () => {
    expect(blendOutcome(rules({}), scores('vip_high_tier', 0.9), BLEND_DEFAULTS, 'pro').outcome).toBe('stay_in_chat');
    expect(blendOutcome(rules({}), scores('vip_high_tier', 0.9), BLEND_DEFAULTS, 'enterprise')).toMatchObject({
      outcome: 'vip_high_tier',
      priority: 'P3',
    });
  });

  it('overrules a ticket back into the chat with no priority', () => {
    const out = blendOutcome(billingTicket, scores('stay_in_chat', 0.95));
    expect(out).toMatchObject({ outcome: 'stay_in_chat', priority: null });
    expect(out.reasons[0]?.text).toMatch(/^Reads like something the chat can settle/);
  });

  it('never overrules when overrule is switched off, and agreeing with the rules changes nothing', () => {
    expect(blendOutcome(billingTicket, scores('stay_in_chat', 0.99), { ...BLEND_DEFAULTS, overrule: null })).toBe(billingTicket);
    expect(blendOutcome(billingTicket, scores('billing_legal', 0.99))).toBe(billingTicket);
  });
});
