/**
 * An escalation whose create job is dead-lettered (Intercom failed it ten times) must not sit as "Queued" in the
 * sidebar for ever: it becomes failed in the same transaction, and the sidebar says to check Intercom first.
 */
import { QUEUED_TEXT } from '../../../canvases/shared-blocks';
import { giveUpCreateTicket } from '../../../src/services/escalation';
import { type Harness, useHarness } from '../../support/app-harness';
import { FAULT_ENV } from './faults';
import { afterRetries, drain, fakeTickets, openForm, submitForm, texts } from './support';

let h: Harness;
useHarness(
  (started) => {
    h = started;
  },
  { env: FAULT_ENV },
);

it('a create job that dies leaves the escalation failed and the sidebar saying so', async () => {
  const form = await openForm(h);
  h.fake.faults.add({ route: 'POST /tickets', effect: { type: 'status', status: 503 }, times: 1_000 });
  const answer = await submitForm(h, form, { reason: 'Charged twice' });
  expect(texts(answer)).toContain(QUEUED_TEXT);
  for (let attempt = 0; attempt < 12; attempt++) {
    afterRetries(h, 60);
    await drain(h);
  }
  const jobs = await h.application.store.outbox.listByWorkspace(h.demo.workspaceId);
  expect(jobs.find((j) => j.kind === 'escalation.create_ticket')).toMatchObject({ status: 'dead' });
  const [escalation] = await h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);
  expect(escalation).toMatchObject({ status: 'failed' });
  expect(escalation!.lastError).toMatch(/^Intercom kept failing; check Intercom for the ticket before escalating again\. \(/);
  expect(fakeTickets(h)).toHaveLength(0);

  const sidebar = JSON.stringify((await h.initialize()).body);
  expect(sidebar).not.toContain(QUEUED_TEXT);
  expect(sidebar).toContain('Escalation failed: Intercom kept failing; check Intercom for the ticket');
});

it('an escalation linked meanwhile is left as it is when a stale create job dies', async () => {
  const form = await openForm(h);
  await submitForm(h, form, { reason: 'Charged twice' });
  const [linked] = await h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);
  expect(linked).toMatchObject({ status: 'linked' });
  await h.application.store.transaction((tx) => giveUpCreateTicket(tx, h.clock, h.demo.workspaceId, { escalationId: linked!.id }, 'late'));
  const [after] = await h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);
  expect(after).toMatchObject({ status: 'linked', lastError: null });
});
