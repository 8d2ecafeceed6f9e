/**
 * Handoff summary build time for a 500-part conversation, the most Intercom returns. The conversation is
 * seeded in the fake, serialised as the REST API returns it and parsed once, as the escalation flow does; only
 * `buildHandoffSummary` is timed, warm (after a few hundred builds), one build per sample.
 */
import { parseContact, parseConversation } from '../../src/domain/conversation';
import { defaultSettings } from '../../src/domain/settings';
import { analyseSignals } from '../../src/domain/signals';
import { buildHandoffSummary, type SummaryInput } from '../../src/domain/summary';
import type { FakeIntercom } from '../../src/sandbox/fake-intercom';
import type { DemoWorkspace } from '../../src/sandbox/fake-intercom/demo-seed';
import { conversationJson } from '../../src/sandbox/fake-intercom/serialize-conversations';
import { contactJson } from '../../src/sandbox/fake-intercom/serialize-people';
import { intercomInboxUrl } from '../../src/services/inbox-url';
import { atMost, type Row, row } from '../report/rows';
import { percentile } from '../stats';

const CUSTOMER = [
  '<p>The export to CSV fails with error 502 again, see https://app.example.com/reports/q3?id={n}</p>',
  '<p>Order #{n}88 still shows as unpaid. My card 4242 4242 4242 4242 was charged twice!!</p>',
  '<p>This is the {n}th time I ask. If this is not fixed today we will cancel and ask for a refund.</p>',
  '<p>Screenshot attached. Browser is Chrome 131 on macOS, request id req_{n}abc.</p>',
];
const AGENT = [
  '<p>Thanks for the details, I am checking with the team now.</p>',
  '<p>Could you try again in an incognito window and tell me the exact time it failed?</p>',
  '<p>I can see invoice INV-{n} in our system; let me look at the payment logs.</p>',
];

/** A 500-part conversation in the fake (customer and agent turns, notes, links, card numbers to mask). */
export function seedLongConversation(fake: FakeIntercom, demo: DemoWorkspace, parts = 500): string {
  const messages = Array.from({ length: parts }, (_, i) => {
    const fill = (text: string) => text.replaceAll('{n}', String(1000 + i));
    if (i % 2 === 0) return { from: 'contact' as const, body: fill(CUSTOMER[(i / 2) % CUSTOMER.length]!) };
    const partType = i % 7 === 1 ? ('note' as const) : ('comment' as const);
    return { from: { adminId: demo.admins.agent }, partType, body: fill(AGENT[i % AGENT.length]!) };
  });
  return fake.seed.conversation(demo.workspaceId, { contactId: demo.contacts.standard, title: 'Export keeps failing', messages }).id;
}

export function summaryInput(fake: FakeIntercom, demo: DemoWorkspace, conversationId: string, now: number): SummaryInput {
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  const conversation = parseConversation(conversationJson(workspace, workspace.conversations.get(conversationId)!));
  const contact = parseContact(contactJson(workspace, workspace.contacts.get(demo.contacts.standard)!));
  const settings = defaultSettings('Europe/London');
  const { signals, facts } = analyseSignals({ conversation, contact, company: null, settings: settings.signals, now });
  return {
    conversation,
    contact,
    company: null,
    reason: 'Customer blocked on exports for three days; needs the data team.',
    signals,
    facts,
    priorEscalations: 1,
    openTickets: null,
    conversationUrl: intercomInboxUrl(demo.workspaceId, conversationId),
    now,
    timezone: 'Europe/London',
  };
}

export function summaryRows(fake: FakeIntercom, demo: DemoWorkspace, iterations: number, now: number): Row[] {
  const input = summaryInput(fake, demo, seedLongConversation(fake, demo), now);
  const parts = input.conversation.parts.length;
  for (let i = 0; i < Math.min(300, iterations); i += 1) buildHandoffSummary(input);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    const summary = buildHandoffSummary(input);
    samples.push(performance.now() - started);
    bytes = Buffer.byteLength(summary.text);
  }
  return [
    row(
      'summary.p50',
      `Handoff summary, ${parts}-part conversation (p50)`,
      percentile(samples, 50),
      'ms',
      atMost(5),
      `p99 ${percentile(samples, 99).toFixed(2)} ms over ${iterations} warm builds; ${bytes.toLocaleString('en-US')}-byte summary`,
      { parts, iterations, p99Ms: percentile(samples, 99), maxMs: Math.max(...samples), summaryBytes: bytes },
    ),
  ];
}
