/**
 * Change priority from the sidebar: the list item id goes to Intercom, the store and the SLA target follow (due
 * time recomputed from the time already spent), and a queued change is sent once — or not at all when a newer
 * change supersedes it.
 */
import type { Priority } from '../../../src/domain/model';
import { parseClockState } from '../../../src/domain/sla';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { canvasText, linkTicket, type SyncHarness, useSyncHarness, storedTicket } from '../../services/sync/support';

let h: SyncHarness;
let ticketId: string;
useSyncHarness(
  async (started) => {
    h = started;
    ({ ticketId } = await linkTicket(h, { priority: 'P3', state: 'in_progress' }));
  },
  { webhooks: false },
);

type Body = { canvas: { content: { components: unknown[] } } };

async function change(priority: string, form?: Body): Promise<{ form: Body; result: Body }> {
  const opened = form ?? (await h.submit({ componentId: `ticket_priority_open:${ticketId}` })).body;
  assertValidCanvasResponse(opened, 'submit');
  const res = await h.submit({
    componentId: `ticket_priority_submit:${ticketId}`,
    inputValues: { new_priority: priority },
    currentCanvas: opened,
  });
  assertValidCanvasResponse(res.body, 'submit');
  return { form: opened, result: res.body };
}

const puts = () => h.fake.requests.filter((r) => r.method === 'PUT' && r.path === `/tickets/${ticketId}` && r.status === 200);
const fakePriority = () => h.fake.state.workspaces.get(h.workspaceId)!.tickets.get(ticketId)!.attributes['Priority'];
const option = (p: Priority) => h.demo.backOffice.priorityAttribute.options[p];
async function resolutionTarget() {
  const clock = await h.application.store.clocks.get(h.workspaceId, ticketId, 'resolution');
  return parseClockState(clock!.state).baseTargetMs;
}

describe('Change priority', () => {
  it('sends the list item, stores the priority and tightens the SLA target', async () => {
    h.clock.advance(30 * 60_000);
    const before = await resolutionTarget();
    const { result } = await change('P1');
    expect(canvasText(result)).toContain('✅ Priority of ticket #');
    expect(canvasText(result)).toContain('is now P1');
    expect(puts()).toHaveLength(1);
    expect(puts()[0]!.body).toEqual({ admin_id: Number(h.demo.admins.agent), ticket_attributes: { Priority: option('P1') } });
    expect(fakePriority()).toBe(option('P1'));
    expect((await storedTicket(h, ticketId)).priority).toBe('P1');
    // Standard tier: P3 → 48 h, P1 → 16 h of resolution budget.
    expect(before).toBe(2_880 * 60_000);
    expect(await resolutionTarget()).toBe(960 * 60_000);
  });

  it('makes no call when the priority is unchanged, and re-asks for an invalid one', async () => {
    const same = await change('P3');
    expect(canvasText(same.result)).toContain('already P3');
    const invalid = await change('P9');
    expect(canvasText(invalid.result)).toContain('Choose P1, P2, P3 or P4.');
    expect(canvasText(invalid.result)).toContain('"save_state":"failed"');
    expect(h.fake.requests).toHaveLength(0);
  });

  it('changes once when the same form is submitted twice', async () => {
    const { form } = await change('P2');
    const again = await change('P2', form);
    expect(canvasText(again.result)).toContain('is now P2');
    expect(puts()).toHaveLength(1);
  });

  it('queues while Intercom is down: store and SLA change now, Intercom once it is back', async () => {
    const down = h.fake.faults.failNext(Number.POSITIVE_INFINITY, 503, 'PUT /tickets/{id}');
    const { result } = await change('P1');
    expect(canvasText(result)).toContain('⏳');
    expect((await storedTicket(h, ticketId)).priority).toBe('P1');
    expect(await resolutionTarget()).toBe(960 * 60_000);
    expect(fakePriority()).toBe(option('P3'));
    const view = await h.initialize();
    expect(canvasText(view.body)).toContain('P1');

    down.remove();
    h.clock.advance(10_000);
    await h.drain();
    expect(fakePriority()).toBe(option('P1'));
    expect(puts()).toHaveLength(1);
    h.clock.advance(15 * 60_000);
    await h.drain();
    expect(puts()).toHaveLength(1);
    expect(await resolutionTarget()).toBe(960 * 60_000);
  });

  it('sends only the newest of two queued changes', async () => {
    const down = h.fake.faults.failNext(Number.POSITIVE_INFINITY, 503, 'PUT /tickets/{id}');
    await change('P1');
    await change('P4');
    down.remove();
    h.clock.advance(10_000);
    await h.drain();
    expect(puts().map((r) => (r.body as { ticket_attributes: Record<string, string> }).ticket_attributes['Priority'])).toEqual([
      option('P4'),
    ]);
    expect((await storedTicket(h, ticketId)).priority).toBe('P4');
    const jobs = await h.application.store.outbox.listByWorkspace(h.workspaceId);
    const outcome = Object.fromEntries(jobs.map((job) => [(job.payload as { priority: string }).priority, [job.status, job.result]]));
    expect(outcome).toEqual({ P1: ['done', { superseded: true }], P4: ['done', { sent: true }] });
  });
});
