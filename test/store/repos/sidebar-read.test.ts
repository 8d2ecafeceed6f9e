/**
 * The sidebar's one read (src/store/repos/sidebar-read.ts) on both stores: each piece holds the conversation's rows
 * of this workspace only, in the order the cards use, with the columns mapped as the other repositories map them.
 */
import type { CustomerUpdate } from '../../../src/store';
import { attachRequest, clockWrite, reserveInput, ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

const sent = (overrides: Partial<CustomerUpdate> = {}): CustomerUpdate => ({
  ticketId: 'tk-1',
  state: 'in_progress',
  enteredAt: T0,
  conversationId: 'conv-1',
  outcome: 'sent',
  language: 'en',
  decidedAt: T0 + 5,
  ...overrides,
});

describeContract('the sidebar read', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  it('is empty for a conversation with nothing stored', async () => {
    expect(await engine.store.sidebar.read('ws-a', 'conv-none')).toEqual({
      tickets: [],
      shared: [],
      clocks: [],
      escalations: [],
      sentUpdates: [],
      incident: null,
    });
  });

  it("reads the conversation's tickets oldest first, and the clocks of every ticket shown, of this workspace only", async () => {
    const { tickets, clocks } = engine.store;
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-2' }), T0 + 1);
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-1', priority: null, queue: null, stateLabel: null }), T0 + 2);
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-3', conversationId: 'conv-2' }), T0);
    await tickets.upsert('ws-b', ticketSnapshot({ ticketId: 'tk-9' }), T0);
    for (const ticketId of ['tk-1', 'tk-2', 'tk-3']) await clocks.upsert('ws-a', clockWrite({ ticketId }), T0);
    await clocks.upsert('ws-a', clockWrite({ ticketId: 'tk-1', kind: 'resolution', state: { marker: 'resolution' } }), T0);
    await clocks.upsert('ws-b', clockWrite({ ticketId: 'tk-9' }), T0);
    const rows = await engine.store.sidebar.read('ws-a', 'conv-1');
    expect(rows.tickets).toEqual([
      expect.objectContaining({ ticketId: 'tk-2', createdAt: T0 + 1, priority: 'P2', queue: 'technical', stateLabel: 'New' }),
      {
        ticketId: 'tk-1',
        ticketNumber: '1042',
        conversationId: 'conv-1',
        title: 'Checkout returns 500',
        stateCategory: 'submitted',
        stateLabel: null,
        priority: null,
        queue: null,
        ownerName: null,
        teamName: 'Tier 2',
        createdAt: T0 + 2,
      },
    ]);
    expect(rows.clocks).toEqual([
      { ticketId: 'tk-1', kind: 'resolution', state: { marker: 'resolution' } },
      { ticketId: 'tk-1', kind: 'response', state: clockWrite().state },
      { ticketId: 'tk-2', kind: 'response', state: clockWrite().state },
    ]);
    expect((await engine.store.sidebar.read('ws-b', 'conv-1')).tickets.map((t) => t.ticketId)).toEqual(['tk-9']);
  });

  it('shows each conversation its shared cases: attached here (with the ticket’s clocks), or opened here and shared', async () => {
    const { tickets, clocks, caseAttachments } = engine.store;
    await tickets.upsert('ws-a', ticketSnapshot(), T0);
    await clocks.upsert('ws-a', clockWrite(), T0);
    const { attachment } = await caseAttachments.reserve('ws-a', attachRequest());
    await caseAttachments.reserve('ws-a', attachRequest({ requestKey: 'k3', conversationId: 'conv-3' }));
    const opener = await engine.store.sidebar.read('ws-a', 'conv-1');
    expect(opener.shared).toEqual([
      { ticket: expect.objectContaining({ ticketId: 'tk-1', conversationId: 'conv-1' }), attachedCount: 2, attachmentId: null },
    ]);
    const attached = await engine.store.sidebar.read('ws-a', 'conv-2');
    expect(attached.tickets).toEqual([]);
    expect(attached.shared).toEqual([
      { ticket: expect.objectContaining({ ticketId: 'tk-1' }), attachedCount: 2, attachmentId: attachment.id },
    ]);
    expect(attached.clocks.map((c) => c.ticketId)).toEqual(['tk-1']);
    // Detached: no longer shown here, and no longer counted there.
    await caseAttachments.detach('ws-a', attachment, 'admin-1', T0 + 1);
    expect((await engine.store.sidebar.read('ws-a', 'conv-2')).shared).toEqual([]);
    expect((await engine.store.sidebar.read('ws-a', 'conv-1')).shared).toEqual([expect.objectContaining({ attachedCount: 1 })]);
    expect((await engine.store.sidebar.read('ws-b', 'conv-3')).shared).toEqual([]);
  });

  it('reads the escalations oldest first with what was asked for, and the latest updates sent, newest first', async () => {
    const { escalations, customerSide } = engine.store;
    await escalations.reserve('ws-a', reserveInput({ idempotencyKey: 'later', now: T0 + 10, force: true }));
    await escalations.reserve(
      'ws-a',
      reserveInput({
        idempotencyKey: 'first',
        force: true,
        request: { ...reserveInput().request, priority: 'P1', queue: 'billing_legal' },
      }),
    );
    await escalations.reserve('ws-b', reserveInput());
    await customerSide.recordUpdate('ws-a', sent());
    await customerSide.recordUpdate(
      'ws-a',
      sent({ state: 'waiting_on_customer', enteredAt: T0 + 1, outcome: 'unchanged', decidedAt: T0 + 6 }),
    );
    await customerSide.recordUpdate('ws-a', sent({ state: 'resolved', enteredAt: T0 + 2, decidedAt: T0 + 7 }));
    await customerSide.recordUpdate('ws-b', sent({ decidedAt: T0 + 9 }));
    const rows = await engine.store.sidebar.read('ws-a', 'conv-1');
    expect(rows.escalations.map(({ id: _, ...e }) => e)).toEqual([
      { status: 'queued', ticketId: null, lastError: null, createdAt: T0, priority: 'P1', queue: 'billing_legal' },
      { status: 'queued', ticketId: null, lastError: null, createdAt: T0 + 10, priority: 'P2', queue: 'technical' },
    ]);
    expect(rows.sentUpdates).toEqual([
      { ticketId: 'tk-1', state: 'resolved', decidedAt: T0 + 7 },
      { ticketId: 'tk-1', state: 'in_progress', decidedAt: T0 + 5 },
    ]);
  });

  it('reads the standing incident link with its tracker and, once resolved, how many linked conversations were followed up', async () => {
    const { incidents, incidentLinks } = engine.store;
    const link = async (conversationId: string) =>
      (
        await incidentLinks.reserve('ws-a', {
          requestKey: `${conversationId}:n`,
          trackerId: 't-1',
          conversationId,
          adminId: 'a',
          note: null,
          now: T0,
        })
      ).link;
    const mine = await link('conv-1');
    expect((await engine.store.sidebar.read('ws-a', 'conv-1')).incident).toEqual({
      link: { id: mine.id, trackerId: 't-1', status: mine.status },
      tracker: null,
      followUps: { done: 0, total: 0 },
    });
    const other = await link('conv-2');
    for (const l of [mine, other]) await incidentLinks.setStatus('ws-a', l.id, { status: 'linked' }, T0);
    const tracker = { trackerId: 't-1', ticketNumber: '88', title: 'Payments failing', stateLabel: 'Fixed', linkedCount: 3, createdAt: T0 };
    await incidents.upsert('ws-a', { ...tracker, stateCategory: 'resolved', open: false, intercomUpdatedAt: T0 + 5 }, T0);
    const resolvedAt = (await incidents.get('ws-a', 't-1'))!.resolvedAt!;
    await incidentLinks.markFollowedUp('ws-a', other, resolvedAt);
    expect((await engine.store.sidebar.read('ws-a', 'conv-1')).incident).toEqual({
      link: { id: mine.id, trackerId: 't-1', status: 'linked' },
      tracker: {
        ticketNumber: '88',
        title: 'Payments failing',
        stateCategory: 'resolved',
        stateLabel: 'Fixed',
        linkedCount: 3,
        resolvedAt,
      },
      followUps: { done: 1, total: 2 },
    });
    expect((await engine.store.sidebar.read('ws-b', 'conv-1')).incident).toBeNull();
  });
});
