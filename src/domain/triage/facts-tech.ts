/**
 * Product facts (policy steps 3 and 6) and the impact the priority rules read. A problem counts only as it stands
 * at the end of the chat: a later "works again" / "fixed now" closes every problem mentioned before it.
 */
import type { Mention } from './mentions';
import { asserted, byCustomer, current, type Facts, first, position, set } from './pick';

const PROBLEMS = new Set(['tech.bug', 'tech.outage', 'tech.performance', 'tech.blocked', 'tech.data_loss']);

/** The last customer word on the matter is a fix ("fine now", "heute läuft wieder alles"); a bare "works" is not. */
function problemClosed(customer: readonly Mention[]): boolean {
  let lastProblem = -1;
  let lastFix = -1;
  for (const m of customer) {
    if (PROBLEMS.has(m.concept) && current(m)) lastProblem = Math.max(lastProblem, position(m));
    if (m.resolved && !m.negated) lastFix = Math.max(lastFix, position(m));
  }
  return lastFix > lastProblem && lastProblem >= 0;
}

export function techFacts(all: readonly Mention[], facts: Facts, solved: boolean): void {
  const customer = all.filter((m) => byCustomer(m) && asserted(m));
  const teammate = all.filter((m) => m.author === 'teammate' && !m.negated);
  const closed = solved || problemClosed(customer);
  const liveProblem = first(customer, 'tech.outage', current) ?? first(customer, 'tech.bug', current);
  const confirmed =
    first(teammate, 'tech.incident_confirmed', current) ??
    first(teammate, 'tech.others_affected', current) ??
    first(customer, 'tech.others_affected', current);
  const onlyThem = first(teammate, 'tech.only_you');
  if (liveProblem && confirmed && !onlyThem && !closed) set(facts, 'tech.outage_multi', confirmed);
  const selfDeleted = first(customer, 'tech.self_deleted');
  const lost = first(customer, 'tech.data_loss', (m) => !m.hypothetical) ?? first(teammate, 'tech.data_loss');
  if (lost && !selfDeleted) set(facts, 'tech.data_loss', lost);
  if (selfDeleted) set(facts, 'tech.self_deleted', selfDeleted);
  set(
    facts,
    'tech.security',
    first(customer, 'tech.security', (m) => !m.hypothetical),
  );
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
  set(facts, 'impact.blocked', first(customer, 'tech.blocked', current));
  set(facts, 'impact.degraded', first(customer, 'tech.degraded', current) ?? first(customer, 'tech.performance', current));
  set(facts, 'impact.workaround', first(customer, 'tech.workaround'));
  set(facts, 'impact.still_works', first(customer, 'tech.still_works'));
}
