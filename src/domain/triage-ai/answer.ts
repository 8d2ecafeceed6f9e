/**
 * The answer the AI provider must give, checked with zod before anything else looks at it, and the same shape as
 * JSON Schema for the providers' structured output (Anthropic: a forced tool's input schema; OpenAI: a strict
 * `json_schema` response format). The JSON Schema is written out rather than generated so that it stays inside the
 * subset both providers' strict modes accept (every property required, no extra ones, nullable as a type list).
 */
import { z } from 'zod';
import { PRIORITIES } from '../model';
import { TRIAGE_OUTCOMES, type TriageOutcome } from '../triage';

/** Bounds on what the provider may say: reasons and the need are shown to a teammate and quoted in a ticket. */
export const ANSWER_LIMITS = { reasons: 3, reasonChars: 200, needChars: 300 } as const;

export const aiAnswerSchema = z.strictObject({
  outcome: z.enum(TRIAGE_OUTCOMES as readonly [TriageOutcome, ...TriageOutcome[]]),
  priority: z.enum(PRIORITIES).nullable(),
  reasons: z
    .array(
      z.strictObject({
        text: z.string().trim().min(1).max(ANSWER_LIMITS.reasonChars),
        messageIndex: z.number().int().nonnegative(),
      }),
    )
    .min(1)
    .max(ANSWER_LIMITS.reasons),
  need: z.string().trim().min(1).max(ANSWER_LIMITS.needChars),
});

export type AiAnswer = z.infer<typeof aiAnswerSchema>;

/** The tool (Anthropic) / response format (OpenAI) name. */
export const ANSWER_TOOL_NAME = 'record_triage';

/** A plain, mutable JSON Schema object: the shape both SDKs' parameter types take. */
export interface AnswerJsonSchema {
  [keyword: string]: unknown;
  type: 'object';
  additionalProperties: false;
  required: string[];
  properties: Record<string, unknown>;
}

export const ANSWER_JSON_SCHEMA: AnswerJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'priority', 'reasons', 'need'],
  properties: {
    outcome: { type: 'string', enum: [...TRIAGE_OUTCOMES], description: 'stay_in_chat, or the ticket queue' },
    priority: { type: ['string', 'null'], enum: [...PRIORITIES, null], description: 'null exactly when stay_in_chat' },
    reasons: {
      type: 'array',
      description: 'one to three reasons in plain words, each pointing at the message it comes from',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'messageIndex'],
        properties: {
          text: { type: 'string', description: `at most ${ANSWER_LIMITS.reasonChars} characters` },
          messageIndex: { type: 'integer', description: 'the "i" of the transcript entry' },
        },
      },
    },
    need: { type: 'string', description: 'one sentence: what the customer needs, for the agent' },
  },
};

export type AnswerCheck = { ok: true; answer: AiAnswer } | { ok: false; problem: 'bad_json' | 'schema_mismatch'; detail: string };

/** Text (OpenAI's message content) → checked answer. */
export function answerFromText(text: string): AnswerCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'bad_json', detail: 'the answer is not JSON' };
  }
  return answerFromJson(json);
}

/** Parsed JSON (Anthropic's tool input) → checked answer; the detail names the first wrong field, never its value. */
export function answerFromJson(json: unknown): AnswerCheck {
  const parsed = aiAnswerSchema.safeParse(json);
  if (parsed.success) return { ok: true, answer: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: 'schema_mismatch', detail: `${issue?.path.join('.') || '(root)'}: ${issue?.code ?? 'invalid'}` };
}
