/**
 * Mentions → facts: the policy's vocabulary (legal threat, money dispute, outage now, blocked, …), each with the
 * mention that proves it so reasons can point at a message. Context rules live here: a negated or hypothetical ask
 * is not an ask, a past outage is not an outage, money between the merchant and their shoppers is not ours.
 */
import type { Analysis, Mention } from './mentions';

export type Facts = Map<string, Mention>;

type Pick = (mention: Mention) => boolean;

const byCustomer: Pick = (m) => m.author === 'customer';
const asserted: Pick = (m) => !m.negated && !(m.hypothetical && m.question);
const current: Pick = (m) => !m.past && !m.resolved;

function first(mentions: readonly Mention[], concept: string, ...picks: Pick[]): Mention | undefined {
  return mentions.find((m) => m.concept === concept && picks.every((pick) => pick(m)));
}

function last(mentions: readonly Mention[], concept: string, ...picks: Pick[]): Mention | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.concept === concept && picks.every((pick) => pick(m))) return m;
  }
  return undefined;
}

function set(facts: Facts, id: string, mention: Mention | undefined): void {
  if (mention && !facts.has(id)) facts.set(id, mention);
}

/** The customer's last message says it works now (or thanks after a fix) and nothing later reopens it. */
function solvedInChat(analysis: Analysis): Mention | undefined {
  const lastCustomer = [...analysis.messages].reverse().find((m) => m.author === 'customer');
  if (!lastCustomer) return undefined;
  const inLast = analysis.mentions.filter((m) => m.messageIndex === lastCustomer.index);
  const works = inLast.find((m) => (m.concept === 'chat.works_now' || m.concept === 'tech.recoverable') && !m.negated);
  const newProblem = inLast.some(
    (m) => (m.concept === 'tech.bug' || m.concept === 'tech.outage' || m.concept === 'tech.blocked') && asserted(m) && !m.resolved,
  );
  return works && !newProblem ? works : undefined;
}

function moneyFacts(all: readonly Mention[], facts: Facts): void {
  const ours = all.filter((m) => byCustomer(m) && asserted(m) && !m.shoppers);
  set(
    facts,
    'money.refund_ask',
    first(ours, 'money.refund_ask', (m) => !m.hypothetical),
  );
  set(facts, 'money.wrong_charge', first(ours, 'money.wrong_charge'));
  set(facts, 'money.after_cancel', first(ours, 'money.after_cancel'));
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
  const shopperMoney = all.find(
    (m) => byCustomer(m) && m.shoppers && (m.concept === 'money.wrong_charge' || m.concept === 'money.chargeback'),
  );
  set(facts, 'money.shoppers', shopperMoney);
}

function techFacts(all: readonly Mention[], facts: Facts, solved: boolean): void {
  const customer = all.filter((m) => byCustomer(m) && asserted(m));
  const teammate = all.filter((m) => m.author === 'teammate' && !m.negated);
  const liveProblem = first(customer, 'tech.outage', current) ?? first(customer, 'tech.bug', current);
  const confirmed =
    first(teammate, 'tech.incident_confirmed', current) ??
    first(teammate, 'tech.others_affected', current) ??
    first(customer, 'tech.others_affected', current);
  const onlyThem = first(teammate, 'tech.only_you');
  if (liveProblem && confirmed && !onlyThem && !solved) set(facts, 'tech.outage_multi', confirmed);
  const selfDeleted = first(customer, 'tech.self_deleted');
  const lost = first(customer, 'tech.data_loss', (m) => !m.hypothetical) ?? first(teammate, 'tech.data_loss');
  if (lost && !selfDeleted) set(facts, 'tech.data_loss', lost);
  if (selfDeleted) set(facts, 'tech.self_deleted', selfDeleted);
  set(
    facts,
    'tech.security',
    first(customer, 'tech.security', (m) => !m.hypothetical),
  );
  if (!solved) {
    set(
      facts,
      'tech.bug',
      first(customer, 'tech.bug', current) ?? first(customer, 'tech.outage', current) ?? first(customer, 'tech.performance', current),
    );
    set(facts, 'tech.reproduced', first(teammate, 'tech.reproduced'));
  }
  set(facts, 'tech.feature_request', first(customer, 'tech.feature_request'));
  set(facts, 'tech.cosmetic', first(customer, 'tech.cosmetic'));
  set(facts, 'impact.blocked', first(customer, 'tech.blocked', current));
  set(facts, 'impact.degraded', first(customer, 'tech.degraded', current) ?? first(customer, 'tech.performance', current));
  set(facts, 'impact.workaround', first(customer, 'tech.workaround'));
}

function riskFacts(all: readonly Mention[], facts: Facts): void {
  const customer = all.filter((m) => byCustomer(m) && !m.negated);
  // A conditional threat ("if this isn't fixed we're out") is still a threat; a hypothetical question is not.
  const threat: Pick = (m) => !(m.hypothetical && m.question);
  set(facts, 'risk.churn', first(customer, 'risk.churn', threat));
  if (!facts.has('money.cancel_with_money')) set(facts, 'risk.cancel', first(customer, 'risk.cancel', threat));
  set(facts, 'risk.frustration', first(customer, 'risk.frustration'));
  set(facts, 'risk.repeat', first(customer, 'risk.repeat'));
  set(facts, 'risk.executive', first(customer, 'risk.executive'));
}

function privacyFacts(all: readonly Mention[], facts: Facts): void {
  const customer = all.filter((m) => byCustomer(m) && asserted(m));
  set(facts, 'legal.threat', first(customer, 'legal.threat'));
  const standardDpa = first(customer, 'privacy.dpa_standard');
  const dsar = customer.find(
    (m) =>
      m.concept === 'privacy.dsar' && !(standardDpa && standardDpa.messageIndex === m.messageIndex && standardDpa.sentence === m.sentence),
  );
  set(facts, 'privacy.dsar', dsar);
  set(facts, 'privacy.dpa_negotiation', first(customer, 'privacy.dpa_negotiation'));
  const clause = first(customer, 'privacy.dpa_clause');
  const exposure = first(customer, 'tech.security') ?? first(customer, 'privacy.personal_data');
  set(facts, 'privacy.breach_notice', first(customer, 'privacy.breach_notice') ?? (clause && exposure ? clause : undefined));
  if (standardDpa) set(facts, 'privacy.dpa_standard', standardDpa);
}

function chatFacts(all: readonly Mention[], facts: Facts): void {
  const customer = all.filter(byCustomer);
  set(facts, 'chat.howto', first(customer, 'chat.howto'));
  set(facts, 'chat.routine_update', first(customer, 'chat.routine_update'));
  set(facts, 'chat.info', first(customer, 'chat.info'));
  set(facts, 'chat.limitation_accepted', last(customer, 'chat.limitation_accepted'));
  set(
    facts,
    'ent.need',
    first(customer, 'ent.need', (m) => !m.negated),
  );
  set(
    facts,
    'ent.deadline_soon',
    first(customer, 'ent.deadline_soon', (m) => !m.negated),
  );
  set(facts, 'ent.deadline_far', first(customer, 'ent.deadline_far'));
}

export function factsOf(analysis: Analysis): Facts {
  const facts: Facts = new Map();
  const solved = solvedInChat(analysis);
  if (solved) facts.set('chat.solved', solved);
  privacyFacts(analysis.mentions, facts);
  moneyFacts(analysis.mentions, facts);
  techFacts(analysis.mentions, facts, solved !== undefined);
  riskFacts(analysis.mentions, facts);
  chatFacts(analysis.mentions, facts);
  return facts;
}
