import { signBody } from '../../src/http/signature';
import { notificationEnvelope } from '../../src/sandbox/fake-intercom/webhooks';
import { ticketJson } from '../../src/sandbox/fake-intercom/serialize-tickets';
import { CLIENT_SECRET } from '../services/install/harness';
import { useTwoWorkspaces, type TwoWorkspaces } from './support';

let t: TwoWorkspaces;
let ticketId: string;

useTwoWorkspaces(async (started) => {
  t = started;
  // A real ticket of B in the fake, resolved there, linked in our store while still in progress.
  const ticket = t.h.fake.seed.ticket(t.b.workspaceId, {
    ticketTypeId: t.b.backOffice.ticketTypeId,
    contactId: t.b.contacts.standard,
    conversationId: t.b.conversations.howTo,
    state: 'resolved',
  });
  ticketId = ticket.id;
  const now = t.h.clock.now();
  await t.h.application.store.tickets.upsert(
    t.b.workspaceId,
    {
      ticketId,
      ticketNumber: `#${ticket.ticketNumber}`,
      conversationId: t.b.conversations.howTo,
      contactId: t.b.contacts.standard,
      title: 'Beta ticket',
      ticketTypeId: t.b.backOffice.ticketTypeId,
      stateCategory: 'in_progress',
      stateLabel: null,
      priority: 'P2',
      queue: 'default',
      teamId: null,
      adminAssigneeId: null,
      ownerName: null,
      teamName: null,
      isOpen: true,
      intercomUpdatedAt: now - 60_000,
    },
    now - 60_000,
  );
  t.h.fake.clearLog();
});

async function deliver(appId: string, id: string) {
  const workspace = t.h.fake.state.workspaces.get(t.b.workspaceId)!;
  const item = ticketJson(workspace, workspace.tickets.get(ticketId)!);
  const raw = JSON.stringify(notificationEnvelope(id, appId, 'ticket.state.updated', item, Math.floor(t.h.clock.now() / 1000)));
  const res = await t.h
    .http()
    .post('/intercom/webhooks')
    .set('Content-Type', 'application/json')
    .set('X-Hub-Signature', signBody('webhook', raw, CLIENT_SECRET))
    .send(raw);
  expect(res.status).toBe(200);
  for (const name of ['webhooks', 'outbox']) await t.h.application.jobs.find((job) => job.name === name)?.runOnce();
}

const stateOfBTicket = async () =>
  (await t.h.application.store.tickets.listByConversation(t.b.workspaceId, t.b.conversations.howTo)).find((x) => x.ticketId === ticketId)
    ?.stateCategory;

describe('webhooks act only within the workspace that sent them', () => {
  it("a notification from A about B's ticket changes nothing of B and uses only A's token", async () => {
    await deliver(t.a.workspaceId, 'notif_from_a_1');
    expect(await stateOfBTicket()).toBe('in_progress');
    expect(await t.h.application.store.outbox.listByWorkspace(t.b.workspaceId)).toEqual([]);
    expect(t.h.fake.requests.filter((r) => r.workspaceId !== t.a.workspaceId)).toEqual([]);
  });

  it('the same notification from B does update B (the control: the test can see a change)', async () => {
    await deliver(t.b.workspaceId, 'notif_from_b_1');
    expect(await stateOfBTicket()).toBe('resolved');
  });
});
