import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// Writer a's labelled triage cases: checked against the shared contract so the eval never scores a malformed case.
const EVAL_ROOT = join(__dirname, '..', '..', 'eval', 'triage');
const SPLITS = ['dev', 'holdout'] as const;
const WRITER_FILE = /^(en|de|fr|es|pt)-a\.json$/;

const KINDS = [
  'how_to',
  'billing_clarification',
  'hypothetical',
  'negation',
  'past_incident',
  'resolved_in_chat',
  'merchant_shoppers',
  'keyword_trap',
  'teammate_confirmation',
  'outage',
  'data_loss',
  'self_deleted_recoverable',
  'security',
  'legal_threat',
  'data_protection',
  'standard_dpa',
  'refund',
  'duplicate_charge',
  'cancellation_money',
  'churn_intent',
  'frustration_renewal',
  'frustration_only',
  'repeat_issue',
  'executive',
  'blocked',
  'degraded',
  'workaround',
  'deadline',
  'enterprise_need',
  'feature_request',
  'cosmetic',
  'sarcasm',
  'all_caps',
  'mixed_language',
  'how_to_turns_bug',
  'routine_account_update',
  'limitation_accepted',
  'vip_tier',
] as const;

const caseSchema = z
  .object({
    id: z.string().regex(/^(en|de|fr|es|pt)-a-\d{3}$/),
    language: z.enum(['en', 'de', 'fr', 'es', 'pt']),
    tier: z.enum(['standard', 'pro', 'enterprise', 'vip']),
    renewal_in_days: z.number().int().nonnegative().nullable(),
    messages: z.array(z.object({ author: z.enum(['customer', 'teammate']), text: z.string().min(1) }).strict()).min(1),
    gold: z
      .object({
        outcome: z.enum(['stay_in_chat', 'billing_legal', 'technical_bugs', 'account_risk', 'vip_high_tier']),
        priority: z.enum(['P1', 'P2', 'P3', 'P4']).nullable(),
      })
      .strict(),
    reason: z.string().min(10),
    kinds: z.array(z.enum(KINDS)),
  })
  .strict();

type LabelledCase = z.infer<typeof caseSchema>;

function writerFiles(): { split: string; file: string; lang: string }[] {
  return SPLITS.flatMap((split) =>
    readdirSync(join(EVAL_ROOT, split))
      .filter((file) => WRITER_FILE.test(file))
      .map((file) => ({ split, file, lang: file.slice(0, 2) })),
  );
}

function load(split: string, file: string): LabelledCase[] {
  return z.array(caseSchema).parse(JSON.parse(readFileSync(join(EVAL_ROOT, split, file), 'utf8')));
}

describe('triage evaluation set, writer a', () => {
  const files = writerFiles();

  it('has dev and holdout files for the same languages', () => {
    const langsOf = (split: string) =>
      files
        .filter((f) => f.split === split)
        .map((f) => f.lang)
        .sort();
    expect(langsOf('dev').length).toBeGreaterThan(0);
    expect(langsOf('holdout')).toEqual(langsOf('dev'));
  });

  it.each(files)('$split/$file matches the case schema and its language', ({ split, file, lang }) => {
    for (const c of load(split, file)) {
      expect({ id: c.id, language: c.language }).toEqual({ id: expect.stringMatching(new RegExp(`^${lang}-a-`)), language: lang });
      expect(c.messages.some((m) => m.author === 'customer')).toBe(true);
      // priority is null exactly when the chat stays in chat
      expect({ id: c.id, priorityIsNull: c.gold.priority === null }).toEqual({
        id: c.id,
        priorityIsNull: c.gold.outcome === 'stay_in_chat',
      });
      expect(new Set(c.kinds).size).toBe(c.kinds.length);
    }
  });

  it('never reuses an id, across dev and holdout', () => {
    const ids = files.flatMap(({ split, file }) => load(split, file).map((c) => c.id));
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('never repeats a holdout conversation in dev', () => {
    const firstMessages = (split: string) =>
      new Set(files.filter((f) => f.split === split).flatMap(({ file }) => load(split, file).map((c) => c.messages[0]?.text)));
    const dev = firstMessages('dev');
    expect([...firstMessages('holdout')].filter((text) => dev.has(text))).toEqual([]);
  });
});
