import { type FeedbackFact, feedbackStats } from '../../../src/domain/triage-learning';

const fact = (
  suggestedOutcome: FeedbackFact['suggestedOutcome'],
  finalQueue: FeedbackFact['finalQueue'],
  p: [string | null, string] = ['P2', 'P2'],
) => ({ suggestedOutcome, finalQueue, suggestedPriority: p[0], finalPriority: p[1] }) as FeedbackFact;

describe('acceptance figures', () => {
  it('counts kept queues overall and per suggestion, priorities, overrides and the commonest corrections', () => {
    const stats = feedbackStats([
      fact('technical_bugs', 'technical'),
      fact('technical_bugs', 'billing_legal', ['P2', 'P3']),
      fact('technical_bugs', 'billing_legal'),
      fact('billing_legal', 'billing_legal', ['P3', 'P3']),
      fact('stay_in_chat', 'account_risk', [null, 'P3']),
      fact('account_risk', 'vip', ['P3', 'P1']),
    ]);
    expect(stats.queue).toEqual({ accepted: 2, total: 6 });
    expect(stats.priority).toEqual({ accepted: 3, total: 5 });
    expect(stats.keepInChatOverridden).toBe(1);
    expect(stats.bySuggestion[0]).toEqual({ outcome: 'technical_bugs', rate: { accepted: 1, total: 3 } });
    expect(stats.corrections[0]).toEqual({ from: 'technical_bugs', to: 'billing_legal', count: 2 });
    expect(stats.corrections).toHaveLength(3);
  });

  it('is empty without feedback', () => {
    expect(feedbackStats([])).toMatchObject({ queue: { accepted: 0, total: 0 }, corrections: [], keepInChatOverridden: 0 });
  });

  it('lists suggestions by how often they were made, and corrections by count, then by outcome and queue', () => {
    const stats = feedbackStats([
      fact('billing_legal', 'technical'),
      fact('technical_bugs', 'vip'),
      fact('technical_bugs', 'account_risk'),
      fact('technical_bugs', 'account_risk'),
      fact('account_risk', 'default'),
      fact('account_risk', 'billing_legal'),
    ]);
    expect(stats.bySuggestion.map((s) => [s.outcome, s.rate.total])).toEqual([
      ['technical_bugs', 3],
      ['account_risk', 2],
      ['billing_legal', 1],
    ]);
    expect(stats.corrections.map((c) => `${c.from}>${c.to}:${c.count}`)).toEqual([
      'technical_bugs>account_risk:2',
      'account_risk>billing_legal:1',
      'account_risk>default:1',
      'billing_legal>technical:1',
      'technical_bugs>vip:1',
    ]);
    expect(feedbackStats([fact('technical_bugs', 'account_risk'), fact('billing_legal', 'vip')], 1).corrections).toEqual([
      { from: 'billing_legal', to: 'vip', count: 1 },
    ]);
  });
});
