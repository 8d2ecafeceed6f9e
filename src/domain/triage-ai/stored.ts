/**
 * A cached AI recommendation, read back from the store: checked again before the sidebar shows it, since a row
 * may predate a change of shape (or have been edited by hand). A row that does not parse counts as no answer.
 */
import { z } from 'zod';
import { PRIORITIES } from '../model';
import { TRIAGE_OUTCOMES, type TriageInput, type TriageOutcome, type TriageRecommendation } from '../triage';

const outcome = z.enum(TRIAGE_OUTCOMES as readonly [TriageOutcome, ...TriageOutcome[]]);
const priority = z.enum(PRIORITIES).nullable();
const candidate = z.object({ outcome, priority, score: z.number() });

export const storedRecommendationSchema = z.object({
  judged: z.boolean(),
  outcome,
  priority,
  reasons: z
    .array(
      z.object({
        text: z.string(),
        messageIndex: z.number().int().nonnegative(),
        author: z.enum(['customer', 'teammate']),
        quote: z.string(),
      }),
    )
    .min(1)
    .max(3),
  confidence: z.number().min(0).max(1),
  runnerUp: candidate.nullable(),
  candidates: z.array(candidate),
  signals: z.array(z.string()),
  caseTitle: z.string().max(120),
  need: z.string(),
  needQuote: z.object({ messageIndex: z.number().int().nonnegative(), quote: z.string() }).nullable(),
}) satisfies z.ZodType<TriageRecommendation>;

export function storedRecommendation(json: unknown): TriageRecommendation | null {
  const parsed = storedRecommendationSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * The part an answer is valid for: the last message the engine judges (customer messages and replies to the
 * customer). Notes and bot parts after it change nothing the recommendation reads, so they do not make it stale.
 */
export function lastJudgedPartId(input: TriageInput): string | null {
  return input.messages.at(-1)?.partId ?? null;
}
