import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Writer c's blind holdout: the files must follow the shared triage contract, or the evaluation would score noise. */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt'] as const;
const HOLDOUT_DIR = join(__dirname, '..', '..', 'eval', 'triage', 'holdout');

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
    id: z.string().regex(/^(en|de|fr|es|pt)-c-\d{3}$/),
    language: z.enum(LANGUAGES),
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

type HoldoutCase = z.infer<typeof caseSchema>;

function loadFile(language: string): HoldoutCase[] {
  const raw: unknown = JSON.parse(readFileSync(join(HOLDOUT_DIR, `${language}-c.json`), 'utf8'));
  return z.array(caseSchema).parse(raw);
}

describe('triage holdout set, writer c', () => {
  const all = LANGUAGES.flatMap((language) => loadFile(language));

  it.each(LANGUAGES)('%s-c.json has 20 valid cases in its own language', (language) => {
    const cases = loadFile(language);
    expect(cases).toHaveLength(20);
    for (const c of cases) {
      expect(c.language).toBe(language);
      expect(c.id.startsWith(`${language}-c-`)).toBe(true);
    }
  });

  it('gives every case a unique id', () => {
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  it('has a priority exactly when the chat becomes a ticket', () => {
    for (const c of all) {
      expect({ id: c.id, hasPriority: c.gold.priority !== null }).toEqual({
        id: c.id,
        hasPriority: c.gold.outcome !== 'stay_in_chat',
      });
    }
  });

  it('has at least one customer message in every case', () => {
    for (const c of all) {
      expect({ id: c.id, customer: c.messages.some((m) => m.author === 'customer') }).toEqual({ id: c.id, customer: true });
    }
  });

  it('keeps stay_in_chat near a fifth and uses all five outcomes', () => {
    const outcomes = new Set(all.map((c) => c.gold.outcome));
    expect(outcomes.size).toBe(5);
    const stay = all.filter((c) => c.gold.outcome === 'stay_in_chat').length / all.length;
    expect(stay).toBeGreaterThanOrEqual(0.18);
    expect(stay).toBeLessThanOrEqual(0.27);
  });
});
