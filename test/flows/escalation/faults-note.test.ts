import { type Harness, useHarness } from '../../support/app-harness';
import { FAILURE_MODES, FAULT_ENV, inject, RESET_SECONDS } from './faults';
import { afterRetries, drain, fakeTickets, handoffNotes, openForm, submitForm, texts } from './support';

let h: Harness;
useHarness(
  (started) => {
    h = started;
  },
  { env: FAULT_ENV },
);

const noteJob = async () =>
  (await h.application.store.outbox.listByWorkspace(h.demo.workspaceId)).find((j) => j.kind === 'escalation.post_note')!;
const replies = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/conversations/${h.context.conversationId}/reply`);

describe.each(FAILURE_MODES)('posting the note fails with $name', (mode) => {
  it('retries from the outbox and posts exactly one note', async () => {
    const form = await openForm(h);
    const res = await submitForm(h, form, { reason: 'Charged twice' });
    expect(texts(res).some((t) => t.startsWith('✅ Ticket #'))).toBe(true);

    inject(h, 'POST /conversations/{id}/reply', mode);
    await drain(h);
    expect(handoffNotes(h)).toHaveLength(mode.phase === 'after' ? 1 : 0);
    const failed = await noteJob();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    if (mode.effect.type === 'rate_limit') {
      expect(failed.nextAttemptAt).toBeGreaterThanOrEqual(h.clock.now() + (RESET_SECONDS - 2) * 1000);
    }

    afterRetries(h);
    await drain(h);
    expect(await noteJob()).toMatchObject({ status: 'done' });
    expect(handoffNotes(h)).toHaveLength(1);
    expect(replies()).toHaveLength(mode.phase === 'after' ? 1 : 2);
    expect(fakeTickets(h)).toHaveLength(1);
  });
});

describe('a note Intercom refuses for good', () => {
  it('dead-letters the job and leaves the ticket linked', async () => {
    const form = await openForm(h);
    await submitForm(h, form, { reason: 'Charged twice' });
    h.fake.faults.add({ route: 'POST /conversations/{id}/reply', effect: { type: 'status', status: 404 } });
    await drain(h);
    expect(await noteJob()).toMatchObject({ status: 'dead' });
    const [escalation] = await h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);
    expect(escalation!.status).toBe('linked');
  });
});
