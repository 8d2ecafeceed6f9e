import type { TriageFeedbackInput } from '../../../src/store';
import { describeContract, seedWorkspace, T0 } from './harness';

function feedback(overrides: Partial<TriageFeedbackInput> = {}): TriageFeedbackInput {
  return {
    escalationId: 'esc-1',
    conversationId: 'conv-1',
    now: T0,
    engineVersion: 'local-1',
    judged: true,
    suggestedOutcome: 'technical_bugs',
    suggestedPriority: 'P2',
    signals: ['tech.bug', 'money.refund_ask'],
    baseScores: { technical_bugs: 1, billing_legal: 0.6, stay_in_chat: 0.3 },
    finalQueue: 'billing_legal',
    finalPriority: 'P3',
    ...overrides,
  };
}

describeContract('triage feedback', (engine) => {
  beforeEach(async () => {
    await seedWorkspace(engine.store, 'ws-a');
    await seedWorkspace(engine.store, 'ws-b');
  });

  it('stores the suggestion beside the agent’s choice and reads it back exactly', async () => {
    expect(await engine.store.triageFeedback.record('ws-a', feedback())).toBe(true);
    const [row] = await engine.store.triageFeedback.listRecent('ws-a', 10);
    expect(row).toMatchObject({
      ...feedback(),
      workspaceId: 'ws-a',
      overrodeKeepInChat: false,
    });
    expect(typeof row!.now).toBe('number');
  });

  it('marks "keep in chat" followed by an escalation as overridden, and keeps a null priority', async () => {
    await engine.store.triageFeedback.record(
      'ws-a',
      feedback({ suggestedOutcome: 'stay_in_chat', suggestedPriority: null, judged: false }),
    );
    const [row] = await engine.store.triageFeedback.listRecent('ws-a', 10);
    expect(row).toMatchObject({ suggestedOutcome: 'stay_in_chat', suggestedPriority: null, judged: false, overrodeKeepInChat: true });
  });

  it('keeps one row per escalation: a replayed submit adds nothing', async () => {
    expect(await engine.store.triageFeedback.record('ws-a', feedback())).toBe(true);
    expect(await engine.store.triageFeedback.record('ws-a', feedback({ finalQueue: 'vip' }))).toBe(false);
    const rows = await engine.store.triageFeedback.listRecent('ws-a', 10);
    expect(rows.map((r) => r.finalQueue)).toEqual(['billing_legal']);
  });

  it('lists the newest rows, oldest first, and counts them per workspace', async () => {
    for (let i = 0; i < 5; i++) await engine.store.triageFeedback.record('ws-a', feedback({ escalationId: `e${i}`, now: T0 + i }));
    await engine.store.triageFeedback.record('ws-b', feedback({ escalationId: 'other', now: T0 + 99 }));
    expect((await engine.store.triageFeedback.listRecent('ws-a', 3)).map((r) => r.escalationId)).toEqual(['e2', 'e3', 'e4']);
    expect(await engine.store.triageFeedback.revision('ws-a')).toEqual({ count: 5, latestAt: T0 + 4 });
    expect(await engine.store.triageFeedback.revision('ws-b')).toEqual({ count: 1, latestAt: T0 + 99 });
    expect(await engine.store.triageFeedback.revision('ws-none')).toEqual({ count: 0, latestAt: null });
  });

  it('is purged with its workspace', async () => {
    await engine.store.triageFeedback.record('ws-a', feedback());
    await engine.store.workspaces.purge('ws-a');
    expect(await engine.store.triageFeedback.listRecent('ws-a', 10)).toEqual([]);
  });
});
