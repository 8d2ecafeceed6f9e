/** One case per step of the triage policy, each in two languages. */
import { chat, verdict } from './helpers';

describe('policy step 1: what stays in chat', () => {
  it('a how-to answered in the session', () => {
    expect(
      verdict(chat('c: How do I add a second webhook endpoint?', 't: Developers → Webhooks → Add endpoint.', 'c: Got it working, thanks!')),
    ).toEqual({ outcome: 'stay_in_chat', priority: null });
    expect(
      verdict(chat('c: Wie kann ich die Rechnungssprache umstellen?', 't: Unter Einstellungen → Rechnungen.', 'c: Hat geklappt, danke!')),
    ).toEqual({ outcome: 'stay_in_chat', priority: null });
  });

  it('a routine account update, even with "legal name" in it', () => {
    expect(
      verdict(
        chat(
          'c: Our legal entity name changed. Can future invoices show the new legal name?',
          't: Updated on your billing profile.',
          'c: great, thank you',
        ),
      ),
    ).toEqual({ outcome: 'stay_in_chat', priority: null });
    expect(verdict(chat('c: Pouvez-vous envoyer les prochaines factures à compta@exemple.fr ?', "t: C'est fait.", 'c: Merci !'))).toEqual({
      outcome: 'stay_in_chat',
      priority: null,
    });
  });

  it('tier and a close renewal alone never create a ticket', () => {
    expect(
      verdict(
        chat('c: Where can I download your standard DPA?', 't: Here: https://trust.example.com/dpa', "c: That's all, thanks!"),
        'enterprise',
        20,
      ).outcome,
    ).toBe('stay_in_chat');
    expect(
      verdict(
        chat('c: ¿Dónde puedo descargar vuestro DPA estándar?', 't: Aquí: https://trust.example.com/dpa', 'c: Perfecto, gracias'),
        'enterprise',
        20,
      ).outcome,
    ).toBe('stay_in_chat');
  });
});

describe('policy step 2: legal threat or data-protection request → billing_legal', () => {
  it('a lawyer or a regulator is a legal threat, P1', () => {
    expect(verdict(chat('c: Refund the €2,400 by Friday or our lawyer will take it from there.'))).toEqual({
      outcome: 'billing_legal',
      priority: 'P1',
    });
    expect(verdict(chat('c: Se até sexta o estorno não cair eu vou registrar reclamação no Procon.'))).toEqual({
      outcome: 'billing_legal',
      priority: 'P1',
    });
  });

  it('a data-subject request is billing_legal, routine P3', () => {
    expect(verdict(chat('c: Under GDPR article 17 please erase all personal data of j.weber@example.com.'))).toEqual({
      outcome: 'billing_legal',
      priority: 'P3',
    });
    expect(verdict(chat('c: Hiermit machen wir von unserem Auskunftsrecht nach Art. 15 DSGVO Gebrauch.'))).toEqual({
      outcome: 'billing_legal',
      priority: 'P3',
    });
  });

  it('a DPA that differs from the standard one', () => {
    expect(verdict(chat('c: Our legal team has redlines on the audit clauses of your standard DPA. Who handles this?')).outcome).toBe(
      'billing_legal',
    );
    expect(
      verdict(
        chat('c: Nuestro departamento legal no acepta vuestro DPA estándar: necesitamos firmar el nuestro, con cláusulas de auditoría.'),
      ).outcome,
    ).toBe('billing_legal');
  });
});

