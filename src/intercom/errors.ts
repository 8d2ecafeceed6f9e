/**
 * One error type for everything that can go wrong talking to Intercom, so callers map errors in one place
 * (error canvases, outbox retry decisions) without knowing about axios.
 *
 * The message is built here from Intercom's `error.list` or a fixed phrase; it never includes request headers,
 * so the bearer token cannot leak through `String(err)`, a log line or `JSON.stringify(err)`. For the same reason
 * the underlying axios error is not kept as `cause`: its `config.headers` carries the token.
 */
import { z } from 'zod';

export type IntercomErrorCode = 'network_error' | 'timeout' | 'invalid_response' | (string & {});

export interface IntercomApiErrorInit {
  status: number;
  code: IntercomErrorCode;
  message: string;
  field?: string | null;
  requestId?: string | null;
  retryable: boolean;
  /** The `Link` response header, for 410 `contact_merged` (points at the canonical contact). */
  link?: string | null;
  /** When Intercom says the rate-limit window resets (epoch ms), from `X-RateLimit-Reset` on a 429. */
  rateLimitResetAt?: number | null;
}

export class IntercomApiError extends Error {
  override readonly name = 'IntercomApiError';
  readonly status: number;
  readonly code: IntercomErrorCode;
  readonly field: string | null;
  readonly requestId: string | null;
  readonly retryable: boolean;
  readonly link: string | null;
  readonly rateLimitResetAt: number | null;

  constructor(init: IntercomApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.field = init.field ?? null;
    this.requestId = init.requestId ?? null;
    this.retryable = init.retryable;
    this.link = init.link ?? null;
    this.rateLimitResetAt = init.rateLimitResetAt ?? null;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      field: this.field,
      requestId: this.requestId,
      retryable: this.retryable,
    };
  }
}

export function isIntercomApiError(value: unknown): value is IntercomApiError {
  return value instanceof IntercomApiError;
}

/** Intercom answers 429 and 5xx for conditions that pass; anything else is a bug or a configuration problem. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

const ErrorListSchema = z.object({
  type: z.literal('error.list'),
  request_id: z.string().nullish(),
  errors: z.array(z.looseObject({ code: z.string(), message: z.string().nullish(), field: z.string().nullish() })).min(1),
});

/** Turns an HTTP error response into a typed error, whether or not the body is a well-formed `error.list`. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: { requestId?: string | null; link?: string | null; rateLimitResetAt?: number | null } = {},
): IntercomApiError {
  const parsed = ErrorListSchema.safeParse(body);
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  return new IntercomApiError({
    status,
    code: first?.code ?? fallbackCode(status),
    message: first?.message ?? `Intercom answered HTTP ${status}`,
    field: first?.field ?? null,
    requestId: (parsed.success ? parsed.data.request_id : null) ?? headers.requestId ?? null,
    retryable: isRetryableStatus(status),
    link: headers.link ?? null,
    rateLimitResetAt: headers.rateLimitResetAt ?? null,
  });
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limit_exceeded';
  if (status >= 500) return 'server_error';
  return 'http_error';
}

/** A request that never got an HTTP answer: safe to retry only if the request itself is. */
export function networkError(kind: 'network_error' | 'timeout', detail: string): IntercomApiError {
  const message = kind === 'timeout' ? `Intercom did not answer in time (${detail})` : `Could not reach Intercom (${detail})`;
  return new IntercomApiError({ status: 0, code: kind, message, retryable: true });
}

/** A 2xx whose body does not match what we parse: retrying will not help. */
export function invalidResponse(status: number, method: string, path: string, issues: string): IntercomApiError {
  return new IntercomApiError({
    status,
    code: 'invalid_response',
    message: `Unexpected response shape from ${method} ${path}: ${issues}`,
    retryable: false,
  });
}
