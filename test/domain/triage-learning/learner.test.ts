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

  it('shares one correction among the fired signals, so it moves each outcome by the rate however many fired', () => {
    const once = { ...DEFAULT_LEARNER_OPTIONS, minCount: 1, decay: 0 };
    expect(learnAdjustments([{ ...EXEC, label: 'vip_high_tier' }], once)).toEqual({
      bias: {
        'risk.executive': { account_risk: -0.05, vip_high_tier: 0.05 },
        'risk.frustration': { account_risk: -0.05, vip_high_tier: 0.05 },
      },
    });
    expect(learnAdjustments([{ ...REFUND, label: 'stay_in_chat' }], once)).toEqual({
      bias: { 'money.refund_ask': { billing_legal: -0.1, stay_in_chat: 0.1 } },
    });
  });

  it('applies a signal from its minimum count on, however strongly it was corrected before', () => {
    const learner = createLearner({ ...DEFAULT_LEARNER_OPTIONS, rate: 1, decay: 0 });
    const corrected: LearningExample = { ...EXEC, label: 'vip_high_tier' };
    learner.observe(corrected);
    learner.observe(corrected);
    // Each signal already carries the full ±0.5 cap, enough to flip the case, but has been seen only twice.
    expect(learner.predict(EXEC.signals, EXEC.baseScores)).toBe('account_risk');
    learner.observe(corrected);
    expect(learner.predict(EXEC.signals, EXEC.baseScores)).toBe('vip_high_tier');
    expect(learner.adjustments().bias['risk.executive']).toEqual({ account_risk: -0.5, vip_high_tier: 0.5 });
  });

  it('strengthens a close call the agents confirm, and stops once the lead is past the margin', () => {
    const close: LearningExample = {
      signals: ['tech.error_code'],
      baseScores: { billing_legal: 1, technical_bugs: 0.95 },
      label: 'billing_legal',
    };
    const learner = createLearner({ ...DEFAULT_LEARNER_OPTIONS, minCount: 1, decay: 0 });
    learner.observe(close);
    expect(learner.adjustments()).toEqual({ bias: { 'tech.error_code': { billing_legal: 0.1, technical_bugs: -0.1 } } });
    // Now 0.25 ahead, past the 0.1 margin: a further confirmation teaches nothing.
    learner.observe(close);
    expect(learner.adjustments()).toEqual({ bias: { 'tech.error_code': { billing_legal: 0.1, technical_bugs: -0.1 } } });
  });

  it('still learns from a lead exactly at the margin', () => {
    const atMargin: LearningExample = {
      signals: ['money.refund_ask'],
      baseScores: { billing_legal: 1, stay_in_chat: 0.5 },
      label: 'billing_legal',
    };
    const learned = learnAdjustments([atMargin], { ...DEFAULT_LEARNER_OPTIONS, minCount: 1, decay: 0, margin: 0.5 });
    expect(learned.bias['money.refund_ask']).toEqual({ billing_legal: 0.1, stay_in_chat: -0.1 });
  });

  it('lets every bias fade while the workspace corrects other things, and drops it once it is negligible', () => {
    const options = { ...DEFAULT_LEARNER_OPTIONS, minCount: 1, decay: 0.5 };
    const asPolicy = (n: number) => times(n, { ...REFUND, label: 'billing_legal' });
    const corrected: LearningExample = { ...EXEC, label: 'vip_high_tier' };
    // 0.05 halved once per later example: 0.025 after one, 0.0016 after five, under 0.001 after six.
    expect(learnAdjustments([corrected, ...asPolicy(1)], options).bias['risk.executive']).toEqual({
      account_risk: -0.025,
      vip_high_tier: 0.025,
    });
    expect(learnAdjustments([corrected, ...asPolicy(5)], options).bias['risk.executive']).toEqual({
      account_risk: -0.002,
      vip_high_tier: 0.002,
    });
    expect(learnAdjustments([corrected, ...asPolicy(6)], options)).toEqual({ bias: {} });
  });

  it('keeps a bias of exactly 0.001, the smallest it reports', () => {
    const learned = learnAdjustments([{ ...REFUND, label: 'stay_in_chat' }], {
      ...DEFAULT_LEARNER_OPTIONS,
      minCount: 1,
      decay: 0,
      rate: 0.001,
    });
    expect(learned.bias['money.refund_ask']).toEqual({ billing_legal: -0.001, stay_in_chat: 0.001 });
  });
});