describe('policy step 3: multi-customer outage or data loss → technical_bugs P1', () => {
  it('an outage the teammate confirms for other merchants', () => {
    const expected = { outcome: 'technical_bugs', priority: 'P1' };
    expect(
      verdict(
        chat(
          'c: checkout is throwing 503 for every card payment right now',
          't: We have an active incident on our status page; several merchants are affected.',
        ),
      ),
    ).toEqual(expected);
    expect(
      verdict(
        chat('c: Seit 10 Uhr gehen keine Kartenzahlungen mehr durch.', 't: Wir haben gerade eine Störung, viele Händler sind betroffen.'),
      ),
    ).toEqual(expected);
  });

  it('data the product lost', () => {
    expect(verdict(chat('c: After last night’s update around 900 contacts are just gone. They are not in Trash.'))).toEqual({
      outcome: 'technical_bugs',
      priority: 'P1',
    });
    expect(
      verdict(chat('c: Nach dem Update fehlen sämtliche Termine vom März. Gelöscht hat die niemand, im Papierkorb sind sie auch nicht.')),
    ).toEqual({ outcome: 'technical_bugs', priority: 'P1' });
  });
});

describe('policy step 4: a money dispute with us → billing_legal', () => {
  it('a duplicate charge with a refund asked is money taken wrongly, P2', () => {
    expect(verdict(chat('c: We were charged twice for October: INV-20931 and INV-20944. Please refund the second one.'))).toEqual({
      outcome: 'billing_legal',
      priority: 'P2',
    });
    expect(verdict(chat('c: Vous nous avez débité deux fois ce mois-ci. Merci de nous rembourser.'))).toEqual({
      outcome: 'billing_legal',
      priority: 'P2',
    });
  });

  it('a goodwill refund of a valid charge is P3', () => {
    expect(verdict(chat('c: totally my fault, I forgot to cancel the trial and got charged $29. any chance of a refund?'))).toEqual({
      outcome: 'billing_legal',
      priority: 'P3',
    });
    expect(verdict(chat('c: Olvidé cancelar la prueba y me cobraron 49 €. ¿Me lo podríais devolver, por favor?'))).toEqual({
      outcome: 'billing_legal',
      priority: 'P3',
    });
  });
});

describe('policy step 5: relationship risk → account_risk', () => {
  it('churn with no money at stake', () => {
    expect(
      verdict(
        chat("c: We'll stop using you at the end of this month; we found a tool that does what we need. Monthly plan, nothing to refund."),
      ),
    ).toEqual({ outcome: 'account_risk', priority: 'P3' });
    expect(verdict(chat('c: Wir kündigen zum Monatsende. Ist ein Monatsabo, also nix zu erstatten.'))).toEqual({
      outcome: 'account_risk',
      priority: 'P3',
    });
  });

  it('frustration counts only with renewal under 60 days', () => {
    const fedUp = chat("c: Honestly I'm fed up. The payout report doesn't match the bank and I reconcile it by hand.");
    expect(verdict(fedUp, 'pro', 30).outcome).toBe('account_risk');
    expect(verdict(fedUp, 'pro', 300).outcome).toBe('technical_bugs');
  });
});

describe('policy step 6 and 7', () => {
  it('a single-customer bug goes to technical_bugs; a feature request is P4', () => {
    expect(verdict(chat('c: Since your release every webhook fails signature verification, so no orders are being fulfilled.'))).toEqual({
      outcome: 'technical_bugs',
      priority: 'P2',
    });
    expect(verdict(chat('c: Feature-Wunsch: Könntet ihr einen DATEV-Export anbieten? Bitte ans Produktteam weitergeben.'))).toEqual({
      outcome: 'technical_bugs',
      priority: 'P4',
    });
  });

  it('an enterprise need no other queue covers goes to vip_high_tier, only for the enterprise tier', () => {
    const seats = chat('c: We need our seat limit raised from 50 to 80 by tomorrow. Can the account team help?');
    expect(verdict(seats, 'enterprise')).toEqual({ outcome: 'vip_high_tier', priority: 'P2' });
    expect(verdict(seats, 'pro').outcome).not.toBe('vip_high_tier');
    expect(verdict(chat('c: Précisamos passar de 30 para 45 lugares no painel. Não há pressa especial.'), 'enterprise')).toEqual({
      outcome: 'vip_high_tier',
      priority: 'P3',
    });
  });
});
