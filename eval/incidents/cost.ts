/**
 * `npx tsx eval/incidents/cost.ts`: what the signature costs on the sidebar's path, in µs per conversation, over
 * every labelled conversation (short, realistic chats) and over a hostile one (a keyword-stuffed message at the
 * engine's caps). Median of alternating rounds; a shared machine is noisy, so compare versions in one run.
 */
import { performance } from 'node:perf_hooks';
import { problemSignature } from '../../src/domain/incidents/signature';
import type { TriageMessage } from '../../src/domain/triage/types';
import { DEV } from './dev';
import { HOLDOUT } from './holdout';
import { HOLDOUT_2 } from './holdout-2';
import { messagesOf } from './pairs';

type Extract = (messages: readonly TriageMessage[]) => string[];

export const LABELLED: TriageMessage[][] = [...DEV, ...HOLDOUT, ...HOLDOUT_2].map(messagesOf);
export const HOSTILE: TriageMessage[][] = [
  [
    {
      author: 'customer',
      text: 'checkout invoice login webhook broken E_PAYMENT_502 error 503 Kasse kaputt '.repeat(200),
      at: 0,
      partId: 'h',
    },
  ],
];

/** µs per conversation of one pass over `set`. */
export function microsPerConversation(extract: Extract, set: readonly TriageMessage[][], passes: number): number {
  const start = performance.now();
  for (let pass = 0; pass < passes; pass++) for (const messages of set) extract(messages);
  return ((performance.now() - start) * 1000) / (passes * set.length);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (process.argv[1]?.endsWith('cost.ts')) {
  for (const [name, set, passes] of [
    ['labelled', LABELLED, 20],
    ['hostile', HOSTILE, 50],
  ] as const) {
    microsPerConversation(problemSignature, set, passes); // warm-up
    const rounds = Array.from({ length: 9 }, () => microsPerConversation(problemSignature, set, passes));
    console.log(`${name.padEnd(9)} ${set.length} conversations: ${median(rounds).toFixed(1)} µs per conversation (median of 9)`);
  }
}
