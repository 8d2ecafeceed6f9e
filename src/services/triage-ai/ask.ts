/**
 * One provider call inside its time budget, and every way it can end mapped to an outcome: an accepted answer,
 * or the reason the local engine's recommendation stands (timeout, rate limit, provider error, refusal, bad JSON,
 * schema mismatch, or an answer that contradicts a hard fact). Nothing thrown leaves here: the caller falls back.
 */
import {
  type Contradiction,
  contradictionOf,
  type MaskedTranscript,
  recommendationFromAnswer,
  TRIAGE_SYSTEM_PROMPT,
  triageUserPrompt,
} from '../../domain/triage-ai';
import type { TriageInput, TriageRecommendation } from '../../domain/triage';
import type { AskProvider } from './providers';

/** Every way a call can end without an accepted answer: each is counted on /metrics under its own name. */
export const FALLBACK_REASONS = [
  'timeout',
  'rate_limited',
  'provider_error',
  'auth_failed',
  'provider_rejected',
  'unreachable',
  'refusal',
  'truncated',
  'bad_json',
  'schema_mismatch',
  'priority_inconsistent',
  'reason_points_nowhere',
  'legal_fact_ignored',
  'escalation_fact_ignored',
  'tier_not_enterprise',
  'possible_injection',
] as const satisfies readonly (string | Contradiction)[];

export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** A contradiction the domain can report but the list lacks would go uncounted: this assignment fails to compile instead. */
export const CONTRADICTIONS_COUNTED: readonly FallbackReason[] = [] as Contradiction[];

export type AskOutcome = { ok: true; recommendation: TriageRecommendation } | { ok: false; reason: FallbackReason; detail?: string };

export interface AskInput {
  ask: AskProvider;
  model: string;
  apiKey: string;
  timeoutMs: number;
  input: TriageInput;
  local: TriageRecommendation;
  transcript: MaskedTranscript;
}

/** SDK errors → a reason. Read by shape (status, name), the same for both SDKs' error classes. */
export function reasonForError(error: unknown, timedOut: boolean): FallbackReason {
  if (timedOut) return 'timeout';
  const name = error instanceof Error ? error.name : '';
  if (/Timeout|Abort/.test(name)) return 'timeout';
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') {
    if (status === 429) return 'rate_limited';
    if (status === 401 || status === 403) return 'auth_failed';
    if (status === 408) return 'timeout';
    return status >= 500 ? 'provider_error' : 'provider_rejected';
  }
  return 'unreachable';
}

export async function askWithinBudget(request: AskInput): Promise<AskOutcome> {
  const { input, local, transcript } = request;
  // The SDK's first load is start-up work, not the provider's answer time: it stays outside the budget. A load that
  // fails ends as the call itself would then fail (the local recommendation stands).
  try {
    await request.ask.ready?.();
  } catch (error) {
    return { ok: false, reason: reasonForError(error, false) };
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  try {
    const reply = await request.ask({
      model: request.model,
      apiKey: request.apiKey,
      system: TRIAGE_SYSTEM_PROMPT,
      user: triageUserPrompt({ tier: input.tier, renewalInDays: input.renewalInDays }, transcript.json),
      signal: controller.signal,
      timeoutMs: request.timeoutMs,
    });
    if (reply.kind !== 'answer') return { ok: false, reason: reply.kind === 'refusal' ? 'refusal' : 'truncated' };
    if (!reply.check.ok) return { ok: false, reason: reply.check.problem, detail: reply.check.detail };
    const contradiction = contradictionOf(reply.check.answer, local, input, transcript.sent);
    if (contradiction) return { ok: false, reason: contradiction };
    return { ok: true, recommendation: recommendationFromAnswer(reply.check.answer, local, input) };
  } catch (error) {
    return { ok: false, reason: reasonForError(error, timedOut) };
  } finally {
    clearTimeout(timer);
  }
}
