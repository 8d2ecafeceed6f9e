import type { TriageOutcome } from '../../../src/domain/triage';
import {
  createLearner,
  DEFAULT_LEARNER_OPTIONS,
  type LearningExample,
  learnAdjustments,
  outcomeForQueue,
} from '../../../src/domain/triage-learning';

/** An executive's complaint as the engine scores it: Account Risk wins, VIP is the next step in line. */
const EXEC: Omit<LearningExample, 'label'> = {
  signals: ['risk.executive', 'risk.frustration'],
  baseScores: { account_risk: 1, vip_high_tier: 0.6, stay_in_chat: 0.3 },
};
const REFUND: Omit<LearningExample, 'label'> = { signals: ['money.refund_ask'], baseScores: { billing_legal: 1, stay_in_chat: 0.3 } };

const times = (n: number, example: LearningExample) => Array.from({ length: n }, () => example);

describe('per-workspace learning', () => {
  it('learns nothing from a workspace that routes as the policy does', () => {
    expect(
      learnAdjustments([...times(20, { ...EXEC, label: 'account_risk' }), ...times(20, { ...REFUND, label: 'billing_legal' })]),
    ).toEqual({
      bias: {},
    });
  });

  it('tips a consistent correction only after the minimum count, and then predicts it', () => {
    const learner = createLearner();
    const corrected: LearningExample = { ...EXEC, label: 'vip_high_tier' };
    for (let i = 0; i < DEFAULT_LEARNER_OPTIONS.minCount - 1; i++) learner.observe(corrected);
    expect(learner.adjustments()).toEqual({ bias: {} });
    expect(learner.predict(EXEC.signals, EXEC.baseScores)).toBe('account_risk');
    for (let i = 0; i < 10; i++) learner.observe(corrected);
    const bias = learner.adjustments().bias;
    expect(bias['risk.executive']?.vip_high_tier).toBeGreaterThan(0);
    expect(bias['risk.executive']?.account_risk).toBeLessThan(0);
    expect(learner.predict(EXEC.signals, EXEC.baseScores)).toBe('vip_high_tier');
    // The refund signal never fired in these examples: its cases are untouched.
    expect(bias['money.refund_ask']).toBeUndefined();
    expect(learner.predict(REFUND.signals, REFUND.baseScores)).toBe('billing_legal');
  });

  it('caps every bias, however many corrections pile up', () => {
    const bias = learnAdjustments(times(500, { ...EXEC, label: 'stay_in_chat' })).bias;
    for (const row of Object.values(bias)) {
      for (const value of Object.values(row)) expect(Math.abs(value ?? 0)).toBeLessThanOrEqual(DEFAULT_LEARNER_OPTIONS.cap);
    }
  });

  it('lets an old habit fade once the workspace routes by the policy again', () => {
    const learner = createLearner();
    for (const e of times(30, { ...EXEC, label: 'vip_high_tier' })) learner.observe(e);
    expect(learner.predict(EXEC.signals, EXEC.baseScores)).toBe('vip_high_tier');
    for (const e of times(60, { ...EXEC, label: 'account_risk' })) learner.observe(e);
    expect(learner.predict(EXEC.signals, EXEC.baseScores)).toBe('account_risk');
  });

  it('cannot route to an outcome the engine did not consider (no score to adjust)', () => {
    const learner = createLearner();
    for (const e of times(50, { ...REFUND, label: 'technical_bugs' as TriageOutcome })) learner.observe(e);
    expect(learner.predict(REFUND.signals, REFUND.baseScores)).toBe('billing_legal');
  });

  it('reads the agent’s queue as the outcome, and the catch-all queue as no label', () => {
    expect(outcomeForQueue('technical')).toBe('technical_bugs');
    expect(outcomeForQueue('vip')).toBe('vip_high_tier');
    expect(outcomeForQueue('billing_legal')).toBe('billing_legal');
    expect(outcomeForQueue('account_risk')).toBe('account_risk');
    expect(outcomeForQueue('default')).toBeNull();
  });
});
