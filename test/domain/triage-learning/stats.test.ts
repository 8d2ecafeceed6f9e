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
});
