/**
 * The two providers, each through its official SDK, asked the same thing and answering in one shape. Anthropic:
 * the Messages API with one forced tool whose input schema is the answer. OpenAI: Chat Completions with a strict
 * `json_schema` response format. Every SDK default that would read the environment (base URL, organisation,
 * project) is set explicitly, the SDKs' own retries are off (a retry belongs to the job, not inside the time
 * budget) and their logging is off, so neither the key nor the transcript reaches a log.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { ANSWER_JSON_SCHEMA, ANSWER_TOOL_NAME, type AnswerCheck, answerFromJson, answerFromText } from '../../domain/triage-ai';
import type { TriageAiProvider } from '../../store';

export interface ProviderRequest {
  model: string;
  apiKey: string;
  system: string;
  user: string;
  /** Aborts the call when the time budget is spent. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** What came back: a checked answer, a refusal, or an answer that was cut off. */
export type ProviderReply = { kind: 'answer'; check: AnswerCheck } | { kind: 'refusal' } | { kind: 'truncated' };

/**
 * One provider's call, and `ready`: its SDK loaded, awaited before the time budget starts. The SDKs (~190 modules,
 * 1.3 MB) load on a workspace's first AI triage instead of at start, which AI triage being opt-in most deployments
 * never reach, and which every jest test file that builds the app paid (jest loads modules afresh per file).
 */
export type AskProvider = ((request: ProviderRequest) => Promise<ProviderReply>) & { ready?: () => Promise<unknown> };

let anthropicSdk: Promise<typeof import('@anthropic-ai/sdk')> | undefined;
let openAiSdk: Promise<typeof import('openai')> | undefined;
const loadAnthropic = () => {
  anthropicSdk ??= import('@anthropic-ai/sdk');
  return anthropicSdk;
};
const loadOpenAi = () => {
  openAiSdk ??= import('openai');
  return openAiSdk;
};

/** Public hosts, used when TRIAGE_AI_BASE_URL is unset (never the SDKs' environment variables). */
const ANTHROPIC_HOST = 'https://api.anthropic.com';
const OPENAI_HOST = 'https://api.openai.com/v1';
/** The answer is four short fields; this bounds cost and time if a model rambles. */
const MAX_OUTPUT_TOKENS = 800;

export function providerClients(baseUrl: string | undefined): Record<TriageAiProvider, AskProvider> {
  return {
    anthropic: Object.assign((request: ProviderRequest) => askAnthropic(baseUrl ?? ANTHROPIC_HOST, request), { ready: loadAnthropic }),
    openai: Object.assign((request: ProviderRequest) => askOpenAi(baseUrl ? `${baseUrl}/v1` : OPENAI_HOST, request), { ready: loadOpenAi }),
  };
}

async function askAnthropic(baseURL: string, request: ProviderRequest): Promise<ProviderReply> {
  const { default: AnthropicClient } = await loadAnthropic();
  const client: Anthropic = new AnthropicClient({
    apiKey: request.apiKey,
    baseURL,
    maxRetries: 0,
    timeout: request.timeoutMs,
    logLevel: 'off',
  });
  const message = await client.messages.create(
    {
      model: request.model,
      max_tokens: MAX_OUTPUT_TOKENS,
      system: request.system,
      messages: [{ role: 'user', content: request.user }],
      tools: [{ name: ANSWER_TOOL_NAME, description: 'Record the triage decision.', input_schema: ANSWER_JSON_SCHEMA }],
      tool_choice: { type: 'tool', name: ANSWER_TOOL_NAME },
    },
    { signal: request.signal },
  );
  if (message.stop_reason === 'refusal') return { kind: 'refusal' };
  const tool = message.content.find((block) => block.type === 'tool_use' && block.name === ANSWER_TOOL_NAME);
  if (tool?.type !== 'tool_use') {
    if (message.stop_reason === 'max_tokens') return { kind: 'truncated' };
    return { kind: 'answer', check: { ok: false, problem: 'schema_mismatch', detail: 'no answer tool call' } };
  }
  return { kind: 'answer', check: answerFromJson(tool.input) };
}

async function askOpenAi(baseURL: string, request: ProviderRequest): Promise<ProviderReply> {
  const { default: OpenAiClient } = await loadOpenAi();
  const client: OpenAI = new OpenAiClient({
    apiKey: request.apiKey,
    baseURL,
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: request.timeoutMs,
    logLevel: 'off',
  });
  const completion = await client.chat.completions.create(
    {
      model: request.model,
      max_completion_tokens: MAX_OUTPUT_TOKENS,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
      ],
      response_format: { type: 'json_schema', json_schema: { name: ANSWER_TOOL_NAME, strict: true, schema: { ...ANSWER_JSON_SCHEMA } } },
    },
    { signal: request.signal },
  );
  const choice = completion.choices[0];
  if (choice?.message.refusal) return { kind: 'refusal' };
  if (choice?.finish_reason === 'length') return { kind: 'truncated' };
  return { kind: 'answer', check: answerFromText(choice?.message.content ?? '') };
}
