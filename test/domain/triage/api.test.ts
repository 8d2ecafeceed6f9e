import { queueKeyFor, TRIAGE_OUTCOMES, triage, type TriageMessage } from '../../../src/domain/triage';

const customer = (text: string): TriageMessage => ({ author: 'customer', text });

describe('triage engine contract', () => {
  it('maps every outcome onto the app queue keys', () => {
    expect(TRIAGE_OUTCOMES.map(queueKeyFor)).toEqual([null, 'billing_legal', 'technical', 'account_risk', 'vip']);
  });

  it('cannot judge an empty conversation and says so', () => {
    const result = triage({ messages: [], tier: null, renewalInDays: null });
    expect(result).toMatchObject({ judged: false, outcome: 'stay_in_chat', priority: null });
    expect(result.reasons[0]?.text).toMatch(/could not judge/i);
  });

  it('returns a ticket with a priority, reasons pointing at messages, and candidates best first', () => {
    const result = triage({
      messages: [
        { author: 'teammate', text: 'Hi, how can I help?' },
        customer('Hello! You charged us twice for March (INV-20931). Please refund the second charge.'),
      ],
      tier: 'pro',
      renewalInDays: 200,
    });
    expect(result).toMatchObject({ judged: true, outcome: 'billing_legal', priority: 'P2' });
    expect(result.reasons.length).toBeGreaterThanOrEqual(1);
    expect(result.reasons.every((reason) => reason.messageIndex === 1 && reason.author === 'customer')).toBe(true);
    expect(result.candidates[0]).toMatchObject({ outcome: 'billing_legal', priority: 'P2' });
    expect(result.signals).toContain('money.wrong_charge');
    expect(result.caseTitle).toContain('INV-20931');
    expect(result.caseTitle).not.toMatch(/^hello/i);
  });

  it('keeps a stay_in_chat recommendation without a priority', () => {
    const result = triage({
      messages: [customer('Wie kann ich die Rechnungssprache auf Englisch umstellen?')],
      tier: 'standard',
      renewalInDays: null,
    });
    expect(result).toMatchObject({ judged: true, outcome: 'stay_in_chat', priority: null });
  });
});
