import { type DemoWorkspace, type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { FaultControl } from '../../../src/sandbox/fake-intercom/faults';
import { ManualClock } from '../../../src/util/clock';
import { raw } from './support';

const T0 = Date.UTC(2026, 10, 21, 9, 30, 0);

describe('FaultControl matching', () => {
  it('matches method and path templates, consumes uses, and counts injected faults', () => {
    const faults = new FaultControl();
    faults.failNext(2, 500, 'PUT /tickets/{id}');
    expect(faults.take('GET', '/tickets/12').fault).toBeNull();
    expect(faults.take('PUT', '/tickets').fault).toBeNull();
    expect(faults.take('PUT', '/tickets/12').fault?.effect).toEqual({ type: 'status', status: 500 });
    expect(faults.take('put', '/tickets/13').fault).not.toBeNull();
    expect(faults.take('PUT', '/tickets/14').fault).toBeNull();
    expect(faults.injected).toBe(2);
  });

  it('supports path-only, method-only and wildcard routes, and persistent rules until removed', () => {
    const faults = new FaultControl();
    const persistent = faults.add({ route: '/me', times: Number.POSITIVE_INFINITY, effect: { type: 'drop' } });
    faults.add({ route: 'POST', effect: { type: 'timeout' } });
    faults.add({ route: 'GET /conversations/*/parts', effect: { type: 'status', status: 503 } });
    for (let i = 0; i < 3; i += 1) expect(faults.take('GET', '/me').fault?.effect.type).toBe('drop');
    expect(faults.take('POST', '/tickets').fault?.effect.type).toBe('timeout');
    expect(faults.take('POST', '/tickets').fault).toBeNull();
    expect(faults.take('GET', '/conversations/9/parts').fault?.effect).toMatchObject({ status: 503 });
    persistent.remove();
    expect(faults.take('GET', '/me').fault).toBeNull();
  });

  it('adds up latency from every matching rule and still applies one other fault', () => {
    const faults = new FaultControl();
    faults.latency(100);
    faults.latency(50, 'GET /me');
    faults.rateLimitNext(1, 3, 'GET /me');
    const applied = faults.take('GET', '/me');
    expect(applied).toEqual({ latencyMs: 150, fault: { effect: { type: 'rate_limit', resetInSeconds: 3 }, phase: 'before' } });
    expect(faults.take('GET', '/teams')).toEqual({ latencyMs: 100, fault: null });
    faults.clear();
    expect(faults.take('GET', '/me')).toEqual({ latencyMs: 0, fault: null });
  });
});

describe('faults on the wire', () => {
  let fake: FakeIntercom;
  let demo: DemoWorkspace;

  beforeEach(async () => {
    fake = await startFakeIntercom({ clock: new ManualClock(T0), timeoutHoldMs: 2_000 });
    demo = fake.seedDemoWorkspace();
  });
  afterEach(async () => {
    fake.assertNoViolations();
    await fake.close();
  });

  const createTicket = () =>
    raw(fake, 'POST', '/tickets', demo.token, {
      body: { ticket_type_id: demo.backOffice.ticketTypeId, contacts: [{ id: demo.contacts.vip }] },
    });

  it('fails only the matching route, with an Intercom error body', async () => {
    fake.faults.failNext(1, 503, 'POST /tickets');
    expect((await raw(fake, 'GET', '/me', demo.token)).status).toBe(200);
    const failed = await createTicket();
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ type: 'error.list', errors: [{ code: 'service_unavailable' }] });
    expect((await createTicket()).status).toBe(200);
  });

  it('answers 429 with X-RateLimit-Reset seconds ahead', async () => {
    fake.faults.rateLimitNext(1, 30);
    const limited = await raw(fake, 'GET', '/teams', demo.token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(T0 / 1000 + 30));
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('applies a fault after the change when asked: the ticket exists although the caller saw a 500', async () => {
    fake.faults.add({ route: 'POST /tickets', effect: { type: 'status', status: 500 }, phase: 'after' });
    expect((await createTicket()).status).toBe(500);
    expect(fake.state.workspaces.get(demo.workspaceId)!.tickets.size).toBe(1);
    expect(fake.requests[0]).toMatchObject({ status: 500, fault: 'status 500' });
  });

  it('delays answers by the configured latency', async () => {
    fake.faults.latency(120, 'GET /me');
    const started = performance.now();
    expect((await raw(fake, 'GET', '/me', demo.token)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('drops the connection, and holds a timed-out request without answering', async () => {
    fake.faults.dropNext(1);
    await expect(raw(fake, 'GET', '/me', demo.token)).rejects.toThrow();
    fake.faults.timeoutNext(1);
    const aborted = await fetch(`${fake.url}/me`, {
      headers: { Authorization: `Bearer ${demo.token}`, 'Intercom-Version': '2.16' },
      signal: AbortSignal.timeout(150),
    }).catch((error: unknown) => error);
    expect((aborted as Error).name).toBe('TimeoutError');
    expect(fake.requests.map((request) => [request.fault, request.status])).toEqual([
      ['drop', null],
      ['timeout', null],
    ]);
  });
});
