/** Raw HTTP calls to the fake, for requests the typed client would never send (off-spec bodies, missing headers). */
import type { FakeIntercom } from '../../../src/sandbox/fake-intercom';

export interface RawAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Intercom JSON and assert on it.
  body: any;
}

export interface RawOptions {
  token?: string | null;
  body?: unknown;
  /** Headers to add or, with `undefined`, to leave out (e.g. `{'Intercom-Version': undefined}`). */
  headers?: Record<string, string | undefined>;
}

export async function raw(
  fake: FakeIntercom,
  method: string,
  path: string,
  token: string | null,
  options: Omit<RawOptions, 'token'> = {},
): Promise<RawAnswer> {
  const headers: Record<string, string | undefined> = {
    Accept: 'application/json',
    'Intercom-Version': '2.16',
    ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...options.headers,
  };
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}
