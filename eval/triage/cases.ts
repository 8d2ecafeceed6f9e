/**
 * Loads labelled triage cases for the evaluation command. Writer = the letter in the file name (en-a.json → a).
 * The holdout split is only ever scored in aggregate by run.ts; nothing here prints a case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const OUTCOMES = ['stay_in_chat', 'billing_legal', 'technical_bugs', 'account_risk', 'vip_high_tier'] as const;

const caseSchema = z.object({
  id: z.string(),
  language: z.string(),
  tier: z.enum(['standard', 'pro', 'enterprise', 'vip']),
  renewal_in_days: z.number().nullable(),
  messages: z.array(z.object({ author: z.enum(['customer', 'teammate']), text: z.string() })),
  gold: z.object({ outcome: z.enum(OUTCOMES), priority: z.enum(['P1', 'P2', 'P3', 'P4']).nullable() }),
  reason: z.string().optional(),
  kinds: z.array(z.string()).default([]),
});

export type LabelledCase = z.infer<typeof caseSchema> & { writer: string };

const FILE = /^([a-z]{2})-([a-z])\.json$/;

export function loadCases(split: 'dev' | 'holdout', root = join(__dirname)): LabelledCase[] {
  const dir = join(root, split);
  return readdirSync(dir)
    .filter((file) => FILE.test(file))
    .sort()
    .flatMap((file) => {
      const writer = FILE.exec(file)![2]!;
      const cases = z.array(caseSchema).parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      return cases.map((c) => ({ ...c, writer }));
    });
}
