import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DemoWorkspace, type FakeIntercom, startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { ManualClock } from '../../../src/util/clock';
import { raw } from './support';

const SECRET = 'client-secret-for-webhooks';
const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

/** Verified here independently of the fake's signer: hex HMAC-SHA1 of the raw bytes, constant-time compare. */
function signatureValid(received: Received, secret: string): boolean {
  const expected = Buffer.from(`sha1=${createHmac('sha1', secret).update(received.raw).digest('hex')}`);
  const actual = Buffer.from(String(received.headers['x-hub-signature'] ?? ''));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

describe('webhooks from the fake back office', () => {
  let fake: FakeIntercom;
  let demo: DemoWorkspace;
  let receiver: Server;
  let receiverUrl: string;
  let received: Received[];
  let ticketId: string;

  beforeAll(async () => {
    received = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/intercom/webhooks`;
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  beforeEach(async () => {
    received.length = 0;
    fake = await startFakeIntercom({ clock: new ManualClock(T0) });
    demo = fake.seedDemoWorkspace();
    const created = await raw(fake, 'POST', '/tickets', demo.token, {
      body: {
        ticket_type_id: demo.backOffice.ticketTypeId,
        contacts: [{ id: demo.contacts.vip }],
        conversation_to_link_id: demo.conversations.outage,
      },
    });
    ticketId = created.body.id;
  });
  afterEach(async () => {
    fake.assertNoViolations();
    await fake.close();
  });

  const payload = (index: number) => JSON.parse(received[index]!.raw);

  it('changes nothing on the wire until webhooks are configured, but still changes the ticket', async () => {
    expect(await fake.backOffice.setState(ticketId, 'in_progress')).toBeNull();
    expect(received).toHaveLength(0);
    expect((await raw(fake, 'GET', `/tickets/${ticketId}`, demo.token)).body.ticket_state.category).toBe('in_progress');
    await expect(fake.emitWebhook(demo.workspaceId, 'ping', {})).rejects.toThrow(/not configured/);
  });

  it('sends ticket.state.updated with the ticket as the item, signed with X-Hub-Signature', async () => {
    fake.configureWebhooks({ url: receiverUrl, clientSecret: SECRET });
    const delivery = await fake.backOffice.setState(ticketId, 'resolved', { adminId: demo.admins.lead });
    expect(delivery).toMatchObject({ status: 200, topic: 'ticket.state.updated', error: null });
    expect(received).toHaveLength(1);
    expect(signatureValid(received[0]!, SECRET)).toBe(true);
    expect(signatureValid(received[0]!, 'another-secret')).toBe(false);
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(payload(0)).toMatchObject({
      type: 'notification_event',
      id: delivery!.id,
      topic: 'ticket.state.updated',
      app_id: demo.workspaceId,
      created_at: T0 / 1000,
      data: {
        type: 'notification_event_data',
        item: { type: 'ticket', id: ticketId, open: false, ticket_state: { category: 'resolved' } },
      },
    });
  });

  it('wraps assignment and note topics as ticket_ticket_part, with the ticket id at item.ticket.id', async () => {
    fake.configureWebhooks({ url: receiverUrl, clientSecret: SECRET });
    await fake.backOffice.assign(ticketId, demo.admins.lead);
    await fake.backOffice.assign(ticketId, demo.teams.technical);
    await fake.backOffice.addNote(ticketId, demo.admins.lead, '<p>Root cause found</p>', { crossPost: true });
    expect(received.map((_, index) => payload(index).topic)).toEqual([
      'ticket.admin.assigned',
      'ticket.team.assigned',
      'ticket.note.created',
    ]);
    expect(received.every((delivery) => signatureValid(delivery, SECRET))).toBe(true);
    const note = payload(2).data.item;
    expect(note.type).toBe('ticket_ticket_part');
    expect(note.ticket).toMatchObject({
      id: ticketId,
      admin_assignee_id: Number(demo.admins.lead),
      team_assignee_id: Number(demo.teams.technical),
    });
    expect(note.ticket_part).toMatchObject({
      part_type: 'note',
      body: '<p>Root cause found</p>',
      author: { type: 'admin', id: demo.admins.lead },
    });
    // The cross-post reached the linked conversation too.
    const conversation = await raw(fake, 'GET', `/conversations/${demo.conversations.outage}`, demo.token);
    expect(conversation.body.conversation_parts.conversation_parts.at(-1)).toMatchObject({
      part_type: 'note',
      body: '<p>Root cause found</p>',
    });
  });

  it('gives every notification a unique id and records deliveries, including a receiver that is down', async () => {
    fake.configureWebhooks({ url: receiverUrl, clientSecret: SECRET });
    const first = await fake.emitWebhook(demo.workspaceId, 'ticket.created', { type: 'ticket', id: ticketId });
    const second = await fake.emitWebhook(demo.workspaceId, 'ticket.created', { type: 'ticket', id: ticketId });
    expect(first.id).toMatch(/^notif_/);
    expect(first.id).not.toBe(second.id);
    expect(received.map((delivery) => JSON.parse(delivery.raw).id)).toEqual([first.id, second.id]);

    fake.configureWebhooks({ url: 'http://127.0.0.1:9/unreachable', clientSecret: SECRET });
    const failed = await fake.emitWebhook(demo.workspaceId, 'ticket.created', {});
    expect(failed.status).toBe(0);
    expect(failed.error).not.toBeNull();
    expect(fake.webhookDeliveries.map((delivery) => delivery.status)).toEqual([200, 200, 0]);
  });

  it('does not notify when the state does not actually change', async () => {
    fake.configureWebhooks({ url: receiverUrl, clientSecret: SECRET });
    expect(await fake.backOffice.setState(ticketId, 'submitted')).toBeNull();
    expect(received).toHaveLength(0);
  });
});
