/**
 * Part 5 (races), made deterministic: two views of one ticket from the same second. Intercom's `updated_at`
 * has one-second resolution, so a webhook built before an agent's priority change and delivered after it
 * carries the same `updated_at` as the change's own answer, and "the newest view wins" cannot tell them
 * apart. What the app promises (issue 5): the sidebar is never wrong for long — a webhook that disagrees with a
 * stored view from its own second schedules a re-read, and reconciliation re-reads any open ticket's snapshot
 * older than `snapshotMaxAgeMinutes`. These tests deliver the older view last on purpose.
 */
import { TEST_CLIENT_SECRET } from '../support/app-harness';
import { runJobsUntilIdle } from '../support/reliability/drive';
import { conversationPartsContaining } from '../support/reliability/effects';
import { formRoundTrip } from '../support/reliability/escalate';
import { linkedTicket } from '../support/reliability/scenes';
import { startWiredApp, type WiredApp } from '../support/reliability/wired-app';

let app: WiredApp;
beforeEach(async () => {
  app = await startWiredApp();
});
afterEach(async () => {
  app.harness.fake.assertNoViolations();
  await app.close();
});

function intercomPriority(ticketId: string): string | undefined {
  const { fake, demo } = app.harness;
  const ticket = fake.state.workspaces.get(demo.workspaceId)!.tickets.get(ticketId)!;
  const { name, options } = demo.backOffice.priorityAttribute;
  return Object.entries(options).find(([, id]) => id === ticket.attributes[name])?.[0];
}

/** The back office moves the ticket; its webhook is held back, the agent sets P1, then the held webhook arrives. */
async function olderViewArrivesLast(category: 'in_progress' | 'resolved'): Promise<string> {
  const { fake, demo, context, application, clock } = app.harness;
  const ticketId = await linkedTicket(app, 'P2');
  fake.configureWebhooks({ url: 'http://127.0.0.1:9/held-back', clientSecret: TEST_CLIENT_SECRET });
  const held = await fake.backOffice.setState(ticketId, category, { adminId: demo.admins.lead });
  const ids = { open: `ticket_priority_open:${ticketId}`, submit: `ticket_priority_submit:${ticketId}` };
  await formRoundTrip(app.wire, fake, context, ids, { new_priority: 'P1' });
  expect(intercomPriority(ticketId)).toBe('P1');
  expect((await app.wire.postWebhook('/intercom/webhooks', held!.body)).status).toBe(200);
  await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId });
  return ticketId;
}

it('an open ticket shows Intercom’s priority again once reconciliation re-reads it', async () => {
  const { demo, application, clock } = app.harness;
  const ticketId = await olderViewArrivesLast('in_progress');
  clock.advance(16 * 60_000);
  await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId });
  expect((await application.store.tickets.get(demo.workspaceId, ticketId))?.priority).toBe('P1');
});

// Reconciliation lists only open tickets (tickets.listStale filters is_open = 1), so a resolved ticket is put
// right by the re-read the contested webhook schedules (src/services/sync/contested-view.ts).
it('a resolved ticket shows Intercom’s priority again once the contested second is re-read', async () => {
  const { demo, application, clock } = app.harness;
  const ticketId = await olderViewArrivesLast('resolved');
  clock.advance(16 * 60_000);
  await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId });
  expect((await application.store.tickets.get(demo.workspaceId, ticketId))?.priority).toBe('P1');
});

it('a contested second is re-read once, seconds later, without waiting for reconciliation', async () => {
  const { fake, demo, application } = app.harness;
  fake.clearLog();
  const ticketId = await olderViewArrivesLast('resolved');
  // No 16 minutes here: the re-read the held webhook scheduled has already run and put the priority right.
  expect((await application.store.tickets.get(demo.workspaceId, ticketId))?.priority).toBe('P1');
  const reads = fake.requests.filter((r) => r.method === 'GET' && r.path === `/tickets/${ticketId}`);
  expect(reads).toHaveLength(1);
});

it('an older open view delivered after the resolution is undone by reconciliation, with one resolve note', async () => {
  const { fake, demo, context, application, clock } = app.harness;
  const ticketId = await linkedTicket(app, 'P2');
  fake.configureWebhooks({ url: 'http://127.0.0.1:9/held-back', clientSecret: TEST_CLIENT_SECRET });
  const waiting = await fake.backOffice.setState(ticketId, 'waiting_on_customer', { adminId: demo.admins.lead });
  const resolved = await fake.backOffice.setState(ticketId, 'resolved', { adminId: demo.admins.lead });
  for (const held of [resolved!, waiting!]) expect((await app.wire.postWebhook('/intercom/webhooks', held.body)).status).toBe(200);
  await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId });
  clock.advance(16 * 60_000);
  await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId });
  expect((await application.store.tickets.get(demo.workspaceId, ticketId))?.stateCategory).toBe('resolved');
  expect(conversationPartsContaining(fake, demo.workspaceId, context.conversationId, 'resolved')).toHaveLength(1);
});
