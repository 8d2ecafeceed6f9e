import { attachRequest, ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

describeContract('case attachments', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
    await engine.store.tickets.upsert('ws-a', ticketSnapshot(), T0);
  });

  it('reserves one standing attachment per conversation and ticket, and one row per request key', async () => {
    const attachments = engine.store.caseAttachments;
    const first = await attachments.reserve('ws-a', attachRequest());
    expect(first).toMatchObject({ kind: 'new', attachment: { attached: true, ticketId: 'tk-1', conversationId: 'conv-2' } });
    expect((await attachments.reserve('ws-a', attachRequest())).kind).toBe('duplicate');
    const again = await attachments.reserve('ws-a', attachRequest({ requestKey: 'conv-2:nonce-2' }));
    expect(again).toMatchObject({ kind: 'already_attached', attachment: { id: first.attachment.id } });
    // Another workspace's rows are its own.
    expect((await attachments.reserve('ws-b', attachRequest())).kind).toBe('new');
    expect(await attachments.countAttached('ws-a', 'tk-1')).toBe(1);
  });

  it('races for the same attachment end with one standing row', async () => {
    const other = await engine.openAnother();
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 === 0 ? engine.store : other).transaction((tx) =>
            tx.caseAttachments.reserve('ws-a', attachRequest({ requestKey: `conv-2:nonce-${i}` })),
          ),
        ),
      );
      expect(results.filter((r) => r.kind === 'new')).toHaveLength(1);
      expect(await engine.store.caseAttachments.countAttached('ws-a', 'tk-1')).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('a detach is recorded, frees the conversation for a later attachment, and leaves the row', async () => {
    const attachments = engine.store.caseAttachments;
    const { attachment } = await attachments.reserve('ws-a', attachRequest());
    const detached = await attachments.detach('ws-a', attachment, 'admin-9', T0 + 5);
    expect(detached).toMatchObject({ attached: false, detachedAt: T0 + 5, detachedBy: 'admin-9' });
    // A second detach changes nothing.
    expect(await attachments.detach('ws-a', attachment, 'admin-7', T0 + 9)).toMatchObject({ detachedBy: 'admin-9' });
    expect(await attachments.countAttached('ws-a', 'tk-1')).toBe(0);
    expect((await attachments.reserve('ws-a', attachRequest({ requestKey: 'conv-2:nonce-3' }))).kind).toBe('new');
  });

  it('lists a ticket’s attachments by keyset pages and marks follow-ups', async () => {
    const attachments = engine.store.caseAttachments;
    for (const n of [2, 3, 4]) await attachments.reserve('ws-a', attachRequest({ requestKey: `k${n}`, conversationId: `conv-${n}` }));
    const first = await attachments.listAttached('ws-a', 'tk-1', { limit: 2 });
    const rest = await attachments.listAttached('ws-a', 'tk-1', { afterId: first.at(-1)!.id, limit: 2 });
    expect([...first, ...rest].map((a) => a.conversationId).sort()).toEqual(['conv-2', 'conv-3', 'conv-4']);
    await attachments.markFollowedUp('ws-a', first[0]!, T0 + 1);
    expect((await attachments.get('ws-a', first[0]!.id))?.followedUpFor).toBe(T0 + 1);
  });

  it('finds open candidate tickets by number or title words, newest first, wildcards taken literally', async () => {
    const { tickets, caseAttachments } = engine.store;
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-2', ticketNumber: '1043', title: 'Checkout slow_down 100%' }), T0 + 1);
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-3', ticketNumber: '1044', title: 'Old checkout', isOpen: false }), T0 + 2);
    await tickets.upsert('ws-b', ticketSnapshot({ ticketId: 'tk-9', ticketNumber: '1042' }), T0 + 3);
    const ids = async (filter: Parameters<typeof caseAttachments.listCandidates>[1]) =>
      (await caseAttachments.listCandidates('ws-a', filter, 10)).map((t) => t.ticketId);
    expect(await ids({ kind: 'recent' })).toEqual(['tk-2', 'tk-1']);
    expect(await ids({ kind: 'number', number: '1042' })).toEqual(['tk-1']);
    expect(await ids({ kind: 'words', words: ['checkout'] })).toEqual(['tk-2', 'tk-1']);
    expect(await ids({ kind: 'words', words: ['checkout', '500'] })).toEqual(['tk-1']);
    expect(await ids({ kind: 'words', words: ['slow_down'] })).toEqual(['tk-2']);
    expect(await ids({ kind: 'words', words: ['slowxdown'] })).toEqual([]);
    expect(await ids({ kind: 'number', number: '1044' })).toEqual([]);
    expect(await caseAttachments.listCandidates('ws-a', { kind: 'recent' }, 1)).toHaveLength(1);
  });
});
