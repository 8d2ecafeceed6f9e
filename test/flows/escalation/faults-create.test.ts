import { QUEUED_TEXT } from '../../../canvases/shared-blocks';
import { type Harness, startHarness } from '../../support/app-harness';
import { eventually } from '../../support/eventually';
import { FAILURE_MODES, FAULT_ENV, inject, RESET_SECONDS, SETTLE_MS } from './faults';
import { afterRetries, createTicketRequests, drain, fakeTickets, handoffNotes, openForm, submitForm, texts } from './support';

// Not useHarness: one test swaps in a harness with other budgets, and afterEach must close that one.
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ env: FAULT_ENV });
});
afterEach(async () => {
  h.fake.assertNoViolations();
  await h.close();
});

const escalations = () => h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);

async function expectExactlyOnce(): Promise<void> {
  expect(fakeTickets(h)).toHaveLength(1);
  expect(handoffNotes(h)).toHaveLength(1);
  const [escalation, ...more] = await escalations();
  expect(more).toHaveLength(0);
  expect(escalation).toMatchObject({ status: 'linked', ticketId: fakeTickets(h)[0]!.id });
  const linked = await h.application.store.tickets.listByConversation(h.demo.workspaceId, h.context.conversationId);
  expect(linked.map((t) => t.ticketId)).toEqual([fakeTickets(h)[0]!.id]);
  const clocks = await h.application.store.clocks.listByTicket(h.demo.workspaceId, linked[0]!.ticketId);
  expect(clocks).toHaveLength(2);
}

describe.each(FAILURE_MODES)('creating the ticket fails with $name', (mode) => {
  it('queues the escalation, shows it as pending, and completes exactly once after the fault clears', async () => {
    const form = await openForm(h);
    inject(h, 'POST /tickets', mode);
    const res = await submitForm(h, form, { reason: 'Charged twice' });
    expect(texts(res)).toContain(QUEUED_TEXT);
    expect(texts(res).join(' ')).toContain('handoff summary are saved');
    expect(fakeTickets(h)).toHaveLength(mode.phase === 'after' ? 1 : 0);

    const sidebar = await h.initialize();
    expect(JSON.stringify(sidebar.body)).toContain(QUEUED_TEXT);

    // Nothing runs while the inline attempt may still be settling.
    expect(await drain(h)).toBe(0);
    h.clock.advance(SETTLE_MS);
    await drain(h);
    await expectExactlyOnce();
    expect(createTicketRequests(h)).toHaveLength(mode.phase === 'after' ? 1 : 2);
  });

  it('also survives the same fault on the outbox retry', async () => {
    const form = await openForm(h);
    inject(h, 'POST /tickets', mode, 2);
    await submitForm(h, form, { reason: 'Charged twice' });
    h.clock.advance(SETTLE_MS);
    await drain(h);
    expect(fakeTickets(h)).toHaveLength(mode.phase === 'after' ? 1 : 0);
    const job = (await h.application.store.outbox.listByWorkspace(h.demo.workspaceId)).find((j) => j.kind === 'escalation.create_ticket')!;
    if (mode.phase === 'after') {
      // The lost answer is found by its reference on the next try; nothing is created twice.
      expect(job.status).toBe('done');
    } else {
      expect(job).toMatchObject({ status: 'pending', attempts: 1 });
      if (mode.effect.type === 'rate_limit') {
        // Intercom said when to come back: not a moment earlier.
        expect(job.nextAttemptAt).toBeGreaterThanOrEqual(h.clock.now() + (RESET_SECONDS - 2) * 1000);
        h.clock.advance(60_000);
        expect(await drain(h)).toBe(0);
      }
      afterRetries(h);
      await drain(h);
    }
    await expectExactlyOnce();
  });
});

describe('the inline attempt runs over its budget', () => {
  it('queues, and the job links the ticket Intercom created meanwhile instead of creating another', async () => {
    await h.close();
    h = await startHarness({ env: { INTERCOM_TIMEOUT_MS: '3000' }, escalationBudgets: { createMs: 100 } });
    const form = await openForm(h);
    h.fake.faults.add({ route: 'POST /tickets', effect: { type: 'latency', ms: 400 }, times: 1 });
    const res = await submitForm(h, form, { reason: 'Slow Intercom' });
    expect(texts(res)).toContain(QUEUED_TEXT);
    // Wait (real time) for the slow create we stopped waiting for.
    await eventually(() => fakeTickets(h).length > 0, 'the slow create lands at the fake');
    expect(fakeTickets(h)).toHaveLength(1);
    h.clock.advance(4_000);
    await drain(h);
    await expectExactlyOnce();
    expect(createTicketRequests(h)).toHaveLength(1);
  });
});
