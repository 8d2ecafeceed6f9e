/** How the chat is read as it stands at its last message (facts.ts, facts-tech.ts, mentions.ts). */
import { rulesOnly } from '../../../src/domain/triage/model/wire';
import { chat, judge, verdict } from './helpers';

const rules = (...args: Parameters<typeof verdict>) => rulesOnly(() => verdict(...args));

describe('solved in the chat by an acknowledgement', () => {
  it('a "bug" explained as a settings mistake, then only thanks or an apology, stays in chat', () => {
    expect(
      rules(
        chat(
          'c: Your reminders are broken, nobody got the SMS today!!',
          't: The sender name is empty under Settings > SMS, so the carrier drops them. Add a name and they go out.',
          'c: oh. added it, sorry for the shouting',
        ),
      ),
    ).toEqual({ outcome: 'stay_in_chat', priority: null });
    expect(
      rules(
        chat(
          'c: Los informes no funcionan, salen vacíos.',
          't: El filtro de fechas está en 2019; cámbialo a este mes.',
          'c: Vale, perdón por la alarma, gracias',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
  });

  it('the same thanks after a teammate took the fault on or handed it over is not a fix', () => {
    expect(
      rules(
        chat(
          'c: The export fails with error 500.',
          't: I can reproduce it on our side and I am escalating to engineering.',
          'c: ok thanks',
        ),
      ).outcome,
    ).toBe('technical_bugs');
  });

  it('lost data that is back by the end of the chat was not lost', () => {
    expect(
      rules(
        chat(
          'c: All my invoices from March are gone!',
          't: They are in the archive filter, you archived them this morning.',
          "c: Found them, they're back. Thanks!",
        ),
      ).outcome,
    ).toBe('stay_in_chat');
  });
});

describe('outage', () => {
  it('an incident the teammate confirms for other businesses is an outage, however the customer words the symptom', () => {
    expect(
      rules(
        chat(
          'c: the couriers see zero orders on the app since 10 minutes',
          't: Yes, we have an open incident affecting many restaurants right now, updates on our status page.',
        ),
      ),
    ).toEqual({ outcome: 'technical_bugs', priority: 'P1' });
  });

  it("the customer's own 'everyone' is their organisation, not other customers", () => {
    const result = judge(
      chat('c: Since this morning the login page errors for everyone in our office.', 't: Thanks, checking your account.'),
    );
    expect(result.signals).not.toContain('tech.outage_multi');
  });
});

describe('relationship cues', () => {
  it('weighing other vendors or stopping use is churn intent; being fed up near renewal is frustration', () => {
    expect(rules(chat('c: Honestly we are looking at other tools for next year.')).outcome).toBe('account_risk');
    expect(rules(chat('c: A gente vai parar de usar no fim do mês, só não renovem.')).outcome).toBe('account_risk');
    expect(rules(chat('c: Estoy harta de esperar respuestas del soporte.'), 'pro', 30)).toEqual({
      outcome: 'account_risk',
      priority: 'P3',
    });
    expect(rules(chat('c: Estoy harta de esperar respuestas del soporte.'), 'pro', 200).outcome).not.toBe('account_risk');
  });

  it('an executive raising a blocking problem is a complaint from an executive', () => {
    expect(rules(chat('c: I am the CEO here. None of our campaigns can be sent since Monday, the team is stuck.'))).toEqual({
      outcome: 'account_risk',
      priority: 'P2',
    });
  });
});

describe('mixed languages', () => {
  it('reads "no" as a negation in a Spanish sentence inside a Portuguese message', () => {
    const result = judge(chat('c: Oi, tudo bem com vocês? No queremos reembolso, solo una pregunta.'));
    expect(result.signals).not.toContain('money.refund_ask');
  });
});

describe('impact without fault words', () => {
  it('a live fault for an enterprise customer is at least degraded: P2, while a cosmetic one stays P4', () => {
    const fault = chat(
      'c: The export to our ERP fails with error 502 every time.',
      't: I can reproduce it and I am passing it to engineering.',
    );
    expect(rules(fault, 'enterprise')).toEqual({ outcome: 'technical_bugs', priority: 'P2' });
    expect(rules(fault, 'pro')).toEqual({ outcome: 'technical_bugs', priority: 'P3' });
    expect(rules(chat('c: Small thing: the footer logo is a bit blurry, purely cosmetic.'), 'enterprise').priority).toBe('P4');
  });

  it('being stuck reports a fault even without a fault word', () => {
    expect(rules(chat('c: Nobody in the warehouse can print a single label since noon, all shipping is stuck.')).outcome).toBe(
      'technical_bugs',
    );
  });

  it('an enterprise locked out by a change on its own side goes to the enterprise team', () => {
    expect(
      rules(
        chat(
          'c: Since our IT switched identity provider last night, none of our 300 agents can log in at all.',
          't: The change was made on your side; the old certificate is still configured.',
        ),
        'enterprise',
      ).outcome,
    ).toBe('vip_high_tier');
  });

  it('how long one problem has lasted is not a repeated issue', () => {
    const result = judge(chat('c: The schedule page has been slow for weeks, every change takes 20 seconds.'));
    expect(result.signals).not.toContain('risk.repeat');
    expect(judge(chat('c: The schedule page is slow again, I already reported this twice.')).signals).toContain('risk.repeat');
  });
});

describe("the merchant's own business", () => {
  it('cancelling an order or giving a shopper a refund is a how-to, not churn or a dispute with us', () => {
    expect(
      rules(chat('c: How do I cancel order #5521? The buyer ordered it twice.', 't: Orders > #5521 > Cancel.', 'c: done, thanks')).outcome,
    ).toBe('stay_in_chat');
    expect(
      rules(
        chat(
          'c: A man returned his boots and I need to give him a refund on his card. How do I do that on the terminal?',
          't: Sales > receipt > Refund items.',
        ),
      ).outcome,
    ).toBe('stay_in_chat');
  });

  it('a charge the teammate agrees was wrong, handed to billing, is money taken wrongly: P2', () => {
    expect(
      rules(
        chat(
          'c: We were billed 49 this month instead of our usual 19.',
          "t: You're right, the old rate was not applied. I'm passing it to our billing team.",
        ),
      ),
    ).toEqual({ outcome: 'billing_legal', priority: 'P2' });
  });
});
