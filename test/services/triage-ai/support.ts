/**
 * The app wired as in production with the optional AI provider pointed at the fake provider on loopback
 * (TRIAGE_AI_BASE_URL), switched on for the demo workspace through the same settings service the page uses.
 * A conversation webhook brings the new message; `drain` runs the webhook processor and the outbox job.
 */
import request from 'supertest';
import type { AiAnswer } from '../../../src/domain/triage-ai';
import type { TriageAiProvider } from '../../../src/store';
import { type FakeLlmProvider, startFakeLlmProvider } from '../../support/fake-llm-provider';
import { type SyncHarness, startSyncHarness } from '../sync/support';

export const API_KEY = 'sk-test-0123456789abcdefghijklmnop';

export interface AiHarness extends SyncHarness {
  llm: FakeLlmProvider;
  /** Seeds a conversation of the standard (or enterprise VIP) contact with these customer messages. */
  conversation(messages: string[], who?: 'standard' | 'vip'): string;
  /** The webhook Intercom sends for a customer's new message, then the jobs until idle. */
  customerReplied(conversationId: string): Promise<void>;
  metrics(): Promise<Record<string, number>>;
}

/** `timeoutMs` is the provider's time budget: long by default, so a loaded machine never spends it where it is not tested. */
export async function startAiHarness(provider: TriageAiProvider = 'anthropic', timeoutMs = 10_000): Promise<AiHarness> {
  const llm = await startFakeLlmProvider();
  const h = await startSyncHarness({ env: { TRIAGE_AI_BASE_URL: llm.url, TRIAGE_AI_TIMEOUT_MS: String(timeoutMs) } });
  const saved = await h.application.triageAiSettings.save(h.workspaceId, h.demo.admins.manager, {
    enabled: 'on',
    provider,
    model: provider === 'anthropic' ? 'claude-test' : 'gpt-test',
    key: API_KEY,
  });
  if (!saved.ok) throw new Error('could not switch the AI provider on');
  return {
    ...h,
    llm,
    conversation(messages, who = 'standard') {
      const contactId = who === 'vip' ? h.demo.contacts.vip : h.demo.contacts.standard;
      return h.fake.seed.conversation(h.workspaceId, {
        contactId,
        messages: messages.map((text) => ({ from: 'contact' as const, body: `<p>${text}</p>` })),
      }).id;
    },
    async customerReplied(conversationId) {
      await h.fake.emitWebhook(h.workspaceId, 'conversation.user.replied', { type: 'conversation', id: conversationId });
      await h.drain();
    },
    metrics: async () => (await request(h.application.app).get('/metrics')).body as Record<string, number>,
    async close() {
      await h.close();
      await llm.close();
    },
  };
}

export const answer = (over: Partial<AiAnswer> = {}): AiAnswer => ({
  outcome: 'technical_bugs',
  priority: 'P2',
  reasons: [{ text: 'Exports fail with a server error and the customer cannot send reports', messageIndex: 0 }],
  need: 'The customer needs the CSV export fixed so they can send this month’s reports.',
  ...over,
});
