/**
 * The optional AI triage, pure part: what is sent (policy prompt, masked transcript), what must come back (the
 * answer schema), and when an answer is accepted (hard facts of the local engine) and how it is shown (the engine's
 * recommendation shape). The provider calls and the cache are in src/services/triage-ai/.
 */
export {
  ANSWER_JSON_SCHEMA,
  ANSWER_TOOL_NAME,
  type AiAnswer,
  type AnswerCheck,
  aiAnswerSchema,
  answerFromJson,
  answerFromText,
} from './answer';
export { type Contradiction, contradictionOf, LEGAL_FACTS, looksLikeInjection, MUST_ESCALATE_FACTS } from './hard-facts';
export { TRIAGE_SYSTEM_PROMPT, triageUserPrompt } from './policy-prompt';
export { recommendationFromAnswer } from './recommendation';
export { MAX_MESSAGE_CHARS, type MaskedTranscript, maskedText, maskedTranscript, tagSafeJson } from './transcript';
export { lastJudgedPartId, storedRecommendation, storedRecommendationSchema } from './stored';
