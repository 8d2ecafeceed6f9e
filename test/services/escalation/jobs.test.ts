/**
 * The escalation's outbox jobs called directly (no worker): each looks at what already happened, in our store and
 * on Intercom's side by the reference lines, before it acts, and says through its error what a failure means
 * (PermanentJobError: dead-letter; RetryJobError: not before a time; anything else: back off and retry).
 */
import {
  giveUpCreateTicket,
  JOB_CREATE_TICKET,
  jobKey,
  runCreateTicket,
  runPostNote,
  runShareTicket,
  submitEscalation,
} from '../../../src/services/escalation';
import { PermanentJobError, RetryJobError } from '../../../src/services/job-outcomes';
import type { Escalation } from '../../../src/store';
import { type EscalationWorld, useEscalationWorld } from './world';

let w: EscalationWorld;
useEscalationWorld((started) => {
  w = started;
});

const createRequests = () => w.fake.requests.filter((r) => r.method === 'POST' && r.path === '/tickets');

/** Submits the refund conversation; `fault` spoils the inline `POST /tickets` so the job has work left. */
async function submitted(options: { fault?: 'refused' | 'lost_answer'; share?: boolean } = {}): Promise<Escalation> {
  if (options.share) w.allowSharing();
  if (options.fault === 'refused') w.fake.faults.add({ route: 'POST /tickets', effect: { type: 'status', status: 503 } });
  if (options.fault === 'lost_answer') w.fake.faults.add({ route: 'POST /tickets', effect: { type: 'drop' }, phase: 'after' });
  const context = await w.context();
  const outcome = await submitEscalation(w.deps, w.demo.admins.agent, context, w.choice({ shareWithCustomer: options.share ?? false }), {
    nonce: 'n-1',
    force: false,
  });
  if (outcome.kind === 'blocked') throw new Error('nothing blocks a first escalation');
  return (await w.store.escalations.get(w.workspaceId, outcome.escalation.id))!;
}

const job = (escalation: Escalation) => ({ escalationId: escalation.id });

describe('runCreateTicket', () => {
  it('creates and links the ticket for an escalation the inline attempt left queued', async () => {
    const escalation = await submitted({ fault: 'refused' });
    expect(w.fakeTickets()).toHaveLength(0);

    const result = await runCreateTicket(w.deps, w.workspaceId, job(escalation));

    const [ticket] = w.fakeTickets();
    expect(result).toEqual({ ticketId: ticket!.id, found: false });
    expect(await w.store.escalations.get(w.workspaceId, escalation.id)).toMatchObject({ status: 'linked', ticketId: ticket!.id });
  });

  it('finds the ticket a lost answer hid, by its reference, instead of creating a second one', async () => {
    const escalation = await submitted({ fault: 'lost_answer' });
    expect(escalation.status).toBe('queued');
    expect(w.fakeTickets()).toHaveLength(1);

    const result = await runCreateTicket(w.deps, w.workspaceId, job(escalation));

    expect(result).toEqual({ ticketId: w.fakeTickets()[0]!.id, found: true });
    expect(w.fakeTickets()).toHaveLength(1);
    expect(createRequests()).toHaveLength(1);
    expect(await w.store.escalations.get(w.workspaceId, escalation.id)).toMatchObject({ status: 'linked' });
  });

  it('skips an escalation that is already linked or failed', async () => {
    const linked = await submitted();
    await expect(runCreateTicket(w.deps, w.workspaceId, job(linked))).resolves.toEqual({ skipped: 'linked' });
    await w.store.escalations.updateStatus(w.workspaceId, linked.id, { status: 'failed', lastError: 'x' }, w.clock.now());
    await expect(runCreateTicket(w.deps, w.workspaceId, job(linked))).resolves.toEqual({ skipped: 'failed' });
    expect(createRequests()).toHaveLength(1);
  });

  it('waits while the inline attempt may still be in flight, until exactly its settle time', async () => {
    const escalation = await submitted();
    await w.store.escalations.updateStatus(w.workspaceId, escalation.id, { status: 'creating' }, w.clock.now());
    const settledAt = w.clock.now() + w.deps.budgets.settleMs;

    const early = runCreateTicket(w.deps, w.workspaceId, job(escalation));
    await expect(early).rejects.toBeInstanceOf(RetryJobError);
    await expect(early).rejects.toMatchObject({ retryAt: settledAt });

    w.clock.set(settledAt);
    await expect(runCreateTicket(w.deps, w.workspaceId, job(escalation))).resolves.toMatchObject({ found: true });
  });

  it('marks the escalation failed and dead-letters the job when Intercom rejects the ticket', async () => {
    const escalation = await submitted({ fault: 'refused' });
    w.fake.faults.add({
      route: 'POST /tickets',
      effect: { type: 'status', status: 422, code: 'parameter_invalid', message: 'No such contact' },
    });

    await expect(runCreateTicket(w.deps, w.workspaceId, job(escalation))).rejects.toBeInstanceOf(PermanentJobError);
    expect(await w.store.escalations.get(w.workspaceId, escalation.id)).toMatchObject({ status: 'failed', lastError: 'No such contact' });
  });

  it('asks to be retried at Intercom’s reset after a 429, and with backoff after a 5xx, leaving the escalation queued', async () => {
    const escalation = await submitted({ fault: 'refused' });
    w.fake.faults.add({ route: 'POST /tickets', effect: { type: 'rate_limit', resetInSeconds: 120 } });
    const limited = runCreateTicket(w.deps, w.workspaceId, job(escalation));
    await expect(limited).rejects.toBeInstanceOf(RetryJobError);
    await expect(limited).rejects.toMatchObject({ retryAt: w.clock.now() + 120_000 });

    w.fake.faults.add({ route: 'POST /tickets', effect: { type: 'status', status: 502 } });
    const failed = await runCreateTicket(w.deps, w.workspaceId, job(escalation)).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(RetryJobError);
    expect(failed).not.toBeInstanceOf(PermanentJobError);
    expect(await w.store.escalations.get(w.workspaceId, escalation.id)).toMatchObject({ status: 'queued' });
  });

  it('dead-letters a job whose payload, escalation or stored request it cannot read', async () => {
    await expect(runCreateTicket(w.deps, w.workspaceId, {})).rejects.toThrow('escalation job without an escalation id');
    await expect(runCreateTicket(w.deps, w.workspaceId, { escalationId: 'nope' })).rejects.toThrow('escalation not found');
    const reserved = await w.store.escalations.reserve(w.workspaceId, {
      idempotencyKey: 'by-hand',
      conversationId: w.demo.conversations.howTo,
      contactId: null,
      adminId: null,
      request: { written: 'by hand' } as never,
      force: false,
      now: w.clock.now(),
      status: 'queued',
    });
    if (reserved.kind !== 'new') throw new Error('expected a new escalation');
    const unreadable = runCreateTicket(w.deps, w.workspaceId, job(reserved.escalation));
    await expect(unreadable).rejects.toBeInstanceOf(PermanentJobError);
    await expect(unreadable).rejects.toThrow('escalation request unreadable');
    expect(createRequests()).toHaveLength(0);
  });
});

