/**
 * A labelled conversation for the incident grouping: its messages (customer's by default, `{ teammate }` for a
 * reply) and the problem it reports. Two conversations of the same `problem` belong together; every other pair
 * does not (`problem: null` is a one-off, alone in the set). Written by hand for this evaluation.
 */
export type EvalMessage = string | { teammate: string };

export interface IncidentCase {
  id: string;
  problem: string | null;
  /** The customer's language, written by hand in the newer splits; the older ones are read by triage's detector. */
  lang?: 'en' | 'de' | 'fr' | 'es' | 'pt';
  messages: EvalMessage[];
}
