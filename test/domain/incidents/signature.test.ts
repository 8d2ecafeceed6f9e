import { MAX_AREAS, MAX_CODES, MAX_FEATURES, problemSignature } from '../../../src/domain/incidents/signature';
import type { TriageMessage } from '../../../src/domain/triage/types';

const customer = (...texts: string[]): TriageMessage[] => texts.map((text, i) => ({ author: 'customer', text, at: i, partId: `p${i}` }));
const areas = (keys: readonly string[]) => keys.filter((k) => k.startsWith('area:')).sort();

describe('problem signature', () => {
  it('reads quoted error codes, the failing areas and outage words', () => {
    const keys = problemSignature(customer('Checkout fails for every card since 9am, we get E_PAYMENT_502. Is it down for everyone?'));
    expect(keys).toEqual(
      expect.arrayContaining(['code:E_PAYMENT_502', 'status:502', 'problem', 'area:checkout', 'area:card', 'area:payment', 'outage']),
    );
    expect(keys.some((k) => k === 'feat:since' || k === 'feat:every' || k === 'feat:checkout')).toBe(false);
  });

  it('names the same areas in all five languages', () => {
    const english = areas(problemSignature(customer('The checkout is broken, card payments fail.')));
    expect(english).toEqual(['area:card', 'area:checkout', 'area:payment']);
    for (const text of [
      'Die Kasse ist kaputt, Kartenzahlungen schlagen fehl.',
      'La page de paiement ne fonctionne pas, les paiements par carte échouent.',
      'La página de pago no funciona, los pagos con tarjeta fallan.',
      'A página de pagamento não funciona, os pagamentos com cartão falham.',
    ])
      expect(areas(problemSignature(customer(text)))).toEqual(english);
  });

  it('reads "payment 502" and "HTTP 502 on checkout" as the status of E_PAYMENT_502', () => {
    expect(problemSignature(customer('Checkout broken, we only see payment 502.'))).toContain('status:502');
    expect(problemSignature(customer('HTTP 502 on checkout for all customers.'))).toContain('status:502');
  });

  it('reads a negated "works" as a problem, and slowness as its own symptom', () => {
    expect(problemSignature(customer('Der Export funktioniert nicht.'))).toEqual(['problem', 'area:export']);
    expect(problemSignature(customer('Webhooks arrivent avec des heures de retard.'))).toContain('slow');
    expect(problemSignature(customer('The webhook fails.'))).not.toContain('slow');
  });

  it('has no problem when the customer only asks, or the problem is fixed', () => {
    expect(problemSignature(customer('How do I change the logo on my invoices?'))).not.toContain('problem');
    expect(problemSignature(customer('Where do I find the webhook secret in the dashboard?'))).not.toContain('problem');
    expect(problemSignature(customer('Checkout was broken this morning.', 'It works again now, thanks!'))).not.toContain('problem');
  });

  it('stays bounded on hostile input', () => {
    const words = 'checkout invoice login webhook dashboard payout refund label printer calendar upload search export';
    const keys = problemSignature(customer(`${`${words} broken E_X_1 error 503 `.repeat(2_000)}`));
    expect(keys.filter((k) => k.startsWith('feat:')).length).toBeLessThanOrEqual(MAX_FEATURES);
    expect(keys.filter((k) => k.startsWith('area:')).length).toBeLessThanOrEqual(MAX_AREAS);
    expect(keys.filter((k) => k.startsWith('code:')).length).toBeLessThanOrEqual(MAX_CODES);
    expect(keys.filter((k) => k.startsWith('status:')).length).toBeLessThanOrEqual(MAX_CODES);
  });
});