describe('giveUpCreateTicket', () => {
  it('turns a queued escalation into a failed one that tells the teammate to look in Intercom first', async () => {
    const escalation = await submitted({ fault: 'refused' });

    await w.store.transaction((tx) => giveUpCreateTicket(tx, w.clock, w.workspaceId, job(escalation), '503 service_unavailable'));

    const failed = await w.store.escalations.get(w.workspaceId, escalation.id);
    expect(failed!.status).toBe('failed');
    expect(failed!.lastError).toBe(
      'Intercom kept failing; check Intercom for the ticket before escalating again. (503 service_unavailable)',
    );
  });

  it('leaves a linked escalation and an unreadable payload alone', async () => {
    const linked = await submitted();
    await w.store.transaction(async (tx) => {
      await giveUpCreateTicket(tx, w.clock, w.workspaceId, job(linked), 'late');
      await giveUpCreateTicket(tx, w.clock, w.workspaceId, { escalationId: 42 }, 'garbage');
    });
    expect(await w.store.escalations.get(w.workspaceId, linked.id)).toMatchObject({ status: 'linked', lastError: null });
  });
});

describe('runPostNote', () => {
  it('posts the summary as an internal note with the ticket number and the reference, once', async () => {
    const escalation = await submitted();
    const ticket = await w.store.tickets.get(w.workspaceId, escalation.ticketId!);

    await expect(runPostNote(w.deps, w.workspaceId, job(escalation))).resolves.toEqual({ posted: true });
    await expect(runPostNote(w.deps, w.workspaceId, job(escalation))).resolves.toEqual({ alreadyPosted: true });

    const notes = w.handoffNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`#${ticket!.ticketNumber}`);
    expect(notes[0]).toContain(`Handoff note ref: ${escalation.id}`);
    expect(notes[0]).toContain(w.deps.ticketUrl(w.workspaceId, escalation.ticketId!));
  });

  it('dead-letters a note for an escalation without a ticket, and backs off while Intercom is down', async () => {
    const queued = await submitted({ fault: 'refused' });
    await expect(runPostNote(w.deps, w.workspaceId, job(queued))).rejects.toBeInstanceOf(PermanentJobError);

    await runCreateTicket(w.deps, w.workspaceId, job(queued));
    w.fake.faults.add({ route: 'POST /conversations/{id}/reply', effect: { type: 'status', status: 500 } });
    const down = await runPostNote(w.deps, w.workspaceId, job(queued)).catch((error: unknown) => error);
    expect(down).toBeInstanceOf(Error);
    expect(down).not.toBeInstanceOf(PermanentJobError);
    expect(w.handoffNotes()).toHaveLength(0);
  });
});

describe('runShareTicket', () => {
  it('shares the linked ticket with the customer, and repeating it changes nothing more', async () => {
    const escalation = await submitted({ share: true });

    await expect(runShareTicket(w.deps, w.workspaceId, job(escalation))).resolves.toEqual({ shared: true });
    await expect(runShareTicket(w.deps, w.workspaceId, job(escalation))).resolves.toEqual({ shared: true });

    expect(w.fakeTickets()[0]!.isShared).toBe(true);
  });

  it('dead-letters sharing for an escalation without a ticket', async () => {
    const queued = await submitted({ fault: 'refused', share: true });
    await expect(runShareTicket(w.deps, w.workspaceId, job(queued))).rejects.toBeInstanceOf(PermanentJobError);
    expect(await w.store.outbox.getByDedupeKey(w.workspaceId, jobKey(JOB_CREATE_TICKET, queued.id))).toMatchObject({ status: 'pending' });
  });
});
