import type { QueueKey } from '../../../src/domain/model';
import { describeRecommendation, preselection, reasonPrefill } from '../../../src/domain/recommendation';
import type { TriageMessage, TriageRecommendation } from '../../../src/domain/triage';

const LABELS: Record<QueueKey, string> = {
  vip: 'VIP',
  technical: 'Technical / Bugs',
  account_risk: 'Account Risk',
  billing_legal: 'Billing / Legal',
  default: 'General',
};
const labels = (q: QueueKey) => LABELS[q];
const AT = Date.UTC(2026, 10, 18, 10, 32);
const MESSAGES: TriageMessage[] = [
  { author: 'customer', text: 'I was charged twice on INV-20931, refund it or my lawyer calls', at: AT },
  { author: 'teammate', text: 'Looking', at: null },
];

function rec(overrides: Partial<TriageRecommendation> = {}): TriageRecommendation {
  return {
    judged: true,
    outcome: 'billing_legal',
    priority: 'P2',
    reasons: [
      { text: 'Charge taken wrongly', messageIndex: 0, author: 'customer', quote: 'I was charged twice on INV-20931' },
      { text: 'Agent is looking', messageIndex: 1, author: 'teammate', quote: '' },
    ],
    confidence: 0.8,
    runnerUp: null,
    candidates: [
      { outcome: 'billing_legal', priority: 'P2', score: 1 },
      { outcome: 'technical_bugs', priority: 'P3', score: 0.6 },
      { outcome: 'stay_in_chat', priority: null, score: 0.3 },
    ],
    signals: ['money.duplicate_charge'],
    caseTitle: 'Duplicate charge on INV-20931',
    need: 'A refund of the duplicate charge.',
    needQuote: { messageIndex: 0, quote: 'I was charged twice' },
    ...overrides,
  };
}

