/**
 * Mentions → facts: the policy's vocabulary (legal threat, money dispute, outage now, blocked, …), each with the
 * mention that proves it so reasons can point at a message. Context rules live here and in facts-money.ts /
 * facts-tech.ts: a negated or hypothetical ask is not an ask, a past outage is not an outage.
 */
import { handedOver, handoffFacts } from './facts-handoff';
import { moneyFacts } from './facts-money';
import { techFacts } from './facts-tech';
import type { Analysis, Mention } from './mentions';
import { asserted, byCustomer, type Facts, first, inHowToSentence, inSentenceWith, last, type Pick, sameSentence, set } from './pick';

export type { Facts } from './pick';

/** The customer's last message says it works now (or thanks after a fix) and nothing later reopens it. */
function solvedInChat(analysis: Analysis): Mention | undefined {
  const lastCustomer = [...analysis.messages].reverse().find((m) => m.author === 'customer');
  // Solved *in the chat* means a teammate did something first; a lone message quoting "resolved" is not a fix.
  const teammateBefore = analysis.messages.some(
    (m) => m.author === 'teammate' && lastCustomer !== undefined && m.index < lastCustomer.index,
  );
  if (!lastCustomer || !teammateBefore) return undefined;
  const inLast = analysis.mentions.filter((m) => m.messageIndex === lastCustomer.index);
  // "Can they be recovered?" asks; "it's back" says so.
  const works = inLast.find(
    (m) => (m.concept === 'chat.works_now' || (m.concept === 'tech.recoverable' && !m.question && !m.asked)) && !m.negated,
  );
  const newProblem = inLast.some(
    (m) =>
      ['tech.bug', 'tech.outage', 'tech.blocked', 'tech.degraded', 'tech.workaround'].includes(m.concept) && asserted(m) && !m.resolved,
  );
  const stillWantsFix = inLast.some((m) => m.concept === 'chat.still_wants_fix' && !m.negated);
  if (newProblem || stillWantsFix) return undefined;
  return works ?? acknowledgedFix(analysis, inLast);
}

/** Teammate words that take ownership of a fault: nothing is settled in the chat once they are said. */
const OWNED = new Set(['tech.reproduced', 'tech.incident_confirmed', 'tech.others_affected', 'tech.security_escalation', 'chat.routed']);
const PROBLEM_WORDS = ['tech.bug', 'tech.outage', 'tech.blocked', 'tech.degraded', 'tech.data_loss'];

/**
 * "Ah, my mistake. Got them now, thanks": a reported problem, then a teammate's answer, then the customer's last word
 * only acknowledges (thanks, an apology for the alarm, "c'est bon"), and the teammate never took the fault on nor
 * handed it to a team: the teammate explained a settings or typing mistake and the customer fixed it (step 0).
 */
function acknowledgedFix(analysis: Analysis, inLast: readonly Mention[]): Mention | undefined {
  const acknowledged = inLast.find((m) => (m.concept === 'chat.ack' || m.concept === 'chat.thanks') && !m.negated);
  if (!acknowledged) return undefined;
  const all = analysis.mentions;
  const reported = all.some((m) => m.author === 'customer' && PROBLEM_WORDS.includes(m.concept) && !m.negated);
  const owned = all.some((m) => m.author === 'teammate' && OWNED.has(m.concept) && !m.negated) || handedOver(all);
  return reported && !owned ? acknowledged : undefined;
}

function riskFacts(all: readonly Mention[], facts: Facts): void {
  const customer = all.filter((m) => byCustomer(m) && !m.negated);
  // A conditional threat ("if this isn't fixed we're out") is still a threat; a hypothetical question is not.
  const threat: Pick = (m) => !(m.hypothetical && m.question);
  set(facts, 'risk.churn', first(customer, 'risk.churn', threat));
  // "Cancel and reissue the invoice" is a correction, not a churn signal.
  const invoiceOnly = (m: Mention) => inSentenceWith(all, m, 'money.invoice_word') && !inSentenceWith(all, m, 'risk.subscription_word');
  if (!facts.has('money.cancel_with_money'))
    set(
      facts,
      'risk.cancel',
      first(customer, 'risk.cancel', threat, (m) => !invoiceOnly(m)),
    );
  set(facts, 'risk.frustration', first(customer, 'risk.frustration'));
  // "every week", "keeps happening" make a repeat issue only about a fault in the same sentence.
  set(facts, 'risk.repeat', first(customer, 'risk.repeat') ?? first(customer, 'risk.recurring', (m) => inSentenceWith(all, m, 'tech.bug')));
  set(facts, 'risk.complaint', first(customer, 'risk.complaint'));
  set(facts, 'risk.executive', first(customer, 'risk.executive'));
  set(facts, 'risk.manager', first(customer, 'risk.manager'));
}

