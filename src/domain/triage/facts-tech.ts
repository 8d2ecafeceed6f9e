/**
 * Product facts (policy steps 3 and 6) and the impact the priority rules read. A problem counts only as it stands
 * at the end of the chat: a later "works again" / "fixed now" closes every problem mentioned before it.
 */
import type { Mention } from './mentions';
import { asserted, byCustomer, current, type Facts, first, inSentenceWith, position, set } from './pick';

const PROBLEMS = new Set(['tech.bug', 'tech.outage', 'tech.performance', 'tech.blocked', 'tech.data_loss']);

/**
 * The last word on the matter is a fix ("fine now", "heute läuft wieder alles", a teammate's "the incident was
 * resolved"); a bare "works" is not. A problem asked about for a report ("the root cause of Tuesday's outage") is past.
 */
function problemClosed(all: readonly Mention[]): boolean {
  let lastProblem = -1;
  let lastFix = -1;
  const forReport = (m: Mention) => inSentenceWith(all, m, 'chat.info');
  for (const m of all) {
    if (m.author === 'customer' && PROBLEMS.has(m.concept) && current(m) && !m.negated && !forReport(m))
      lastProblem = Math.max(lastProblem, position(m));
    if (m.resolved && !m.negated) lastFix = Math.max(lastFix, position(m));
  }
  return lastFix > lastProblem;
}

export function techFacts(all: readonly Mention[], facts: Facts, solved: boolean): void {
  const customer = all.filter((m) => byCustomer(m) && asserted(m));
  const teammate = all.filter((m) => m.author === 'teammate' && !m.negated);
  const closed = solved || problemClosed(all);
  const liveProblem = ['tech.outage', 'tech.bug', 'tech.blocked', 'tech.degraded'].some((c) => first(customer, c, current));
  // The teammate confirms it: an incident or status-page entry, an outage on our side, or other accounts affected.
  const confirmed =
    first(teammate, 'tech.incident_confirmed', current) ??
    first(teammate, 'tech.outage', current) ??
    first(teammate, 'tech.others_affected', current);
  const onlyThem = first(teammate, 'tech.only_you');
  // A teammate confirming an incident that affects others now is an outage however the customer put the symptom
  // ("none of the drivers see orders"): the agent's words carry the incident, the customer's only the symptom.
  const incidentNow =
    first(teammate, 'tech.incident_confirmed', current) &&
    (first(teammate, 'tech.others_affected', current) ?? first(teammate, 'tech.outage', current));
  if ((liveProblem || incidentNow) && confirmed && !onlyThem && !closed) set(facts, 'tech.outage_multi', confirmed);
  const selfDeleted = first(customer, 'tech.self_deleted');
  // Only the customer reports loss; a teammate describing what a delete button does is not a loss.
  const lost = first(customer, 'tech.data_loss', (m) => !m.hypothetical);
  // "Nobody deleted them and they are not in the trash" beside missing data: the product lost it.
  const notInTrash = first(all, 'tech.not_in_trash');
  const missing = notInTrash && (first(customer, 'tech.bug') ?? first(teammate, 'tech.reproduced'));
  // Data that is back by the end of the chat ("ist wieder da, alles drin") was not lost (step 0).
  if ((lost || missing) && !selfDeleted && !solved) set(facts, 'tech.data_loss', lost ?? notInTrash);
  if (selfDeleted) set(facts, 'tech.self_deleted', selfDeleted);
  // A teammate sending it to the security team confirms it as much as the customer's own words.
  // ("a 48h breach-notification clause" in a contract is not a security issue.)
  const aClause = (m: Mention) => inSentenceWith(all, m, 'privacy.change_words');
  set(
    facts,
    'tech.security',
    first(customer, 'tech.security', (m) => !m.hypothetical && !aClause(m)) ?? first(teammate, 'tech.security_escalation'),
  );
  set(facts, 'tech.customer_side', first(customer, 'tech.customer_side') ?? first(teammate, 'tech.your_side'));
  if (!closed) {
    const fault =
      first(customer, 'tech.bug', current) ?? first(customer, 'tech.outage', current) ?? first(customer, 'tech.performance', current);
    set(facts, 'tech.bug', fault);
    set(facts, 'tech.reproduced', first(teammate, 'tech.reproduced'));
  }
  if (solved) facts.delete('money.shopper_duplicate');
  set(facts, 'tech.feature_request', first(customer, 'tech.feature_request'));
  set(facts, 'tech.cosmetic', first(customer, 'tech.cosmetic'));
  set(facts, 'tech.low_impact', first(all.filter(byCustomer), 'tech.low_impact'));
  set(facts, 'impact.blocked', first(customer, 'tech.blocked', current, (m) => !m.conditional) ?? first(teammate, 'tech.blocked', current));
  set(facts, 'impact.degraded', first(customer, 'tech.degraded', current) ?? first(customer, 'tech.performance', current));
  // A workaround the teammate offers counts as much as one the customer found.
  set(facts, 'impact.workaround', first(customer, 'tech.workaround') ?? first(teammate, 'tech.workaround'));
  set(facts, 'impact.still_works', first(customer, 'tech.still_works'));
}
