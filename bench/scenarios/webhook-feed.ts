/**
 * The notifications the webhook benchmark sends, built before the clock starts so only the app is measured.
 * Each one is what Intercom would send after a real change to a fake ticket: the change is applied to the fake's
 * state (ticket-ops, as its back-office does), then serialised and signed. Two in three move the ticket between
 * "in progress" and "waiting on customer" (the SLA clock pauses and resumes), one in three reassigns it.
 * Redeliveries (the same bytes again, as Intercom retries) are mixed in shortly after their original.
 *
 * Time moves as it does in a workspace: the tickets were escalated an hour before the burst, and each ticket's
 * changes are a second apart, the last one at "now". (Were they all stamped with the same second, every change
 * would look to the app like a contested same-second view and be queued for a re-read from Intercom.)
 */
import type { FakeIntercom } from '../../src/sandbox/fake-intercom';
import type { DemoWorkspace } from '../../src/sandbox/fake-intercom/demo-seed';
import { ticketJson, ticketPartJson } from '../../src/sandbox/fake-intercom/serialize-tickets';
import type { FakeTicket } from '../../src/sandbox/fake-intercom/state';
import { assignTicket, setTicketState, stateCategory, ticketTypeOf } from '../../src/sandbox/fake-intercom/ticket-ops';
import { notificationEnvelope, signWebhookBody } from '../../src/sandbox/fake-intercom/webhooks';
import type { PostItem } from '../load';
import { seededRandom } from '../stats';

/** How long before the burst the feed's tickets were created (escalated). */
const ESCALATED_BEFORE_SECONDS = 3_600;

/** Back-office tickets in the fake, each on its own conversation, in the state an escalation leaves them. */
export function seedFeedTickets(fake: FakeIntercom, demo: DemoWorkspace, count: number, nowSeconds: number): FakeTicket[] {
  const createdAt = nowSeconds - ESCALATED_BEFORE_SECONDS;
  return Array.from({ length: count }, (_, i) => {
    const conversation = fake.seed.conversation(demo.workspaceId, {
      contactId: demo.contacts.standard,
      title: `Webhook bench ${i}`,
      createdAt: createdAt - 600,
      messages: [{ from: 'contact', body: `<p>Order ${5000 + i} never arrived.</p>` }],
    });
    return fake.seed.ticket(demo.workspaceId, {
      ticketTypeId: demo.backOffice.ticketTypeId,
      contactId: demo.contacts.standard,
      conversationId: conversation.id,
      attributes: {
        _default_title_: `Missing order ${5000 + i}`,
        Priority: demo.backOffice.priorityAttribute.options.P3,
        Queue: demo.backOffice.queueAttribute.options.default,
      },
      teamAssigneeId: demo.teams.default,
      state: 'in_progress',
      createdAt,
    });
  });
}

export function feedTicketJson(fake: FakeIntercom, demo: DemoWorkspace, tickets: readonly FakeTicket[]): unknown[] {
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  return tickets.map((ticket) => ticketJson(workspace, ticket));
}

function change(
  fake: FakeIntercom,
  demo: DemoWorkspace,
  ticket: FakeTicket,
  i: number,
  nowSeconds: number,
): { topic: string; item: unknown } {
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  if (i % 3 === 2) {
    const assignee = i % 2 === 0 ? demo.admins.lead : demo.admins.manager;
    const part = assignTicket(fake.state, workspace, ticket, assignee, demo.admins.lead, nowSeconds);
    return {
      topic: 'ticket.admin.assigned',
      item: { type: 'ticket_ticket_part', ticket: ticketJson(workspace, ticket), ticket_part: ticketPartJson(workspace, part) },
    };
  }
  const next = stateCategory(workspace, ticket) === 'in_progress' ? 'waiting_on_customer' : 'in_progress';
  const target = ticketTypeOf(workspace, ticket).states.find((s) => s.category === next)!;
  setTicketState(fake.state, workspace, ticket, target.id, demo.admins.lead, nowSeconds);
  return { topic: 'ticket.state.updated', item: ticketJson(workspace, ticket) };
}

export interface Feed {
  items: PostItem[];
  unique: number;
  duplicates: number;
}

export function buildFeed(
  fake: FakeIntercom,
  demo: DemoWorkspace,
  tickets: readonly FakeTicket[],
  options: { notifications: number; duplicateShare: number; nowSeconds: number; clientSecret: string; idPrefix?: string },
): Feed {
  const random = seededRandom(7);
  const unique = Math.round(options.notifications * (1 - options.duplicateShare));
  const duplicates = options.notifications - unique;
  const originals: PostItem[] = [];
  const items: PostItem[] = [];
  let owed = 0;
  // Each ticket changes once a round, a second apart, the last round at `nowSeconds`.
  const rounds = Math.ceil(unique / Math.max(1, tickets.length));
  for (let i = 0; i < unique; i += 1) {
    const at = options.nowSeconds - rounds + 1 + Math.floor(i / tickets.length);
    const { topic, item } = change(fake, demo, tickets[i % tickets.length]!, i, at);
    const body = JSON.stringify(notificationEnvelope(`${options.idPrefix ?? 'notif_bench_'}${i}`, demo.workspaceId, topic, item, at));
    const sent = { body, headers: { 'X-Hub-Signature': signWebhookBody(body, options.clientSecret) } };
    originals.push(sent);
    items.push(sent);
    // Spread the redeliveries evenly; each repeats one of the last 200 notifications.
    owed += duplicates / unique;
    for (; owed >= 1; owed -= 1) items.push(originals[Math.max(0, originals.length - 1 - Math.floor(random() * 200))]!);
  }
  while (items.length < options.notifications) items.push(originals[Math.floor(random() * originals.length)]!);
  return { items, unique, duplicates: items.length - unique };
}
