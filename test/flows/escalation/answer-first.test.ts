/**
 * The teammate is answered as soon as Intercom has created the ticket; linking it in our store follows the answer.
 * Held here (a test AfterReply) to look at both sides of that line: the answer already names the ticket, the link
 * is not yet written; then it is, once. And when the app stops before linking, the create job links the ticket
 * Intercom already made: no second ticket.
 */
import type { AfterReply } from '../../../src/http/after-reply';
import { type Harness, useHarness } from '../../support/app-harness';
import { FAULT_ENV, SETTLE_MS } from './faults';
import { drain, fakeTickets, handoffNotes, openForm, submitForm, texts } from './support';

/** Keeps the work instead of running it, until `release`. */
function holdingAfterReply() {
  const held: (() => Promise<void>)[] = [];
  const afterReply: AfterReply = {
    run: (work) => {
      held.push(work);
    },
    settled: async () => {},
  };
  const release = async () => {
    for (const work of held.splice(0)) await work();
  };
  return { afterReply, held, release };
}

let h: Harness;
let hold: ReturnType<typeof holdingAfterReply>;
useHarness(
  (started) => {
    h = started;
  },
  () => {
    hold = holdingAfterReply();
    return { env: FAULT_ENV, afterReply: hold.afterReply };
  },
);

const escalations = () => h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);

it('answers with the created ticket before linking it, then links it once', async () => {
  const result = await submitForm(h, await openForm(h), { reason: 'Answer first' });
  const [ticket] = fakeTickets(h);
  expect(texts(result).join(' ')).toContain(`#${ticket!.ticketNumber}`);
  // The answer is out; the link is the held work.
  expect(hold.held).toHaveLength(1);
  expect((await escalations())[0]).toMatchObject({ status: 'creating' });
  expect(await h.application.store.tickets.get(h.demo.workspaceId, ticket!.id)).toBeNull();
  await hold.release();
  expect((await escalations())[0]).toMatchObject({ status: 'linked', ticketId: ticket!.id });
  expect(await h.application.store.tickets.get(h.demo.workspaceId, ticket!.id)).toMatchObject({
    escalationId: (await escalations())[0]!.id,
  });
  await drain(h);
  expect(handoffNotes(h)).toHaveLength(1);
});

it('if the app stops between the answer and the link, the create job links the ticket Intercom made, once', async () => {
  await submitForm(h, await openForm(h), { reason: 'Stopped before the link' });
  hold.held.splice(0); // the process went away with its work
  expect(fakeTickets(h)).toHaveLength(1);
  h.clock.advance(SETTLE_MS);
  await drain(h);
  expect(fakeTickets(h)).toHaveLength(1);
  expect((await escalations())[0]).toMatchObject({ status: 'linked', ticketId: fakeTickets(h)[0]!.id });
  expect(handoffNotes(h)).toHaveLength(1);
});
