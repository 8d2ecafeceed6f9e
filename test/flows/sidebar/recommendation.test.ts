/**
 * The sidebar's recommendation, through the HTTP layer against the fake Intercom: computed from the conversation
 * the initialize request carries (no Intercom call), never blocking Escalate, and learning from the agents'
 * corrections: each escalation stores the suggestion beside the agent's choice, and the next recommendation for
 * a conversation like it applies what the workspace taught.
 */
import { type Harness, useHarness } from '../../support/app-harness';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { type CanvasBody, openForm, submitForm, texts } from '../escalation/support';

let h: Harness;
useHarness((started) => {
  h = started;
});

async function sidebar(conversationId = h.context.conversationId): Promise<CanvasBody> {
  const res = await h.initialize({ conversationId });
  expect(res.status).toBe(200);
  assertValidCanvasResponse(res.body, 'initialize');
  return res.body as CanvasBody;
}

/** A new conversation from the demo's standard customer, with the same words as the refund conversation. */
function refundLookalike(): string {
  const contactId = h.fake.state.workspaces.get(h.demo.workspaceId)!.conversations.get(h.demo.conversations.refund)!.contactIds[0]!;
  return h.fake.seed.conversation(h.demo.workspaceId, {
    contactId,
    title: 'Charged twice again',
    messages: [
      { from: 'contact', body: '<p>I was charged twice this month. I want a refund or I will file a chargeback.</p>' },
      { from: 'contact', body: '<p>This is the THIRD time I ask. Invoice INV-2077.</p>' },
    ],
  }).id;
}

describe('the sidebar recommendation', () => {
  it('recommends the queue and priority with reasons pointing at their messages, without calling Intercom', async () => {
    const canvas = await sidebar();
    expect(h.fake.requests).toHaveLength(0);
    const lines = texts(canvas);
    expect(lines).toContain('Escalate → Billing / Legal · P2');
    const reasons = lines.filter((t) => t.startsWith('• '));
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(reasons.length).toBeLessThanOrEqual(3);
    for (const reason of reasons) expect(reason).toMatch(/ — customer, \d\d:\d\d$/);
    expect(JSON.stringify(canvas)).toContain('"id":"escalate_open"');
  });

  it('says "Keep in chat" for a how-to question, and Escalate is still there', async () => {
    const canvas = await sidebar(h.demo.conversations.howTo);
    expect(texts(canvas)).toContain('Keep in chat');
    expect(JSON.stringify(canvas)).toContain('"id":"escalate_open"');
  });

  it('stores each escalation’s suggestion beside the agent’s choice, and learns the workspace’s habit', async () => {
    const before = texts(await sidebar(refundLookalike()));
    expect(before).toContain('Escalate → Billing / Legal · P2');

    // This workspace's agents send these to Account Risk: four escalations say so.
    const escalated: string[] = [];
    for (let i = 0; i < 4; i++) {
      const conversationId = refundLookalike();
      escalated.push(conversationId);
      await submitForm(
        h,
        await openForm(h, { conversationId }),
        { queue: 'account_risk', priority: 'P3', reason: 'Repeat complaint' },
        { context: { conversationId } },
      );
    }
    const rows = await h.application.store.triageFeedback.listRecent(h.demo.workspaceId, 10);
    expect(rows).toHaveLength(4);
    // The test clock stands still, so the rows share a timestamp: find the first escalation's row by its
    // conversation. It was suggested before the workspace had taught anything.
    const first = rows.find((row) => row.conversationId === escalated[0]);
    expect(first).toMatchObject({
      suggestedOutcome: 'billing_legal',
      suggestedPriority: 'P2',
      finalQueue: 'account_risk',
      finalPriority: 'P3',
      overrodeKeepInChat: false,
      judged: true,
    });
    expect(first!.signals.length).toBeGreaterThan(0);
    expect(first!.baseScores).toMatchObject({ billing_legal: 1 });

    const after = texts(await sidebar(refundLookalike()));
    expect(after).not.toContain('Escalate → Billing / Legal · P2');
    expect(after.some((t) => t.startsWith('Escalate → Account Risk') || t.startsWith('Close call: runner-up'))).toBe(true);
  });

  it('records an escalation of a "keep in chat" conversation as overridden', async () => {
    const conversationId = h.demo.conversations.howTo;
    const form = await openForm(h, { conversationId });
    expect(texts(form)).toContain('Recommended: Keep in chat');
    await submitForm(h, form, { queue: 'technical', priority: 'P3', reason: 'Export is actually broken' }, { context: { conversationId } });
    const [row] = await h.application.store.triageFeedback.listRecent(h.demo.workspaceId, 10);
    expect(row).toMatchObject({
      suggestedOutcome: 'stay_in_chat',
      suggestedPriority: null,
      finalQueue: 'technical',
      overrodeKeepInChat: true,
    });
  });
});
