/**
 * The team the teammate hands the case to. An agent who says "I'll pass this to our billing team" or "Sonderexporte
 * macht unser Enterprise-Team" has judged which team owns it; the policy reads a teammate's confirmation as evidence
 * (an incident, a reproduced bug), and the owning team they name is the same kind of evidence for the queue.
 * Only said, current mentions count: "billing already confirmed the charge last week" hands nothing over.
 */
import type { Mention } from './mentions';
import { asserted, current, type Facts, first, inSentenceWith, set } from './pick';

/** Team concept → the fact that names the queue it owns. */
const TEAMS: readonly (readonly [string, string])[] = [
  ['team.billing', 'handoff.billing'],
  ['team.privacy', 'handoff.billing'],
  ['team.tech', 'handoff.tech'],
  ['team.account', 'handoff.account'],
  ['team.enterprise', 'handoff.enterprise'],
];

export const HANDOFF_FACTS: readonly string[] = ['handoff.billing', 'handoff.tech', 'handoff.account', 'handoff.enterprise'];

/** Teammate mentions of a team, named with what happens to the case ("I'll pass it to", "macht unser", "la revisa"). */
function handoffs(all: readonly Mention[]): Mention[] {
  // "Settings > Billing" hands nothing over: the team must come with a verb of passing or owning.
  return all.filter(
    (m) => m.author === 'teammate' && m.concept.startsWith('team.') && asserted(m) && current(m) && inSentenceWith(all, m, 'handoff.verb'),
  );
}

export function handedOver(all: readonly Mention[]): boolean {
  return handoffs(all).length > 0;
}

export function handoffFacts(all: readonly Mention[], facts: Facts): void {
  const teammate = handoffs(all);
  for (const [team, fact] of TEAMS) set(facts, fact, first(teammate, team));
}
