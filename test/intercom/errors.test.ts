import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { createIntercomClient, IntercomApiError } from '../../src/intercom';
import { type ClientHarness, useClientHarness } from './support';

async function failure(promise: Promise<unknown>): Promise<IntercomApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IntercomApiError)) throw new Error(`expected an IntercomApiError, got ${String(error)}`);
  return error;
}

/** Every way an error tends to end up in a log. */
function renderings(error: Error): string {
  return [String(error), error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 5 })].join('\n');
}

describe('typed errors from Intercom', () => {
  let h: ClientHarness;

  useClientHarness((started) => {
    h = started;
  });

  const escalate = () =>
    h.client().tickets.create({
      ticketTypeId: h.demo.backOffice.ticketTypeId,
      contact: { id: h.demo.contacts.vip },
      conversationToLinkId: h.demo.conversations.outage,
    });

  it('maps error.list to status, code, field and request id', async () => {
    const ticket = await escalate();
    // A real state id, but of the Customer ticket type: states are per type.
    const customerType = h.fake.state.workspaces.get(h.demo.workspaceId)!.ticketTypes.get(h.demo.customerTicketTypeId)!;
    const error = await failure(h.client().tickets.update(ticket.id, { ticketStateId: customerType.states[3]!.id }));
    expect(error).toMatchObject({ status: 400, code: 'ticket_state_id_invalid', field: 'ticket_state_id', retryable: false });
    expect(error.message).toBe('Ticket state id is not valid or is not associated with the ticket type');
    expect(error.requestId).toMatch(/^req_fake_/);
  });

  it('reports an unknown assignee and a list value that is a label instead of an option id', async () => {
    const ticket = await escalate();
    expect(await failure(h.client().tickets.update(ticket.id, { assigneeId: '424242' }))).toMatchObject({
      status: 404,
      code: 'assignee_not_found',
    });
    const wrong = await failure(h.client().tickets.update(ticket.id, { attributes: { Priority: 'P1' } }));
    expect(wrong).toMatchObject({ status: 400, code: 'parameter_invalid', field: 'Priority' });
  });

  it('rejects a customer-visible comment on an internal back-office ticket', async () => {
    const ticket = await escalate();
    const error = await failure(
      h.client().tickets.reply(ticket.id, { adminId: h.demo.admins.agent, body: '<p>hi</p>', messageType: 'comment' }),
    );
    expect(error).toMatchObject({ status: 400, code: 'parameter_mismatch' });
  });

  it('maps an unknown token to 401 unauthorized without putting the token anywhere in the error', async () => {
    const token = 'tok_SECRET_do_not_leak_123';
    const error = await failure(h.client({ token }).me.get());
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'Access Token Invalid' });
    expect(renderings(error)).not.toContain(token);
  });

  it('keeps the token out of timeout and network errors too', async () => {
    const token = h.demo.token;
    h.fake.faults.timeoutNext(1);
    const timeout = await failure(h.client({ timeoutMs: 100, maxRetries: 0 }).me.get());
    expect(timeout.code).toBe('timeout');
    expect(renderings(timeout)).not.toContain(token);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await failure(createIntercomClient({ baseUrl: `http://127.0.0.1:${port}`, token, maxRetries: 0 }).me.get());
    expect(refused).toMatchObject({ status: 0, code: 'network_error' });
    expect(renderings(refused)).not.toContain(token);
  });

  it('refuses a non-numeric acting admin before sending anything', async () => {
    const ticket = await escalate();
    const before = h.fake.requests.length;
    await expect(h.client().tickets.update(ticket.id, { actingAdminId: 'lead' })).rejects.toThrow(TypeError);
    expect(h.fake.requests).toHaveLength(before);
  });
});

describe('responses that are not what Intercom documents', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/me') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ type: 'admin', name: 'No id, no app' }));
      } else {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html>Bad gateway</html>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('turns a 2xx body that fails the schema into a non-retryable invalid_response', async () => {
    const error = await failure(createIntercomClient({ baseUrl, token: 't' }).me.get());
    expect(error).toMatchObject({ status: 200, code: 'invalid_response', retryable: false });
    expect(error.message).toContain('/me');
  });

  it('turns a non-JSON 5xx (a proxy page) into a retryable server_error', async () => {
    const error = await failure(createIntercomClient({ baseUrl, token: 't', maxRetries: 0 }).admins.list());
    expect(error).toMatchObject({ status: 502, code: 'server_error', retryable: true, field: null });
  });
});
