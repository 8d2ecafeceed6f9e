/** Intercom's error responses: an HTTP status and an `error.list` body. Handlers throw; the server writes. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    /** Extra response headers, e.g. the canonical `Link` on a 410 for a merged contact. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export function errorListBody(requestId: string, code: string, message: string, field: string | null = null) {
  return { type: 'error.list', request_id: requestId, errors: [{ code, message, field }] };
}

export const notFound = (message = 'Resource Not Found', code = 'not_found') => new FakeHttpError(404, code, message);
export const invalid = (message: string, field: string | null = null, code = 'parameter_invalid') =>
  new FakeHttpError(400, code, message, field);
