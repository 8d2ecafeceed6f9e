/**
 * A hostile customer message (`hi ====…=A`, the shape that once cost quadratic time in masking) at 25, 50 and
 * 100 KB, beside a normal message in the same run: through the handoff summary (signals and summary built from
 * the parsed conversation, as the escalation flow does) and through the sidebar (a signed submit that opens the
 * Escalate form, which reads the conversation and previews its summary). The cost must grow linearly: doubling
 * the message should about double the figure, never quadruple it. The sidebar figure includes the fake
 * Intercom's latency; the normal message's figure beside it shows how much of it that is.
 */
import { Agent } from 'node:http';
import { parseContact, parseConversation } from '../../src/domain/conversation';
import { defaultSettings } from '../../src/domain/settings';
import { analyseSignals } from '../../src/domain/signals';
import { buildHandoffSummary } from '../../src/domain/summary';
import { signBody } from '../../src/http/signature';
import { submitBody } from '../../src/sandbox/canvas-kit-body';
import { intercomInboxUrl } from '../../src/services/inbox-url';
import type { FakeIntercom } from '../../src/sandbox/fake-intercom';
import type { DemoWorkspace } from '../../src/sandbox/fake-intercom/demo-seed';
import { conversationJson } from '../../src/sandbox/fake-intercom/serialize-conversations';
import { contactJson } from '../../src/sandbox/fake-intercom/serialize-people';
import { postOnce } from '../load';
import { type Row, row } from '../report/rows';
import { BENCH_CLIENT_SECRET } from '../secrets';
import type { BenchEnv } from '../setup';
import { percentile } from '../stats';

export const HOSTILE_SIZES_KB = [25, 50, 100] as const;
const NORMAL_MESSAGE = '<p>Hi, the CSV export fails with error 502 since this morning (order #118734). Can you help?</p>';

export interface SizedMessage {
  readonly label: string;
  readonly bytes: number;
  readonly body: string;
}

/** The normal message first, then the hostile one at each size. */
export function benchMessages(sizesKb: readonly number[] = HOSTILE_SIZES_KB): SizedMessage[] {
  const hostile = sizesKb.map((kb) => ({ label: `${kb} KB`, bytes: kb * 1024, body: `hi ${'='.repeat(kb * 1024)}A` }));
  return [{ label: 'normal', bytes: NORMAL_MESSAGE.length, body: NORMAL_MESSAGE }, ...hostile];
}

function seedWithMessage(fake: FakeIntercom, demo: DemoWorkspace, body: string): string {
  const messages = [
    { from: 'contact' as const, body: NORMAL_MESSAGE },
    { from: { adminId: demo.admins.agent }, body: '<p>Thanks, checking now.</p>' },
    { from: 'contact' as const, body },
  ];
  return fake.seed.conversation(demo.workspaceId, { contactId: demo.contacts.standard, title: 'Export fails', messages }).id;
}

/** Median of `samples` runs after one warm-up. */
function medianMs(samples: number, run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

/** Milliseconds per message for signals + summary, in `benchMessages` order. */
export function summaryCosts(
  fake: FakeIntercom,
  demo: DemoWorkspace,
  messages: readonly SizedMessage[],
  now: number,
  samples = 5,
): number[] {
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  const contact = parseContact(contactJson(workspace, workspace.contacts.get(demo.contacts.standard)!));
  const settings = defaultSettings('Europe/London');
  return messages.map(({ body }) => {
    const id = seedWithMessage(fake, demo, body);
    const conversation = parseConversation(conversationJson(workspace, workspace.conversations.get(id)!));
    return medianMs(samples, () => {
      const { signals, facts } = analyseSignals({ conversation, contact, company: null, settings: settings.signals, now });
      buildHandoffSummary({
        conversation,
        contact,
        company: null,
        reason: 'Customer reports failing exports.',
        signals,
        facts,
        priorEscalations: 0,
        conversationUrl: intercomInboxUrl(demo.workspaceId, id),
        now,
        timezone: 'Europe/London',
      });
    });
  });
}

/** Milliseconds per message for opening the Escalate form over HTTP (median of `samples` after one warm-up). */
async function sidebarCosts(env: BenchEnv, messages: readonly SizedMessage[], samples = 5): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(`${env.appUrl}/intercom/submit`);
  try {
    const costs: number[] = [];
    for (const { body } of messages) {
      const conversationId = seedWithMessage(env.fake, env.demo, body);
      const context = { workspaceId: env.demo.workspaceId, conversationId, adminId: env.demo.admins.agent };
      const json = JSON.stringify(submitBody(env.fake, context, { componentId: 'escalate_open' }));
      const item = { body: json, headers: { 'X-Body-Signature': signBody('canvas', json, BENCH_CLIENT_SECRET) } };
      const times: number[] = [];
      for (let i = 0; i <= samples; i += 1) {
        const started = performance.now();
        const { status } = await postOnce(url, item, agent);
        if (status !== 200) throw new Error(`opening Escalate answered HTTP ${status}`);
        if (i > 0) times.push(performance.now() - started);
      }
      costs.push(percentile(times, 50));
    }
    return costs;
  } finally {
    agent.destroy();
  }
}

/** "normal 1.2 ms; 25 KB 3.0, 50 KB 6.1 (×2.0), 100 KB 12.5 ms (×2.0)": each size with its growth over the one before. */
export function describeGrowth(messages: readonly SizedMessage[], costs: readonly number[]): string {
  const parts = messages.map(({ label }, i) => {
    const growth = i >= 2 ? ` (×${(costs[i]! / costs[i - 1]!).toFixed(1)})` : '';
    return `${label} ${costs[i]!.toFixed(1)} ms${growth}`;
  });
  return `${parts.join('; ')}; doubling the size should about double the time`;
}

export async function hostileMessageRows(env: BenchEnv): Promise<Row[]> {
  const messages = benchMessages();
  const summary = summaryCosts(env.fake, env.demo, messages, env.now());
  const sidebar = await sidebarCosts(env, messages);
  const largest = messages.length - 1;
  return [
    row('hostile.summary', 'Handoff summary, 100 KB hostile message', summary[largest]!, 'ms', null, describeGrowth(messages, summary), {
      sizes: messages.map((m) => m.bytes),
      ms: summary,
    }),
    row('hostile.sidebar', 'Opening Escalate, 100 KB hostile message', sidebar[largest]!, 'ms', null, describeGrowth(messages, sidebar), {
      sizes: messages.map((m) => m.bytes),
      ms: sidebar,
    }),
  ];
}
