/**
 * `submitEscalation` on its own: reserve with the create job in one transaction, the inline `POST /tickets`, and
 * what each Intercom answer leaves behind (linked, rejected, queued), plus duplicates, the conversation lock and
 * the answer-first path. The flow tests in test/flows/escalation drive the same code through HTTP and canvases.
 */
import {
  idempotencyKey,
  JOB_CREATE_TICKET,
  JOB_POST_NOTE,
  JOB_SHARE_TICKET,
  jobKey,
  submitEscalation,
} from '../../../src/services/escalation';
import { type EscalationWorld, useEscalationWorld } from './world';

let w: EscalationWorld;
useEscalationWorld((started) => {
  w = started;
});

const submit = async (
  nonce: string,
  options: { force?: boolean; afterReply?: (work: () => Promise<void>) => void } = {},
  choice = w.choice(),
) => submitEscalation(w.deps, w.demo.admins.agent, await w.context(), choice, { nonce, force: options.force ?? false, ...options });

const createRequests = () => w.fake.requests.filter((r) => r.method === 'POST' && r.path === '/tickets');

it('creates the ticket inline and links it: snapshot, escalation, clocks and the note job in the store', async () => {
  const outcome = await submit('n-1');

  expect(outcome.kind).toBe('created');
  if (outcome.kind !== 'created') return;
  const [fakeTicket] = w.fakeTickets();
  expect(w.fakeTickets()).toHaveLength(1);
  expect(outcome.ticket.ticketId).toBe(fakeTicket!.id);
  expect(String(fakeTicket!.attributes['_default_description_'])).toContain(`Handoff escalation ref: ${outcome.escalation.id}`);

  const escalation = await w.store.escalations.get(w.workspaceId, outcome.escalation.id);
  expect(escalation).toMatchObject({
    status: 'linked',
    ticketId: fakeTicket!.id,
    idempotencyKey: idempotencyKey(w.workspaceId, w.demo.conversations.refund, 'n-1'),
    adminId: w.demo.admins.agent,
  });
  expect(await w.store.tickets.get(w.workspaceId, fakeTicket!.id)).toMatchObject({
    conversationId: w.demo.conversations.refund,
    escalationId: outcome.escalation.id,
    priority: 'P2',
  });
  const clocks = await w.store.clocks.listByTicket(w.workspaceId, fakeTicket!.id);
  expect(clocks.map((c) => c.kind).sort()).toEqual(['resolution', 'response']);
  const kinds = (await w.store.outbox.listByWorkspace(w.workspaceId)).map((j) => j.kind).sort();
  expect(kinds).toEqual([JOB_CREATE_TICKET, JOB_POST_NOTE]);
  expect(w.pokes()).toBe(1);
});

it('enqueues the create job with the reservation, due only once the inline attempt has surely settled', async () => {
  const outcome = await submit('n-1');
  if (outcome.kind === 'blocked') throw new Error('nothing blocks a first escalation');
  const job = await w.store.outbox.getByDedupeKey(w.workspaceId, jobKey(JOB_CREATE_TICKET, outcome.escalation.id));
  expect(job).toMatchObject({ kind: JOB_CREATE_TICKET, payload: { escalationId: outcome.escalation.id } });
  expect(job!.nextAttemptAt).toBe(w.clock.now() + w.deps.budgets.settleMs);
});

it('asks for sharing with the customer when the teammate ticked it and the type allows it', async () => {
  w.allowSharing();
  await submit('n-1', {}, w.choice({ shareWithCustomer: true }));
  const kinds = (await w.store.outbox.listByWorkspace(w.workspaceId)).map((j) => j.kind);
  expect(kinds).toContain(JOB_SHARE_TICKET);
});

it('does not share a ticket whose type is internal only, whatever the form said', async () => {
  await submit('n-1', {}, w.choice({ shareWithCustomer: true }));
  const kinds = (await w.store.outbox.listByWorkspace(w.workspaceId)).map((j) => j.kind);
  expect(kinds).not.toContain(JOB_SHARE_TICKET);
});

it('answers a repeated submit of one form with the first outcome and no second POST', async () => {
  const first = await submit('n-1');
  const again = await submit('n-1');

  expect(again).toMatchObject({ kind: 'created' });
  if (first.kind !== 'created' || again.kind !== 'created') return;
  expect(again.escalation.id).toBe(first.escalation.id);
  expect(again.ticket.ticketId).toBe(first.ticket.ticketId);
  expect(createRequests()).toHaveLength(1);
});

it('blocks a second form for a conversation with an open ticket unless the teammate forces it', async () => {
  const first = await submit('n-1');
  const blocked = await submit('n-2');

  expect(blocked.kind).toBe('blocked');
  if (blocked.kind !== 'blocked' || first.kind !== 'created') return;
  expect(JSON.stringify(blocked.blocking)).toContain(first.ticket.ticketId);
  expect(w.fakeTickets()).toHaveLength(1);

  const forced = await submit('n-2', { force: true });
  expect(forced.kind).toBe('created');
  expect(w.fakeTickets()).toHaveLength(2);
});