describe('the recommendation in the teammate’s words', () => {
  it('names the queue and priority and points each reason at its message, in the workspace zone', () => {
    const view = describeRecommendation(rec(), MESSAGES, labels, 'Europe/Berlin');
    expect(view).toMatchObject({ kind: 'escalate', headline: 'Escalate → Billing / Legal · P2', closeCall: null });
    expect(view.reasons.map((r) => r.source)).toEqual(['customer, 11:32', 'teammate, message 2']);
  });

  it('names the runner-up on a close call', () => {
    const runnerUp = { outcome: 'account_risk' as const, priority: 'P3' as const, score: 0.9 };
    expect(describeRecommendation(rec({ runnerUp }), MESSAGES, labels, 'UTC').closeCall).toBe('Close call: runner-up Account Risk · P3');
  });

  it('says "keep in chat" and "could not judge" plainly', () => {
    const keep = rec({ outcome: 'stay_in_chat', priority: null });
    expect(describeRecommendation(keep, MESSAGES, labels, 'UTC')).toMatchObject({ kind: 'keep', headline: 'Keep in chat' });
    const unjudged = rec({
      judged: false,
      outcome: 'stay_in_chat',
      priority: null,
      runnerUp: { outcome: 'vip_high_tier', priority: 'P2', score: 0 },
    });
    expect(describeRecommendation(unjudged, MESSAGES, labels, 'UTC')).toMatchObject({
      kind: 'unjudged',
      headline: 'Could not judge this conversation',
      closeCall: null,
    });
  });

  it('preselects the recommended ticket, or for "keep in chat" the best ticket the engine considered', () => {
    expect(preselection(rec())).toEqual({ queue: 'billing_legal', priority: 'P2' });
    expect(preselection(rec({ outcome: 'stay_in_chat', priority: null }))).toEqual({ queue: 'billing_legal', priority: 'P2' });
    const nothing = rec({ outcome: 'stay_in_chat', priority: null, candidates: [{ outcome: 'stay_in_chat', priority: null, score: 1 }] });
    expect(preselection(nothing)).toEqual({ queue: 'default', priority: 'P3' });
  });

  it('prefills the reason as sentences with quoted evidence, never a keyword list', () => {
    const prefill = reasonPrefill(describeRecommendation(rec(), MESSAGES, labels, 'UTC'));
    expect(prefill).toBe(
      'Recommended: Billing / Legal · P2.\n- Charge taken wrongly ("I was charged twice on INV-20931", customer, 10:32)\n- Agent is looking (teammate, message 2)',
    );
    const keep = reasonPrefill(describeRecommendation(rec({ outcome: 'stay_in_chat', priority: null }), MESSAGES, labels, 'UTC'));
    expect(keep).toBe('The app suggested keeping this in chat (Charge taken wrongly). Escalating because: ');
  });

  it('shows at most three reasons, and points a reason whose message is missing at its number', () => {
    const reason = (text: string, messageIndex: number) => ({ text, messageIndex, author: 'customer' as const, quote: '' });
    const four = rec({ reasons: [reason('one', 0), reason('two', 1), reason('three', 5), reason('four', 0)] });
    const view = describeRecommendation(four, MESSAGES, labels, 'UTC');
    expect(view.reasons.map((r) => `${r.text} (${r.source})`)).toEqual([
      'one (customer, 10:32)',
      'two (teammate, message 2)',
      'three (customer, message 6)',
    ]);
  });

  it('says "message N", not a time in 1970, for a message whose time is zero', () => {
    const unset: TriageMessage[] = [{ author: 'customer', text: 'hello', at: 0 }];
    const view = describeRecommendation(
      rec({ reasons: [{ text: 'Asked', messageIndex: 0, author: 'customer', quote: '' }] }),
      unset,
      labels,
      'UTC',
    );
    expect(view.reasons[0]?.source).toBe('customer, message 1');
  });

  it('names a runner-up "keep in chat" without a priority', () => {
    const runnerUp = { outcome: 'stay_in_chat' as const, priority: null, score: 0.9 };
    const view = describeRecommendation(rec({ runnerUp }), MESSAGES, labels, 'UTC');
    expect(view.closeCall).toBe('Close call: runner-up Keep in chat');
  });

  it('preselects P3 for a ticket outcome that carries no priority', () => {
    expect(preselection(rec({ priority: null }))).toEqual({ queue: 'billing_legal', priority: 'P3' });
    const candidates = [{ outcome: 'technical_bugs' as const, priority: null, score: 1 }];
    expect(preselection(rec({ outcome: 'stay_in_chat', priority: null, candidates }))).toEqual({ queue: 'technical', priority: 'P3' });
  });

  it('preselects the recommended ticket over a better-scored candidate, but not when it could not judge', () => {
    const candidates = [
      { outcome: 'account_risk' as const, priority: 'P1' as const, score: 1 },
      { outcome: 'technical_bugs' as const, priority: 'P2' as const, score: 0.9 },
    ];
    expect(preselection(rec({ outcome: 'technical_bugs', priority: 'P2', candidates }))).toEqual({ queue: 'technical', priority: 'P2' });
    const unjudged = rec({ judged: false, outcome: 'technical_bugs', priority: 'P2', candidates });
    expect(preselection(unjudged)).toEqual({ queue: 'account_risk', priority: 'P1' });
  });

  it('prefills "could not judge", and leaves out the reason when there is none', () => {
    const unjudged = rec({ judged: false, outcome: 'stay_in_chat', priority: null });
    expect(reasonPrefill(describeRecommendation(unjudged, MESSAGES, labels, 'UTC'))).toBe(
      'The app could not judge this conversation (Charge taken wrongly). Escalating because: ',
    );
    const bare = rec({ outcome: 'stay_in_chat', priority: null, reasons: [] });
    expect(reasonPrefill(describeRecommendation(bare, MESSAGES, labels, 'UTC'))).toBe(
      'The app suggested keeping this in chat. Escalating because: ',
    );
  });

  it('quotes evidence on one line, whole up to 140 characters and cut with an ellipsis beyond', () => {
    const prefillQuoting = (quote: string) => {
      const reasons = [{ text: 'Said', messageIndex: 0, author: 'customer' as const, quote }];
      return reasonPrefill(describeRecommendation(rec({ reasons }), MESSAGES, labels, 'UTC')).split('\n')[1];
    };
    expect(prefillQuoting('  refund\n\n  it   now  ')).toBe('- Said ("refund it now", customer, 10:32)');
    const exact = 'x'.repeat(140);
    expect(prefillQuoting(exact)).toBe(`- Said ("${exact}", customer, 10:32)`);
    // Cut at 139 characters; the cut falls just after a space, which does not stay before the ellipsis.
    expect(prefillQuoting(`${'a'.repeat(138)} tail`)).toBe(`- Said ("${'a'.repeat(138)}…", customer, 10:32)`);
  });
});
