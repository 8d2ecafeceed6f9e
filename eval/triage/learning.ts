/**
 * `npm run eval:learning`: does per-workspace learning help a workspace that routes differently from the policy,
 * and does it leave alone one that does not? Development cases only (eval/triage/dev; the holdout is never read).
 *
 * Each simulated workspace labels the dev cases by the policy's gold outcome, except for one consistent habit of
 * its own. The stream is the dev set, shuffled with a fixed seed, `PASSES` times over (support chats of a kind
 * recur; the learner must not simply memorise one case, and each pass is a fresh order). Accuracy is reported per
 * window of the stream, without and with learning, overall and on the cases the habit relabelled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TriageOutcome } from '../../src/domain/triage';
import { seededRandom } from '../../src/util/seeded-random';
import { replay, type StreamCase, type WindowResult } from './learning-replay';

const DEV = join(__dirname, 'dev');
const PASSES = 3;
const WINDOW = 150;
const SEED = 20261207;

const outcome = z.enum(['stay_in_chat', 'billing_legal', 'technical_bugs', 'account_risk', 'vip_high_tier']);
const caseSchema = z.object({
  id: z.string(),
  tier: z.enum(['standard', 'pro', 'enterprise', 'vip']),
  renewal_in_days: z.number().nullable(),
  messages: z.array(z.object({ author: z.enum(['customer', 'teammate']), text: z.string() })),
  gold: z.object({ outcome }),
  kinds: z.array(z.string()),
});
type DevCase = z.infer<typeof caseSchema>;

interface Habit {
  name: string;
  describe: string;
  relabel(c: DevCase): TriageOutcome | null;
}

const HABITS: readonly Habit[] = [
  { name: 'policy', describe: 'routes exactly as the policy says (learning should change nothing)', relabel: () => null },
  {
    name: 'executives-to-vip',
    describe: "sends executives' complaints to VIP / High-Tier instead of Account Risk",
    relabel: (c) => (c.kinds.includes('executive') && c.gold.outcome === 'account_risk' ? 'vip_high_tier' : null),
  },
  {
    name: 'cancellations-to-risk',
    describe: 'sends cancellations with money at stake to Account Risk instead of Billing / Legal',
    relabel: (c) => (c.kinds.includes('cancellation_money') && c.gold.outcome === 'billing_legal' ? 'account_risk' : null),
  },
];

function loadDev(): DevCase[] {
  const files = readdirSync(DEV).filter((f) => f.endsWith('.json')).sort();
  return files.flatMap((file) => z.array(caseSchema).parse(JSON.parse(readFileSync(join(DEV, file), 'utf8'))));
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function streamFor(cases: readonly DevCase[], habit: Habit): StreamCase[] {
  const random = seededRandom(SEED);
  const items = cases.map((c): StreamCase => {
    const own = habit.relabel(c);
    return {
      id: c.id,
      input: { messages: c.messages, tier: c.tier, renewalInDays: c.renewal_in_days },
      label: own ?? c.gold.outcome,
      relabelled: own !== null,
    };
  });
  return Array.from({ length: PASSES }, () => shuffled(items, random)).flat();
}

const pct = (n: number, d: number) => (d === 0 ? '    –' : `${((100 * n) / d).toFixed(1).padStart(5)}`);

function table(windows: readonly WindowResult[]): string {
  const head = 'cases      |  n  | without | with  | habit n | habit without | habit with';
  const rows = windows.map(
    (w) =>
      `${`${w.from}–${w.to}`.padEnd(10)} | ${String(w.cases).padStart(3)} | ${pct(w.withoutLearning, w.cases)} % | ${pct(w.withLearning, w.cases)} % | ${String(w.relabelled).padStart(7)} | ${pct(w.relabelledWithout, w.relabelled).padStart(11)} % | ${pct(w.relabelledWith, w.relabelled).padStart(8)} %`,
  );
  return [head, ...rows].join('\n');
}

function main(): void {
  const cases = loadDev();
  console.log(`Learning replay over ${cases.length} dev cases × ${PASSES} passes, windows of ${WINDOW} (seed ${SEED}).\n`);
  for (const habit of HABITS) {
    const stream = streamFor(cases, habit);
    const windows = replay(stream, WINDOW);
    const total = windows.reduce(
      (t, w) => ({ n: t.n + w.cases, without: t.without + w.withoutLearning, with: t.with + w.withLearning }),
      { n: 0, without: 0, with: 0 },
    );
    console.log(`## ${habit.name}: a workspace that ${habit.describe}`);
    console.log(table(windows));
    console.log(`overall: ${pct(total.without, total.n)} % without learning, ${pct(total.with, total.n)} % with\n`);
  }
}

main();
