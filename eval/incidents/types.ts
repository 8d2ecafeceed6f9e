/**
 * A labelled conversation for the incident grouping: its messages (customer's by default, `{ teammate }` for a
 * reply) and the problem it reports. Two conversations of the same `problem` belong together; every other pair
 * does not (`problem: null` is a one-off, alone in the set). Written by hand for this evaluation.
 */
export type EvalMessage = string | { teammate: string };

export interface IncidentCase {
  id: string;
  problem: string | null;
  messages: EvalMessage[];
}
