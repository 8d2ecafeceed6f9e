import { describeContract, seedWorkspace, T0 } from './harness';

describeContract('triage-ai', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  it('has no settings until an admin saves them, then keeps, replaces and removes the sealed key', async () => {
    const repo = engine.store.triageAi;
    expect(await repo.getSettings('ws-a')).toBeNull();
    const sealed = { ciphertext: 'v2.k1.iv.tag.body', keyId: 'k1' };
    const first = await repo.saveSettings('ws-a', {
      enabled: true,
      provider: 'anthropic',
      model: 'm-1',
      key: sealed,
      now: T0,
      adminId: 'a1',
    });
    expect(first).toEqual({
      enabled: true,
      provider: 'anthropic',
      model: 'm-1',
      key: sealed,
      keySetAt: T0,
      updatedAt: T0,
      updatedBy: 'a1',
    });

    const kept = await repo.saveSettings('ws-a', {
      enabled: false,
      provider: 'openai',
      model: 'm-2',
      key: 'keep',
      now: T0 + 5,
      adminId: 'a2',
    });
    expect(kept).toMatchObject({ enabled: false, provider: 'openai', model: 'm-2', key: sealed, keySetAt: T0, updatedBy: 'a2' });

    const removed = await repo.saveSettings('ws-a', {
      enabled: false,
      provider: 'openai',
      model: 'm-2',
      key: null,
      now: T0 + 9,
      adminId: 'a2',
    });
    expect(removed).toMatchObject({ key: null, keySetAt: null, updatedAt: T0 + 9 });
    expect(await repo.getSettings('ws-b')).toBeNull();
  });

  it('keeps one cached answer per conversation, the latest part replacing the earlier one, per workspace', async () => {
    const repo = engine.store.triageAi;
    const entry = (lastPartId: string, outcome: string) => ({
      conversationId: 'c1',
      lastPartId,
      provider: 'openai' as const,
      model: 'gpt-x',
      recommendation: { outcome, reasons: [{ text: 'ü — “quoted”', messageIndex: 0 }] },
      computedAt: T0,
    });
    expect(await repo.getCached('ws-a', 'c1')).toBeNull();
    await repo.putCached('ws-a', entry('p1', 'technical_bugs'));
    await repo.putCached('ws-a', entry('p2', 'billing_legal'));
    expect(await repo.getCached('ws-a', 'c1')).toEqual(entry('p2', 'billing_legal'));
    expect(await repo.getCached('ws-b', 'c1')).toBeNull();
  });

  it('writes of the AI answer and its settings reach the change feed (the sidebar shows them)', async () => {
    const before = engine.store.changes.stamp();
    await engine.store.triageAi.putCached('ws-a', {
      conversationId: 'c1',
      lastPartId: 'p1',
      provider: 'anthropic',
      model: 'm',
      recommendation: {},
      computedAt: T0,
    });
    expect(engine.store.changes.unchangedSince('ws-a', before)).toBe(false);
  });

  it('purge removes the workspace’s AI rows', async () => {
    await engine.store.triageAi.saveSettings('ws-a', { enabled: true, provider: 'openai', model: 'm', key: null, now: T0, adminId: null });
    await engine.store.workspaces.purge('ws-a');
    expect(await engine.store.triageAi.getSettings('ws-a')).toBeNull();
  });
});
