import { noticeSimilar, relate } from '../../../src/domain/incidents/grouping';

describe('grouping', () => {
  it('groups on a shared code whatever else differs', () => {
    expect(relate(['code:E_PAYMENT_502'], ['code:E_PAYMENT_502', 'problem'])).toEqual({ related: true, shared: 'E_PAYMENT_502' });
  });

  it('groups two problems on two pieces of evidence, one of them a shared area or word', () => {
    expect(relate(['problem', 'area:invoice', 'area:pdf'], ['problem', 'area:pdf', 'area:invoice', 'area:download'])).toEqual({
      related: true,
      shared: 'invoice',
    });
    expect(relate(['problem', 'area:api', 'status:503'], ['problem', 'area:api', 'status:503']).related).toBe(true);
    expect(relate(['problem', 'area:webhook', 'slow'], ['problem', 'area:webhook', 'slow']).related).toBe(true);
    expect(relate(['problem', 'area:login', 'outage'], ['problem', 'area:login', 'outage']).related).toBe(true);
    expect(relate(['problem', 'area:accounting', 'feat:xero'], ['problem', 'area:accounting', 'feat:xero']).related).toBe(true);
    expect(relate(['problem', 'area:mobile_app', 'area:ios'], ['problem', 'area:ios', 'area:mobile_app']).shared).toBe('mobile app');
  });

  it('does not group on one shared area, on shared symptoms alone, or without a problem on both sides', () => {
    expect(relate(['problem', 'area:invoice'], ['problem', 'area:invoice', 'area:tax']).related).toBe(false);
    expect(relate(['problem', 'area:api', 'status:500', 'outage'], ['problem', 'area:upload', 'status:500', 'outage']).related).toBe(false);
    expect(relate(['area:invoice', 'area:pdf'], ['problem', 'area:invoice', 'area:pdf']).related).toBe(false);
  });

  it('still reads signatures written before areas existed (words only)', () => {
    expect(relate(['problem', 'feat:invoice', 'feat:pdf'], ['problem', 'feat:pdf', 'feat:invoice']).related).toBe(true);
    expect(relate(['problem', 'feat:invoice', 'outage'], ['problem', 'feat:invoice', 'outage']).related).toBe(true);
  });

  it('notices related recent conversations, names what most share and since when', () => {
    const own = ['code:E_PAYMENT_502', 'problem', 'area:checkout'];
    const others = [
      { conversationId: 'a', keys: ['code:E_PAYMENT_502'], seenAt: 300 },
      { conversationId: 'b', keys: ['code:E_PAYMENT_502', 'problem'], seenAt: 100 },
      { conversationId: 'c', keys: ['problem', 'area:refund', 'feat:late'], seenAt: 200 },
    ];
    expect(noticeSimilar(own, others, 2)).toEqual({ conversationIds: ['a', 'b'], since: 100, shared: 'E_PAYMENT_502' });
    expect(noticeSimilar(own, others, 3)).toBeNull();
  });
});
