import { noticeSimilar, relate } from '../../../src/domain/incidents/grouping';
import { problemSignature } from '../../../src/domain/incidents/signature';
import type { TriageMessage } from '../../../src/domain/triage/types';

const customer = (...texts: string[]): TriageMessage[] => texts.map((text, i) => ({ author: 'customer', text, at: i, partId: `p${i}` }));

describe('problem signature', () => {
  it('reads quoted error codes, the failing feature and outage words', () => {
    const keys = problemSignature(customer('Checkout fails for every card since 9am, we get E_PAYMENT_502. Is it down for everyone?'));
    expect(keys).toEqual(expect.arrayContaining(['code:E_PAYMENT_502', 'problem', 'feat:checkout', 'feat:card', 'outage']));
    expect(keys.some((k) => k === 'feat:since' || k === 'feat:every')).toBe(false);
  });

  it('reads "error 503" as a code, but not a bare number or a shouted word', () => {
    expect(problemSignature(customer('We get error 503 from the API.'))).toContain('code:503');
    const plain = problemSignature(customer('Order 503 is late and it is URGENT.'));
    expect(plain.filter((k) => k.startsWith('code:'))).toEqual([]);
  });

  it('has no problem when the customer only asks, or the problem is fixed', () => {
    expect(problemSignature(customer('How do I change the logo on my invoices?'))).not.toContain('problem');
    expect(problemSignature(customer('Checkout was broken this morning.', 'It works again now, thanks!'))).not.toContain('problem');
  });

  it('stays bounded on hostile input', () => {
    const keys = problemSignature(customer(`${'checkout broken E_X_1 '.repeat(5_000)}`));
    expect(keys.filter((k) => k.startsWith('feat:')).length).toBeLessThanOrEqual(10);
    expect(keys.filter((k) => k.startsWith('code:')).length).toBeLessThanOrEqual(4);
  });
});

describe('grouping', () => {
  it('groups on a shared code, on two shared feature words, or on one shared word when both say it is an outage', () => {
    expect(relate(['code:E_PAYMENT_502'], ['code:E_PAYMENT_502', 'problem'])).toEqual({ related: true, shared: 'E_PAYMENT_502' });
    expect(relate(['problem', 'feat:invoice', 'feat:pdf'], ['problem', 'feat:pdf', 'feat:invoice', 'feat:download']).related).toBe(true);
    expect(relate(['problem', 'feat:invoice', 'outage'], ['problem', 'feat:invoice', 'outage']).related).toBe(true);
    expect(relate(['problem', 'feat:invoice'], ['problem', 'feat:invoice', 'feat:rate']).related).toBe(false);
    expect(relate(['feat:invoice', 'feat:pdf'], ['problem', 'feat:invoice', 'feat:pdf']).related).toBe(false);
  });

  it('notices related recent conversations, names what most share and since when', () => {
    const own = ['code:E_PAYMENT_502', 'problem', 'feat:checkout'];
    const others = [
      { conversationId: 'a', keys: ['code:E_PAYMENT_502'], seenAt: 300 },
      { conversationId: 'b', keys: ['code:E_PAYMENT_502', 'problem'], seenAt: 100 },
      { conversationId: 'c', keys: ['problem', 'feat:refund', 'feat:late'], seenAt: 200 },
    ];
    expect(noticeSimilar(own, others, 2)).toEqual({ conversationIds: ['a', 'b'], since: 100, shared: 'E_PAYMENT_502' });
    expect(noticeSimilar(own, others, 3)).toBeNull();
  });
});
