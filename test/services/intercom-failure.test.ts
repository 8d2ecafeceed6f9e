import { errorFromResponse, invalidResponse, networkError } from '../../src/intercom/errors';
import {
  asOutboxJob,
  classifyIntercomFailure,
  describeFailure,
  intercomStatusLabel,
  toOutboxError,
} from '../../src/services/intercom-failure';
import { isPermanentJobError, requestedRetryAt } from '../../src/services/job-outcomes';
import { AppError } from '../../src/util/app-error';

const answered = (status: number, code?: string, rateLimitResetAt?: number) =>
  errorFromResponse(status, code ? { type: 'error.list', errors: [{ code, message: `said ${status}` }] } : 'busy', {
    rateLimitResetAt: rateLimitResetAt ?? null,
  });

describe('classifyIntercomFailure: one decision per status and code', () => {
  it.each([
    ['400 parameter_invalid', answered(400, 'parameter_invalid'), 'give_up'],
    ['401 unauthorized', answered(401), 'give_up'],
    ['403 forbidden', answered(403, 'forbidden'), 'give_up'],
    ['404 not_found (deleted ticket, conversation, admin)', answered(404), 'give_up'],
    ['409 conflict', answered(409, 'conflict'), 'give_up'],
    ['410 contact_merged', answered(410, 'contact_merged'), 'give_up'],
    ['422 unprocessable', answered(422, 'parameter_invalid'), 'give_up'],
    ['408 request timeout', answered(408), 'retry'],
    ['500 server_error', answered(500), 'retry'],
    ['502 bad gateway', answered(502), 'retry'],
    ['503 service unavailable', answered(503), 'retry'],
    ['no answer: timeout', networkError('timeout', '4000 ms'), 'retry'],
    ['no answer: dropped connection', networkError('network_error', 'ECONNRESET'), 'retry'],
    ['2xx with an unreadable body', invalidResponse(200, 'POST', '/tickets', 'id: required'), 'retry'],
    ['app: not installed', new AppError('not_installed', 'Not installed.'), 'give_up'],
    ['app: our link is gone', new AppError('not_found', 'No longer linked.'), 'give_up'],
    ['app: intercom rejected', new AppError('intercom_rejected', 'No.'), 'give_up'],
    ['app: intercom unavailable', new AppError('intercom_unavailable', 'Later.'), 'retry'],
    ['app: store unavailable', new AppError('store_unavailable', 'Restarting.'), 'retry'],
  ])('%s → %s', (_label, error, kind) => {
    expect(classifyIntercomFailure(error)?.kind).toBe(kind);
  });

  it('a 429 waits for the reset Intercom sent, or for the caller to choose when none came', () => {
    expect(classifyIntercomFailure(answered(429, 'rate_limit_exceeded', 1_700_000_060_000))).toEqual({
      kind: 'wait',
      until: 1_700_000_060_000,
    });
    expect(classifyIntercomFailure(answered(429))).toEqual({ kind: 'wait', until: null });
  });

  it('leaves errors that are not Intercom or install failures to surface', () => {
    expect(classifyIntercomFailure(new TypeError('bug'))).toBeNull();
    expect(classifyIntercomFailure(new AppError('bad_request', 'Bad.'))).toBeNull();
    expect(classifyIntercomFailure('a string')).toBeNull();
  });
});

describe('toOutboxError', () => {
  it('dead-letters a give-up with a message naming status and code', () => {
    const translated = toOutboxError(answered(404, 'ticket_not_found'));
    expect(isPermanentJobError(translated)).toBe(true);
    expect((translated as Error).message).toBe('Intercom 404 ticket_not_found: said 404');
  });

  it('retries a 429 at its reset, and leaves a plain retry to the worker’s backoff', () => {
    expect(requestedRetryAt(toOutboxError(answered(429, 'rate_limit_exceeded', 5_000)))).toBe(5_000);
    const noReset = answered(429);
    expect(toOutboxError(noReset)).toBe(noReset);
    const timeout = answered(408);
    expect(toOutboxError(timeout)).toBe(timeout);
    const bug = new TypeError('bug');
    expect(toOutboxError(bug)).toBe(bug);
  });

  it('caps the message and keeps an app error’s code', async () => {
    const long = errorFromResponse(400, { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'x'.repeat(1_000) }] });
    expect((toOutboxError(long) as Error).message).toHaveLength(300);
    await expect(asOutboxJob(() => Promise.reject(new AppError('not_installed', 'Gone.')))).rejects.toThrow('not_installed: Gone.');
    await expect(asOutboxJob(() => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('labels', () => {
  it('say status and code, never Intercom’s free text', () => {
    expect(intercomStatusLabel(answered(404))).toBe('404 not_found');
    expect(intercomStatusLabel(networkError('timeout', '4000 ms'))).toBe('timeout');
    expect(intercomStatusLabel(new Error('x'))).toBeNull();
    expect(describeFailure(networkError('timeout', '4000 ms'))).toBe('Intercom timeout: Intercom did not answer in time (4000 ms)');
  });
});
