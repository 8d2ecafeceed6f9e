import { IntercomApiError } from '../../src/intercom';
import { intercomCallsInThisRequest, runWithRequestContext } from '../../src/util/request-context';
import { type ClientHarness, useClientHarness } from './support';

/** Awaits a promise expected to reject with an IntercomApiError and returns it. */
async function failure(promise: Promise<unknown>): Promise<IntercomApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IntercomApiError)) throw new Error(`expected an IntercomApiError, got ${String(error)}`);
  return error;
}

describe('client retries against injected faults', () => {
  let h: ClientHarness;

  useClientHarness((started) => {
    h = started;
  });

  const statuses = () => h.fake.requests.map((request) => request.status);

  it('retries 500 and 503 with exponential backoff and jitter, then succeeds', async () => {
    h.fake.faults.failNext(1, 500);
    h.fake.faults.failNext(1, 503);
    const me = await h.client().me.get();
    expect(me.app.id_code).toBe(h.demo.workspaceId);
    expect(statuses()).toEqual([500, 503, 200]);
    // random() = 0.5: half the step fixed plus a quarter → 188 ms, then 375 ms.
    expect(h.sleeps).toEqual([188, 375]);
  });

  it('waits for X-RateLimit-Reset on a 429 before retrying', async () => {
    h.fake.faults.rateLimitNext(1, 7);
    await h.client().teams.list();
    expect(statuses()).toEqual([429, 200]);
    // 7 s to the reset plus 125 ms of jitter (random 0.5 × 250 ms base).
    expect(h.sleeps).toEqual([7_125]);
  });

  it('gives up at once when the reset lies beyond the cap on total waiting', async () => {
    h.fake.faults.rateLimitNext(1, 60);
    const error = await failure(h.client({ retryPolicy: { maxTotalWaitMs: 10_000 } }).teams.list());
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', retryable: true });
    expect(error.rateLimitResetAt).toBe(h.clock.now() + 60_000);
    expect(h.sleeps).toEqual([]);
  });

  it('stops after maxRetries and reports the last error', async () => {
    h.fake.faults.failNext(10, 502);
    const error = await failure(h.client({ maxRetries: 2 }).admins.list());
    expect(error).toMatchObject({ status: 502, code: 'server_error', retryable: true });
    expect(statuses()).toEqual([502, 502, 502]);
  });

  it('retries a timeout, and maps an exhausted one to status 0 / timeout', async () => {
    // Each held request costs this long; the healthy retry must answer within it even on a loaded machine (at
    // 150 ms it could time out too, and retry once more).
    const timeoutMs = 1_000;
    h.fake.faults.timeoutNext(1, 'GET /me');
    expect((await h.client({ timeoutMs }).me.get()).id).toBe(h.demo.admins.agent);
    expect(h.sleeps).toHaveLength(1);

    h.fake.faults.timeoutNext(2, 'GET /me');
    const error = await failure(h.client({ timeoutMs, maxRetries: 1 }).me.get());
    expect(error).toMatchObject({ status: 0, code: 'timeout', retryable: true });
  });

  it('retries a dropped connection, and maps one without retry to status 0 / network_error', async () => {
    h.fake.faults.dropNext(1);
    expect((await h.client().ticketTypes.list()).length).toBe(2);
    expect(h.fake.requests.map((request) => request.fault)).toEqual(['drop', null]);

    h.fake.faults.dropNext(1);
    const error = await failure(h.client({ maxRetries: 0 }).ticketTypes.list());
    expect(error).toMatchObject({ status: 0, code: 'network_error', retryable: true });
  });

  it('does not retry ticket creation by default: Intercom may have acted before failing', async () => {
    // The fake creates the ticket, then drops the answer: the case that makes a blind retry duplicate tickets.
    h.fake.faults.add({ route: 'POST /tickets', effect: { type: 'drop' }, phase: 'after' });
    const input = { ticketTypeId: h.demo.backOffice.ticketTypeId, contact: { id: h.demo.contacts.vip } };
    const error = await failure(h.client().tickets.create(input));
    expect(error.code).toBe('network_error');
    expect(h.fake.requests.filter((request) => request.path === '/tickets')).toHaveLength(1);
    expect(h.fake.state.workspaces.get(h.demo.workspaceId)!.tickets.size).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  it('retries a non-idempotent call when the caller opts in, and never retries when it opts out', async () => {
    h.fake.faults.failNext(1, 500, 'POST /tickets');
    const ticket = await h
      .client()
      .tickets.create({ ticketTypeId: h.demo.backOffice.ticketTypeId, contact: { id: h.demo.contacts.vip } }, { retry: true });
    expect(ticket.ticket_state?.category).toBe('submitted');

    h.fake.faults.failNext(1, 503, 'GET /me');
    const error = await failure(h.client().me.get({ retry: false }));
    expect(error.status).toBe(503);
    expect(h.fake.requests.filter((request) => request.path === '/me')).toHaveLength(1);
  });

  it('does not retry notes by default', async () => {
    h.fake.faults.failNext(1, 500, 'POST /conversations/{id}/reply');
    const error = await failure(
      h.client().conversations.reply(h.demo.conversations.refund, { adminId: h.demo.admins.agent, body: '<p>x</p>' }),
    );
    expect(error.status).toBe(500);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('never retries a 4xx', async () => {
    const error = await failure(h.client().tickets.get('999999'));
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(h.fake.requests).toHaveLength(1);
  });

  it('counts every HTTP attempt in the request context', async () => {
    h.fake.faults.failNext(2, 500);
    const calls = await runWithRequestContext(async () => {
      await h.client().me.get();
      return intercomCallsInThisRequest();
    });
    expect(calls).toBe(3);
  });

  it('logs each retry without the token', async () => {
    const lines: string[] = [];
    const logger = { warn: (fields: Record<string, unknown>, message: string) => lines.push(`${message} ${JSON.stringify(fields)}`) };
    h.fake.faults.failNext(1, 500);
    await h.client({ logger }).me.get();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"status":500');
    expect(lines[0]).not.toContain(h.demo.token);
  });
});
