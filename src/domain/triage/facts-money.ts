/**
 * Money facts (policy step 4). Whose money it is matters: refunds and chargebacks between the merchant and their
 * shoppers are not a dispute with us, but fees we kept on those refunds are.
 */
import type { Mention } from './mentions';
import { asserted, byCustomer, type Facts, first, inHowToSentence, inSentenceWith, position, set } from './pick';

/** "I cancelled on the 2nd … and you charged me again": a cancellation done, then a charge, in one message. */
function chargeAfterCancel(ours: readonly Mention[]): Mention | undefined {
  // Few cancellations are ever mentioned; the bound keeps hostile repetition linear.
  const cancelled = ours.filter((m) => m.concept === 'money.cancelled_done').slice(0, 8);
  return ours.find(
    (m) =>
      m.concept === 'money.charged_done' &&
      !m.hypothetical &&
      cancelled.some((c) => c.messageIndex === m.messageIndex && c.sentence <= m.sentence),
  );
}

export function moneyFacts(all: readonly Mention[], facts: Facts): void {
  const said = all.filter((m) => byCustomer(m) && asserted(m));
  const ours = said.filter((m) => !m.shoppers);
  // A bare refund word is often the product's feature ("issue refunds"): it is an ask only in a sentence that asks.
  const refundAsked = (m: Mention) =>
    !m.hypothetical && (m.concept === 'money.refund_ask' || (m.concept === 'money.refund_word' && m.asked && !inHowToSentence(all, m)));
  set(facts, 'money.refund_ask', ours.find(refundAsked));
  // "Tax that should not apply" / "that is wrong" next to a money word (same or neighbouring sentence); a teammate may say it too.
  const moneyAt = new Set(all.filter((o) => o.concept === 'money.topic').map(position));
  const nearMoney = (m: Mention) => moneyAt.has(position(m)) || moneyAt.has(position(m) - 1) || moneyAt.has(position(m) + 1);
  const wrongTax = all.find((m) => m.concept === 'money.should_not' && asserted(m) && !m.shoppers && nearMoney(m));
  // "Why is this invoice 89 more?" asks for an explanation; it is a wrong charge only when stated.
  const whyQuestion = (m: Mention) => m.question && inSentenceWith(all, m, 'chat.info');
  set(facts, 'money.wrong_charge', first(ours, 'money.wrong_charge', (m) => !whyQuestion(m)) ?? wrongTax ?? first(said, 'money.fee_kept'));
  set(facts, 'money.after_cancel', first(ours, 'money.after_cancel') ?? chargeAfterCancel(ours));
  set(facts, 'money.chargeback', first(ours, 'money.chargeback'));
  set(facts, 'money.invoice_fix', first(ours, 'money.invoice_fix'));
  set(facts, 'money.contract_terms', first(ours, 'money.contract_terms'));
  set(facts, 'money.sla_credit', first(ours, 'money.sla_credit'));
  const cancel = first(ours, 'risk.cancel', (m) => !(m.hypothetical && m.question));
  const atStake =
    facts.get('money.refund_ask') ??
    first(ours, 'money.annual_contract') ??
    first(ours, 'money.renewal_invoiced') ??
    facts.get('money.invoice_fix');
  if (cancel && atStake) set(facts, 'money.cancel_with_money', cancel);
  // Duplicate captures on the merchant's shoppers are a product fault (step 4 exclusion), priced as money taken wrongly.
  set(
    facts,
    'money.shopper_duplicate',
    first(said, 'money.wrong_charge', (m) => m.shoppers),
  );
}
