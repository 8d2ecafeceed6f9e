/** Context modifiers: the same words change meaning with negation, hypotheticals, time, whose money, who confirms. */
import { chat, judge, verdict } from './helpers';

describe('context modifiers', () => {
  it('negation: "not asking for a refund" is a clarification', () => {
    expect(
      verdict(
        chat(
          "c: I'm not asking for a refund, I just want to understand why INV-4471 is $312.",
          't: It is proration for the added seat.',
          'c: ah ok, thanks',
        ),
      ),
    ).toEqual({ outcome: 'stay_in_chat', priority: null });
    expect(verdict(chat('c: Wir wollen kein Geld zurück, keine Sorge. Aber wir kündigen zum Monatsende.')).outcome).toBe('account_risk');
  });

  it('hypothetical: "could we get a refund if…?" is answered in chat', () => {
    expect(
      verdict(
        chat(
          'c: Hypothetical question: if we go annual and stop in month 5, could we get a refund?',
          't: Annual plans are not refunded pro rata.',
          'c: Understood, thanks.',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
    expect(
      verdict(
        chat(
          'c: Si on passe en annuel et qu’on arrête au bout de 5 mois, est-ce qu’on serait remboursés ?',
          't: Non, pas au prorata.',
          'c: D’accord, merci.',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
  });

  it('past and resolved: an outage that is over is an information request', () => {
    expect(
      verdict(
        chat(
          "c: Your API was down yesterday afternoon. Everything's fine now. Is there a postmortem?",
          't: Yes, on the status page.',
          'c: great, thanks',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
    expect(
      verdict(
        chat(
          'c: Gestern Abend war die API nicht erreichbar, heute läuft wieder alles. Gibt es einen Bericht?',
          't: Ja, auf der Statusseite.',
          'c: Super, danke.',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
  });

  it('whose money: a merchant refunding their own shopper is a how-to', () => {
    expect(
      verdict(
        chat(
          'c: A customer of mine wants a partial refund on order #10443. How do I refund one line item?',
          't: Open the order and click Refund.',
          'c: Done, worked. thx',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
    expect(
      verdict(
        chat(
          'c: Eine Kundin von mir möchte ihr Geld zurück. Wie mache ich eine Teilerstattung?',
          't: Unter Zahlungen → Erstatten.',
          'c: Hat funktioniert, danke!',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
  });

  it('teammate confirmation turns a report into an outage', () => {
    const report = 'c: is the dashboard down?? nothing loads';
    expect(verdict(chat(report, 't: Yes, we are seeing the same reports from other merchants and opened an incident.'))).toEqual({
      outcome: 'technical_bugs',
      priority: 'P1',
    });
    expect(verdict(chat(report, 't: Only your workspace seems affected, other accounts look fine.')).priority).not.toBe('P1');
  });

  it('solved in chat: a settings mistake fixed in the session stays in chat', () => {
    expect(
      verdict(
        chat(
          'c: Webhooks have stopped arriving since this morning!!',
          't: Your endpoint is set to test mode; tick "Live events".',
          'c: oh no. that was it. they are coming in now, thank you!',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
    expect(
      verdict(
        chat(
          'c: La API me devuelve 401 en todas las llamadas.',
          't: Estás usando la clave de la cuenta de pruebas.',
          'c: Puesta la buena y funciona. Gracias!',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
  });

  it('a how-to that turns into a bug is judged at its last message', () => {
    const result = judge(
      chat(
        'c: How do I connect my Shopify store?',
        't: Integrations → Shopify → Connect.',
        'c: did exactly that, I get "OAuth state mismatch (INT-401)" every time. we cannot take payments.',
        't: I see the failed attempts; this looks like a bug on our side.',
      ),
    );
    expect(result.outcome).toBe('technical_bugs');
  });
});