it('marks the escalation failed on a 4xx, and a replay of that submit shows the same message without calling Intercom', async () => {
  w.fake.faults.add({
    route: 'POST /tickets',
    effect: { type: 'status', status: 400, code: 'parameter_invalid', message: 'Ticket type is archived' },
  });

  const rejected = await submit('n-1');
  expect(rejected).toMatchObject({ kind: 'rejected', message: 'Ticket type is archived' });
  if (rejected.kind !== 'rejected') return;
  expect(await w.store.escalations.get(w.workspaceId, rejected.escalation.id)).toMatchObject({
    status: 'failed',
    lastError: 'Ticket type is archived',
    attempts: 1,
  });

  const replay = await submit('n-1');
  expect(replay).toMatchObject({ kind: 'rejected', message: 'Ticket type is archived' });
  expect(createRequests()).toHaveLength(1);
  expect(w.fakeTickets()).toHaveLength(0);
});

it.each([
  ['a 503', { type: 'status', status: 503 } as const],
  ['a 429', { type: 'rate_limit', resetInSeconds: 60 } as const],
  ['no answer within the create budget', { type: 'timeout' } as const],
  ['a dropped connection', { type: 'drop' } as const],
])('leaves the escalation queued for its job after %s', async (_name, effect) => {
  w.fake.faults.add({ route: 'POST /tickets', effect });
  w.deps.budgets.createMs = 200;

  const outcome = await submit('n-1');

  expect(outcome.kind).toBe('queued');
  if (outcome.kind !== 'queued') return;
  const stored = await w.store.escalations.get(w.workspaceId, outcome.escalation.id);
  expect(stored).toMatchObject({ status: 'queued', attempts: 1, ticketId: null });
  expect(stored!.lastError).not.toBeNull();
  expect(await w.store.outbox.getByDedupeKey(w.workspaceId, jobKey(JOB_CREATE_TICKET, outcome.escalation.id))).toMatchObject({
    status: 'pending',
  });
});

it('answers as soon as the ticket exists and links it, then records the triage feedback, in the work left for after the reply', async () => {
  const later: Array<() => Promise<void>> = [];

  const outcome = await submit('n-1', { afterReply: (work) => later.push(work) });

  expect(outcome.kind).toBe('created');
  if (outcome.kind !== 'created') return;
  expect(outcome.ticket.ticketId).toBe(w.fakeTickets()[0]!.id);
  expect(later).toHaveLength(2);
  expect(await w.store.escalations.get(w.workspaceId, outcome.escalation.id)).toMatchObject({ status: 'creating' });
  expect(await w.store.tickets.get(w.workspaceId, outcome.ticket.ticketId)).toBeNull();

  expect(await w.store.triageFeedback.listRecent(w.workspaceId, 10)).toEqual([]);

  await later[0]!();
  expect(await w.store.escalations.get(w.workspaceId, outcome.escalation.id)).toMatchObject({ status: 'linked' });
  expect(await w.store.tickets.get(w.workspaceId, outcome.ticket.ticketId)).not.toBeNull();
  await later[1]!();
  expect(await w.store.triageFeedback.listRecent(w.workspaceId, 10)).toEqual([
    expect.objectContaining({ escalationId: outcome.escalation.id }),
  ]);
});

it('refuses a ticket type the context does not offer (the flow validates it first)', async () => {
  await expect(submit('n-1', {}, w.choice({ ticketTypeId: 'no-such-type' }))).rejects.toThrow('validated ticket type');
  expect(await w.store.escalations.listByConversation(w.workspaceId, w.demo.conversations.refund)).toEqual([]);
});

it('records the triage feedback only once POST /tickets has settled, and keeps it when the create is left to the outbox', async () => {
  // Held without an answer until the create budget gives up: the feedback's CPU must not stand before the request.
  w.fake.faults.add({ route: 'POST /tickets', effect: { type: 'timeout' } });
  w.deps.budgets.createMs = 300;
  const feedback = () => w.store.triageFeedback.listRecent(w.workspaceId, 10);

  const pending = submit('n-1');
  for (let i = 0; i < 10_000 && createRequests().length === 0; i += 1) await new Promise((resolve) => setImmediate(resolve));

  expect(createRequests()).toHaveLength(1);
  expect(createRequests()[0]!.status).toBeNull();
  expect(await feedback()).toEqual([]);
  const outcome = await pending;
  expect(outcome.kind).toBe('queued');
  if (outcome.kind !== 'queued') return;
  expect(await feedback()).toEqual([expect.objectContaining({ escalationId: outcome.escalation.id, finalQueue: w.choice().queue })]);
});

it('records one feedback row per escalation: a replayed submit adds none', async () => {
  const first = await submit('n-1');
  await submit('n-1');
  const rows = await w.store.triageFeedback.listRecent(w.workspaceId, 10);
  expect(rows.map((row) => row.escalationId)).toEqual([first.kind === 'created' ? first.escalation.id : 'none']);
});
