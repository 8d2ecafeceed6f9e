/**
 * A little history for the demo workspace, so the settings page's "Triage suggestions" section and learning have
 * something to show: escalations whose suggestion the agents kept, and a habit of this demo team's: charges
 * disputed after a cancellation go to Account Risk (the policy says Billing / Legal). The habit is recorded
 * one escalation at a time, exactly as a submit records it, until the app's recommendation for the demo's
 * `chargeback` conversation becomes a close call, so the sidebar shows one.
 */
import { parseContact, parseConversation } from '../domain/conversation';
import type { Priority, QueueKey } from '../domain/model';
import { analyseSignals } from '../domain/signals';
import type { Recommended } from '../services/triage';
import type { Application } from '../wiring';
import { initializeBody } from './canvas-kit-body';
import type { SandboxDemo } from './demo-data';
import type { FakeIntercom } from './fake-intercom';

const MAX_HABIT_ROWS = 12;
const MINUTE_MS = 60_000;

export async function seedDemoFeedback(application: Application, fake: FakeIntercom, demo: SandboxDemo, now: number): Promise<void> {
  const { deps, store } = application;
  const settings = await deps.settings.get(demo.workspaceId);
  const recommend = async (key: string): Promise<Recommended> => {
    const conversationId = demo.conversations[key]!;
    const body = initializeBody(fake, { workspaceId: demo.workspaceId, conversationId, adminId: demo.admins.agent });
    const conversation = parseConversation(body['conversation']);
    const contact = body['contact'] ? parseContact(body['contact']) : null;
    const { facts } = analyseSignals({ conversation, contact, company: null, settings: settings.signals, now });
    return deps.triage.recommend(demo.workspaceId, conversation, facts);
  };
  let n = 0;
  const record = async (recommended: Recommended, queue: QueueKey, priority: Priority) => {
    n++;
    const escalation = { id: `demo-history-${n}`, conversationId: `demo-history-${n}`, now: now - (60 - n) * 24 * 60 * MINUTE_MS };
    await store.triageFeedback.record(demo.workspaceId, deps.triage.feedback(recommended, escalation, { queue, priority }));
    deps.triage.invalidate(demo.workspaceId);
  };
  // Suggestions the agents kept.
  for (const [key, queue, priority] of [
    ['refund', 'billing_legal', 'P2'],
    ['outage', 'technical', 'P1'],
    ['apiError', 'technical', 'P3'],
    ['gdpr', 'billing_legal', 'P3'],
    ['renewal', 'account_risk', 'P2'],
  ] as const) {
    await record(await recommend(key), queue, priority);
  }
  // The team's habit, until the chargeback conversation is a close call.
  for (let i = 0; i < MAX_HABIT_ROWS; i++) {
    const recommended = await recommend('chargeback');
    if (recommended.recommendation.runnerUp !== null) return;
    await record(recommended, 'account_risk', 'P2');
  }
}
