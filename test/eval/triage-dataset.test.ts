import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KINDS, WRITER_TAGS } from '../../eval/triage/kinds';

/**
 * Every labelled triage case, from every writer, in dev and holdout, must follow one contract before the evaluation
 * reads it: a malformed or lopsided file would silently skew the figures instead of failing here.
 */
const EVAL_ROOT = join(__dirname, '..', '..', 'eval', 'triage');
const SPLITS = ['dev', 'holdout'] as const;
const CASE_FILE = /^(en|de|fr|es|pt)-([a-z])\.json$/;
const OUTCOMES = ['stay_in_chat', 'billing_legal', 'technical_bugs', 'account_risk', 'vip_high_tier'] as const;

/** Canonical kinds, and the tags writers f and g chose themselves (each mapped onto a canonical kind or described). */
const TAGS = [...KINDS, ...Object.keys(WRITER_TAGS)] as [string, ...string[]];

const caseSchema = z
  .object({
    id: z.string().regex(/^(en|de|fr|es|pt)-[a-z]-\d{3}$/),
    language: z.enum(['en', 'de', 'fr', 'es', 'pt']),
    tier: z.enum(['standard', 'pro', 'enterprise', 'vip']),
    renewal_in_days: z.number().int().nonnegative().nullable(),
    messages: z.array(z.object({ author: z.enum(['customer', 'teammate']), text: z.string().min(1) }).strict()).min(1),
    gold: z.object({ outcome: z.enum(OUTCOMES), priority: z.enum(['P1', 'P2', 'P3', 'P4']).nullable() }).strict(),
    reason: z.string().min(10),
    kinds: z.array(z.enum(TAGS)),
  })
  .strict();

type LabelledCase = z.infer<typeof caseSchema>;
interface CaseFile {
  label: string;
  lang: string;
  writer: string;
  cases: LabelledCase[];
}

function loadAll(): CaseFile[] {
  return SPLITS.flatMap((split) =>
    readdirSync(join(EVAL_ROOT, split)).flatMap((name) => {
      const match = CASE_FILE.exec(name);
      if (!match) return [];
      const raw: unknown = JSON.parse(readFileSync(join(EVAL_ROOT, split, name), 'utf8'));
      return [{ label: `${split}/${name}`, lang: match[1] ?? '', writer: match[2] ?? '', cases: z.array(caseSchema).parse(raw) }];
    }),
  );
}

describe('triage evaluation files (dev and holdout, every writer)', () => {
  const files = loadAll();
  const writers = [...new Set(files.map((file) => file.writer))].sort();

  it('finds case files in both splits', () => {
    for (const split of SPLITS) {
      expect(files.filter((file) => file.label.startsWith(`${split}/`)).length).toBeGreaterThan(0);
    }
  });

  it('ignores no stray file: every .json under dev and holdout is a case file', () => {
    const stray = SPLITS.flatMap((split) =>
      readdirSync(join(EVAL_ROOT, split))
        .filter((name) => name.endsWith('.json') && !CASE_FILE.test(name))
        .map((name) => `${split}/${name}`),
    );
    expect(stray).toEqual([]);
  });

  it.each(files.map((file) => [file.label, file] as const))('%s: ids and language match the file name', (_label, file) => {
    const prefix = `${file.lang}-${file.writer}-`;
    const wrong = file.cases.filter((c) => c.language !== file.lang || !c.id.startsWith(prefix)).map((c) => c.id);
    expect(wrong).toEqual([]);
  });

  it.each(files.map((file) => [file.label, file] as const))(
    '%s: priority is set exactly for tickets, a customer speaks, kinds are not repeated',
    (_label, file) => {
      for (const c of file.cases) {
        expect({ id: c.id, hasPriority: c.gold.priority !== null }).toEqual({ id: c.id, hasPriority: c.gold.outcome !== 'stay_in_chat' });
        expect({ id: c.id, customerSpeaks: c.messages.some((m) => m.author === 'customer') }).toEqual({ id: c.id, customerSpeaks: true });
        expect({ id: c.id, repeatedKinds: c.kinds.length - new Set(c.kinds).size }).toEqual({ id: c.id, repeatedKinds: 0 });
      }
    },
  );

  it.each(files.map((file) => [file.label, file] as const))('%s: uses all five outcomes', (_label, file) => {
    expect([...new Set(file.cases.map((c) => c.gold.outcome))].sort()).toEqual([...OUTCOMES].sort());
  });

  it.each(writers)('writer %s keeps stay_in_chat between 15 %% and 30 %% of its cases', (writer) => {
    const cases = files.filter((file) => file.writer === writer).flatMap((file) => file.cases);
    const share = cases.filter((c) => c.gold.outcome === 'stay_in_chat').length / cases.length;
    expect(share).toBeGreaterThanOrEqual(0.15);
    expect(share).toBeLessThanOrEqual(0.3);
  });

  it('never reuses an id across all files', () => {
    const ids = files.flatMap((file) => file.cases.map((c) => c.id));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('never repeats a holdout conversation in dev', () => {
    const openings = (split: string) =>
      new Set(files.filter((file) => file.label.startsWith(`${split}/`)).flatMap((file) => file.cases.map((c) => c.messages[0]?.text)));
    const dev = openings('dev');
    expect([...openings('holdout')].filter((text) => dev.has(text))).toEqual([]);
  });
});
