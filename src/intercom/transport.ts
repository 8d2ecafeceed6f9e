/**
 * The one place that talks HTTP to Intercom: headers, timeout, retries, call counting and error mapping.
 * Resource modules describe a request and the zod schema of its answer; this sends it.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { recordIntercomAnswer, recordIntercomCall } from '../util/request-context';
import type { Clock } from '../util/clock';
import { errorFromResponse, IntercomApiError, invalidResponse, networkError } from './errors';
import { type RetryPolicy, retryDelay } from './retry-policy';

/** The subset of pino's API the client uses; never given the token or a body. */
export interface IntercomLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

export interface IntercomRequest<S extends z.ZodType> {
  method: HttpMethod;
  /** Path below the base URL, ids already URI-encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Schema of a 2xx body. */
  schema: S;
  /**
   * false for calls that are not safe to repeat (creating a ticket, posting a note): after a timeout or a 5xx we
   * cannot know whether Intercom acted, so a blind retry could duplicate it. Those failures go back to the caller,
   * whose outbox retries with its own dedupe. Defaults to true.
   */
  retry?: boolean;
}

export interface IntercomHttp {
  request<S extends z.ZodType>(request: IntercomRequest<S>): Promise<z.output<S>>;
}

export interface TransportOptions {
  baseUrl: string;
  token: string;
  version: string;
  timeoutMs: number;
  policy: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  clock: Clock;
  random: () => number;
  logger?: IntercomLogger;
}

/**
 * One pool of kept-alive connections for every workspace's client. Given explicitly: axios left to Node's default
 * agent cost about 200 µs more per call (measured on loopback), twice on the escalation's critical path. Free
 * sockets close after 5 s, as Node's own default agent does, so a socket Intercom's side has dropped is rarely reused.
 */
const KEEP_ALIVE = { keepAlive: true, scheduling: 'lifo', timeout: 5_000 } as const;
const httpAgent = new HttpAgent(KEEP_ALIVE);
const httpsAgent = new HttpsAgent(KEEP_ALIVE);

/** A backwards scan: `replace(/\/+$/, '')` retries from every slash of a run that does not end the string. */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}

export function createTransport(options: TransportOptions): IntercomHttp {
  const http = axios.create({
    baseURL: withoutTrailingSlashes(options.baseUrl),
    timeout: options.timeoutMs,
    headers: {
      Authorization: `Bearer ${options.token}`,
      'Intercom-Version': options.version,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    // Every status is an answer we map ourselves; bodies are parsed here so a proxy's HTML error page cannot throw.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    transitional: { clarifyTimeoutError: true },
    // A redirect would re-send the bearer token somewhere we did not choose; Intercom's API never redirects.
    maxRedirects: 0,
    httpAgent,
    httpsAgent,
  });

  return {
    async request(request) {
      const retryAllowed = request.retry ?? true;
      let waitedMs = 0;
      for (let retryNumber = 0; ; retryNumber += 1) {
        const outcome = await sendOnce(http, request, options);
        if (!(outcome instanceof IntercomApiError)) return parseBody(request, outcome);
        const error = outcome;
        if (!retryAllowed || !error.retryable || retryNumber >= options.policy.maxRetries) throw error;
        const delayMs = retryDelay(error, retryNumber + 1, options.clock.now(), options.policy, options.random);
        if (waitedMs + delayMs > options.policy.maxTotalWaitMs) throw error;
        options.logger?.warn(
          {
            method: request.method,
            path: request.path,
            status: error.status,
            code: error.code,
            requestId: error.requestId,
            retry: retryNumber + 1,
            delayMs,
          },
          'Intercom call failed; retrying',
        );
        waitedMs += delayMs;
        await options.sleep(delayMs);
      }
    },
  };
}

interface RawAnswer {
  status: number;
  body: unknown;
}

async function sendOnce<S extends z.ZodType>(
  http: AxiosInstance,
  request: IntercomRequest<S>,
  options: TransportOptions,
): Promise<RawAnswer | IntercomApiError> {
  recordIntercomCall();
  let response: AxiosResponse<string>;
  try {
    response = await http.request<string>({ method: request.method, url: request.path, params: request.query, data: request.body });
  } catch (error) {
    recordIntercomAnswer(request.method, request.path, 'network');
    return toNetworkError(error, options.timeoutMs);
  }
  recordIntercomAnswer(request.method, request.path, response.status);
  const body = parseJson(response.data);
  if (response.status >= 200 && response.status < 300) return { status: response.status, body };
  return errorFromResponse(response.status, body, {
    requestId: headerString(response.headers['x-request-id']),
    link: headerString(response.headers['link']),
    rateLimitResetAt: resetHeaderToMs(response.headers['x-ratelimit-reset']),
  });
}

function parseBody<S extends z.ZodType>(request: IntercomRequest<S>, answer: RawAnswer): z.output<S> {
  const parsed = request.schema.safeParse(answer.body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw invalidResponse(answer.status, request.method, request.path, issues);
}

export function toNetworkError(error: unknown, timeoutMs: number): IntercomApiError {
  // Only the error code is read: axios errors carry the request config, bearer token included.
  const code = axios.isAxiosError(error) ? error.code : undefined;
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') return networkError('timeout', `${timeoutMs} ms`);
  return networkError('network_error', code ?? 'unknown');
}

export function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function headerString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `X-RateLimit-Reset` is a unix time in seconds. */
function resetHeaderToMs(value: unknown): number | null {
  const seconds = Number(headerString(value));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}