function privacyFacts(all: readonly Mention[], facts: Facts): void {
  const customer = all.filter((m) => byCustomer(m) && asserted(m));
  // Naming the DPA counts even when denied: "we do not accept your standard DPA" is the negotiation.
  const named = all.filter(byCustomer);
  set(facts, 'legal.threat', first(customer, 'legal.threat'));
  const standardDpa = first(named, 'privacy.dpa_standard');
  set(
    facts,
    'privacy.dsar',
    customer.find((m) => m.concept === 'privacy.dsar' && !(standardDpa && sameSentence(standardDpa, m))),
  );
  // The DPA named in a message that also names a security incident: confirmation of a breach is asked.
  const dpaWord = first(named, 'privacy.dpa_word') ?? standardDpa;
  // ("a 48h breach-notification clause" is a clause to negotiate, not an incident.)
  const incident =
    dpaWord &&
    customer.find(
      (m) => m.concept === 'tech.security' && m.messageIndex === dpaWord.messageIndex && !inSentenceWith(all, m, 'privacy.change_words'),
    );
  if (incident) set(facts, 'privacy.breach_notice', dpaWord);
  // A DPA named together with clauses, redlines or "our own" version: a DPA that differs from the standard one.
  const changes =
    dpaWord && !incident && named.find((m) => m.concept === 'privacy.change_words' && m.messageIndex === dpaWord.messageIndex);
  set(facts, 'privacy.dpa_negotiation', first(customer, 'privacy.dpa_negotiation') ?? (changes ? dpaWord : undefined));
  const clause = first(customer, 'privacy.dpa_clause');
  const exposure = first(customer, 'tech.security') ?? first(customer, 'privacy.personal_data');
  set(facts, 'privacy.breach_notice', first(customer, 'privacy.breach_notice') ?? (clause && exposure ? clause : undefined));
  if (standardDpa && !facts.has('privacy.dpa_negotiation')) set(facts, 'privacy.dpa_standard', standardDpa);
}

function chatFacts(all: readonly Mention[], facts: Facts): void {
  const customer = all.filter(byCustomer);
  set(facts, 'chat.howto', first(customer, 'chat.howto') ?? first(customer, 'chat.howto_weak', (m) => m.question));
  set(facts, 'chat.routine_update', first(customer, 'chat.routine_update'));
  set(facts, 'chat.info', first(customer, 'chat.info'));
  set(facts, 'chat.limitation_accepted', last(customer, 'chat.limitation_accepted'));
  const howTo = (m: Mention) => inHowToSentence(customer, m);
  const enable = customer.find((m) => m.concept === 'ent.enable' && !m.negated && !howTo(m));
  // Restoring something the customer archived or deleted themselves is an account-team job (policy step 7).
  const restore = facts.has('tech.self_deleted') && !facts.has('chat.solved') ? first(customer, 'tech.recoverable') : undefined;
  // Step 0: a request the teammate completed in the chat ("it shows now, thanks") no longer needs the account team.
  const routed = first(all, 'ent.team_routed', (m) => m.author === 'teammate' && !m.negated);
  if (!facts.has('chat.solved')) set(facts, 'ent.need', first(customer, 'ent.need', (m) => !m.negated) ?? enable ?? restore ?? routed);
  set(
    facts,
    'ent.deadline_soon',
    first(customer, 'ent.deadline_soon', (m) => !m.negated && !m.ongoing),
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
  handoffFacts(analysis.mentions, facts);
  return facts;
}
