/** The team a teammate hands the case to is evidence for its queue (facts-handoff.ts). */
import { rulesOnly } from '../../../src/domain/triage/model/wire';
import { chat, judge, verdict } from './helpers';

const rules = (...args: Parameters<typeof verdict>) => rulesOnly(() => verdict(...args));

describe('teammate handoff', () => {
  it('a charge the customer disputes in words the lexicon lacks goes where the teammate sends it: billing', () => {
    const messages = chat(
      'c: Our gym was debited 79 twice for the studio plan this month, same reference both times.',
      't: I can see both debits. I am passing this to our billing team so they return one.',
    );
    expect(rules(messages)).toEqual({ outcome: 'billing_legal', priority: 'P3' });
    expect(judge(messages).signals).toContain('handoff.billing');
  });

  it('works in the other languages, with the team as a compound or a plain noun', () => {
    expect(rules(chat('c: Die Gebühr für Mai stimmt nicht.', 't: Das gebe ich an unsere Buchhaltung weiter.')).outcome).toBe(
      'billing_legal',
    );
    expect(rules(chat('c: Le montant de mai est étrange.', 't: Je transmets au service facturation.')).outcome).toBe('billing_legal');
    expect(rules(chat('c: El importe de mayo no cuadra.', 't: Lo paso a facturación ahora mismo.')).outcome).toBe('billing_legal');
    expect(rules(chat('c: O valor de maio não bate.', 't: Vou encaminhar para o financeiro.')).outcome).toBe('billing_legal');
  });

  it('a team named as a place in the product hands nothing over', () => {
    const messages = chat(
      'c: Where do I change the card we pay with?',
      't: Settings > Billing > Payment method, then Save.',
      'c: Done, thanks!',
    );
    expect(rules(messages)).toEqual({ outcome: 'stay_in_chat', priority: null });
    expect(judge(messages).signals).not.toContain('handoff.billing');
    expect(rules(chat('c: Onde troco o cartão?', 't: Em Configurações > Faturamento > Cartão.', 'c: Feito, obrigado!')).outcome).toBe(
      'stay_in_chat',
    );
  });

  it('the account team below the enterprise tier owns the relationship; for an enterprise it takes the request', () => {
    const message = chat(
      'c: The new price list is a lot for a team our size.',
      "t: I'll pass this to your account manager to talk it through.",
    );
    expect(rules(message, 'pro')).toEqual({ outcome: 'account_risk', priority: 'P3' });
    const enterprise = chat(
      'c: We need two more sandbox copies for the audit.',
      't: Sandbox copies are done by your enterprise team, sending it over.',
    );
    expect(rules(enterprise, 'enterprise').outcome).toBe('vip_high_tier');
  });

  it('a wish read as a feature request yields to the enterprise team the teammate names', () => {
    const messages = chat(
      'c: Could you add a one-off export of every ticket since 2018 for our data lake? It would be useful by end of quarter.',
      't: Special exports are handled by our enterprise team, I am forwarding it.',
    );
    expect(rules(messages, 'enterprise').outcome).toBe('vip_high_tier');
  });

  it('a teammate who only says the team exists, or denies passing it, hands nothing over', () => {
    expect(
      rules(chat('c: Can I see my invoices?', 't: Yes, under Account > Invoices. No need to pass it to billing.', 'c: ok thanks')).outcome,
    ).toBe('stay_in_chat');
  });
});
