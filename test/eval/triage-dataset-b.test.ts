/**
 * Writer b's labelled triage cases (fr, es, pt) must match the shared contract before the
 * evaluation reads them: a malformed case would silently skew the figures instead of failing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const kinds = [
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
    id: z.string().regex(/^[a-z]{2}-b-\d{3}$/),
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
    kinds: z.array(z.enum(kinds)),
  })
  .strict();

type TriageCase = z.infer<typeof caseSchema>;

const root = join(__dirname, '..', '..', 'eval', 'triage');
const files = ['dev', 'holdout'].flatMap((split) =>
  readdirSync(join(root, split))
    .filter((name) => /^[a-z]{2}-b\.json$/.test(name))
    .map((name) => ({ split, name, path: join(root, split, name) })),
);

function load(path: string): TriageCase[] {
  return z.array(caseSchema).parse(JSON.parse(readFileSync(path, 'utf8')));
}

describe("writer b's triage evaluation files", () => {
  it('exist for fr, es and pt in both dev and holdout', () => {
    const names = files.map((file) => `${file.split}/${file.name}`).sort();
    for (const lang of ['es', 'fr', 'pt']) {
      expect(names).toContain(`dev/${lang}-b.json`);
      expect(names).toContain(`holdout/${lang}-b.json`);
    }
  });

  it.each(files.map((file) => [`${file.split}/${file.name}`, file.path]))('%s matches the schema', (_label, path) => {
    expect(() => load(path)).not.toThrow();
  });

  it.each(files.map((file) => [`${file.split}/${file.name}`, file.path]))(
    '%s: language and id prefix match the file name',
    (label, path) => {
      const lang = label.split('/')[1]?.slice(0, 2);
      for (const item of load(path)) {
        expect({ id: item.id, language: item.language }).toEqual({ id: item.id, language: lang });
        expect(item.id.startsWith(`${lang}-b-`)).toBe(true);
      }
    },
  );

  it.each(files.map((file) => [`${file.split}/${file.name}`, file.path]))(
    '%s: priority is null exactly when the chat stays in chat, and a customer speaks',
    (_label, path) => {
      for (const item of load(path)) {
        expect({ id: item.id, noPriority: item.gold.priority === null }).toEqual({
          id: item.id,
          noPriority: item.gold.outcome === 'stay_in_chat',
        });
        expect(item.messages.some((message) => message.author === 'customer')).toBe(true);
      }
    },
  );

  it('ids are unique across every file, so dev and holdout never share a case', () => {
    const ids = files.flatMap((file) => load(file.path).map((item) => item.id));
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).toEqual([]);
  });

  it('holdout texts never repeat a dev text', () => {
    const textsOf = (split: string) =>
      new Set(files.filter((file) => file.split === split).flatMap((file) => load(file.path).map((item) => item.messages[0]?.text)));
    const dev = textsOf('dev');
    const shared = [...textsOf('holdout')].filter((text) => dev.has(text));
    expect(shared).toEqual([]);
  });
});
