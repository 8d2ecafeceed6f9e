/**
 * OAuth code exchange for public-app installs: `POST /auth/eagle/token`, form-encoded, with no bearer token and
 * no `grant_type`. It is not in the REST spec, so it does not go through the versioned transport. Never retried:
 * a code is single-use, so a repeat after a lost answer could only fail.
 */
import axios from 'axios';
import { z } from 'zod';
import { recordIntercomAnswer, recordIntercomCall } from '../util/request-context';
import { errorFromResponse, invalidResponse } from './errors';
import { headerString, parseJson, toNetworkError } from './transport';

export interface ExchangeCodeInput {
  /** e.g. `https://api.intercom.io/auth/eagle/token`, or the fake's in tests. */
  tokenUrl: string;
  code: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
}

export interface ExchangedToken {
  accessToken: string;
  tokenType: string | null;
}

// Intercom's own tutorial reads `token`; third-party code reads `access_token`. Accept either.
const TokenResponseSchema = z
  .looseObject({ access_token: z.string().min(1).optional(), token: z.string().min(1).optional(), token_type: z.string().nullish() })
  .refine((body) => body.access_token !== undefined || body.token !== undefined, { message: 'no access_token or token' });

export async function exchangeCode(input: ExchangeCodeInput): Promise<ExchangedToken> {
  const timeoutMs = input.timeoutMs ?? 10_000;
  const form = new URLSearchParams({ code: input.code, client_id: input.clientId, client_secret: input.clientSecret });
  recordIntercomCall();
  let response: { status: number; data: string; headers: Record<string, unknown> };
  try {
    response = await axios.post<string>(input.tokenUrl, form.toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      timeout: timeoutMs,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      transitional: { clarifyTimeoutError: true },
      maxRedirects: 0,
    });
  } catch (error) {
    recordIntercomAnswer('POST', '/auth/eagle/token', 'network');
    throw toNetworkError(error, timeoutMs);
  }
  recordIntercomAnswer('POST', '/auth/eagle/token', response.status);
  const body = parseJson(response.data);
  if (response.status < 200 || response.status >= 300) {
    throw errorFromResponse(response.status, body, { requestId: headerString(response.headers['x-request-id']) });
  }
  const parsed = TokenResponseSchema.safeParse(body);
  if (!parsed.success) throw invalidResponse(response.status, 'POST', '/auth/eagle/token', 'no access_token or token');
  // The refine above guarantees one of the two is present.
  return { accessToken: (parsed.data.access_token ?? parsed.data.token)!, tokenType: parsed.data.token_type ?? null };
}
