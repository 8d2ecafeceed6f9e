import { ticketSnapshot } from './factories';
import { describeContract, seedWorkspace, T0 } from './harness';

describeContract('customer-side', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  const state = (over: object = {}) => ({
    ticketId: 'tk-1',
    conversationId: 'conv-1',
    state: 'in_progress' as const,
    externalLabel: 'Being worked on',
    changedAt: T0,
    ...over,
  });

  it('keeps the latest transition of a case; an older one changes nothing', async () => {
    const repo = engine.store.customerSide;
    expect(await repo.recordState('ws-a', state())).toBe(true);
    expect(
      await repo.recordState('ws-a', state({ state: 'waiting_on_customer', externalLabel: 'Waiting on you', changedAt: T0 + 60_000 })),
    ).toBe(true);
    expect(await repo.recordState('ws-a', state({ state: 'submitted', changedAt: T0 - 1 }))).toBe(false);
    expect(await repo.getState('ws-a', 'tk-1')).toEqual(
      state({ state: 'waiting_on_customer', externalLabel: 'Waiting on you', changedAt: T0 + 60_000 }),
    );
    expect(await repo.getState('ws-b', 'tk-1')).toBeNull();
  });

  it('decides a transition once; the sent ones are listed newest first, per conversation and workspace', async () => {
    const repo = engine.store.customerSide;
    const update = {
      ticketId: 'tk-1',
      state: 'in_progress' as const,
      enteredAt: T0,
      conversationId: 'conv-1',
      outcome: 'sent' as const,
      language: 'de',
      decidedAt: T0 + 5,
    };
    expect(await repo.recordUpdate('ws-a', update)).toBe(true);
    expect(await repo.recordUpdate('ws-a', { ...update, outcome: 'superseded', decidedAt: T0 + 6 })).toBe(false);
    expect(await repo.getUpdate('ws-a', 'tk-1', 'in_progress', T0)).toEqual(update);
    await repo.recordUpdate('ws-a', {
      ...update,
      state: 'waiting_on_customer',
      enteredAt: T0 + 10,
      outcome: 'unchanged',
      decidedAt: T0 + 20,
    });
    await repo.recordUpdate('ws-a', { ...update, state: 'resolved', enteredAt: T0 + 30, decidedAt: T0 + 40, language: 'en' });
    const sent = await repo.listSent('ws-a', 'conv-1', 10);
    expect(sent.map((u) => u.state)).toEqual(['resolved', 'in_progress']);
    expect(await repo.getLastTold('ws-a', 'tk-1')).toBe('resolved');
    expect(await repo.listSent('ws-b', 'conv-1', 10)).toEqual([]);
    expect(await repo.getLastTold('ws-b', 'tk-1')).toBeNull();
  });

  it('lists only the contact’s open cases, with the label only while it names the current state', async () => {
    const repo = engine.store.customerSide;
    const { tickets } = engine.store;
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-1', stateCategory: 'in_progress' }), T0);
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-2', ticketNumber: '1043', stateCategory: 'waiting_on_customer' }), T0 + 1);
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-3', stateCategory: 'resolved', isOpen: false }), T0 + 2);
    await tickets.upsert('ws-a', ticketSnapshot({ ticketId: 'tk-4', contactId: 'someone-else' }), T0 + 3);
    await tickets.upsert('ws-b', ticketSnapshot({ ticketId: 'tk-5' }), T0 + 4);
    await repo.recordState('ws-a', state({ ticketId: 'tk-1', changedAt: T0 + 500 }));
    // Recorded for an earlier state than the ticket's current one: its label must not be shown.
    await repo.recordState('ws-a', state({ ticketId: 'tk-2', state: 'in_progress', changedAt: T0 + 100 }));
    const cases = await repo.listOpenCases('ws-a', 'contact-1', 10);
    expect(cases).toEqual([
      {
        ticketId: 'tk-1',
        ticketNumber: '1042',
        conversationId: 'conv-1',
        queue: 'technical',
        state: 'in_progress',
        externalLabel: 'Being worked on',
        changedAt: T0 + 500,
      },
      {
        ticketId: 'tk-2',
        ticketNumber: '1043',
        conversationId: 'conv-1',
        queue: 'technical',
        state: 'waiting_on_customer',
        externalLabel: null,
        changedAt: T0 + 1,
      },
    ]);
    expect(await repo.listOpenCases('ws-b', 'contact-1', 10)).toHaveLength(1);
  });

  it('stores, replaces and clears the sealed Messenger secret per workspace', async () => {
    const repo = engine.store.customerSide;
    expect(await repo.getIdentity('ws-a')).toBeNull();
    await repo.setIdentity('ws-a', { ciphertext: 'v2.k1.a', keyId: 'k1' }, T0, 'admin-1');
    await repo.setIdentity('ws-a', { ciphertext: 'v2.k1.b', keyId: 'k1' }, T0 + 1, 'admin-2');
    expect(await repo.getIdentity('ws-a')).toEqual({ secret: { ciphertext: 'v2.k1.b', keyId: 'k1' }, setAt: T0 + 1, setBy: 'admin-2' });
    expect(await repo.getIdentity('ws-b')).toBeNull();
    await repo.clearIdentity('ws-a');
    expect(await repo.getIdentity('ws-a')).toBeNull();
  });
});
