import { parseCompanies, parseContact, parseConversation } from '../../../src/domain/conversation';
import { buildHandoffSummary, type HandoffSummary, SECTION_TITLES, SUMMARY_MAX_BYTES } from '../../../src/domain/summary';
import { utf8Length } from '../../../src/domain/text';
import { chat, NOW_MS } from '../../fixtures/conversations/factory';
import restCompanies from '../../fixtures/conversations/rest-companies.json';
import restContact from '../../fixtures/conversations/rest-contact.json';
import restConversation from '../../fixtures/conversations/rest-conversation.json';
import {
  emptyConversation,
  htmlHeavyConversation,
  longConversation,
  nonEnglishConversation,
  SECRETS_BODY,
} from '../../fixtures/conversations/scenarios';
import { CONVERSATION_URL, summaryInput } from './support';

describe('buildHandoffSummary on a real REST conversation', () => {
  const conversation = parseConversation(restConversation);
  const contact = parseContact(restContact);
  const company = parseCompanies(restCompanies)[0] ?? null;
  // Built before each test rather than when the file loads, so mutation testing can tell which tests run which code.
  let summary: HandoffSummary;
  beforeEach(() => {
    summary = buildHandoffSummary(summaryInput(conversation, { contact, company, priorEscalations: 2, openTickets: 1 }));
  });

  it('has exactly the six sections, in order, with their titles', () => {
    const titles = summary.text.split('\n').filter((line) => line.startsWith('## '));
    expect(titles).toEqual(Object.values(SECTION_TITLES).map((t) => `## ${t}`));
    expect(Object.keys(summary.sections)).toEqual(['asked', 'customer', 'diagnostics', 'why', 'timeline', 'transcript']);
  });

  it('quotes the first message and the customer messages since the last reply', () => {
    expect(summary.sections.asked).toMatch(/^First message \(Nov 21, 14:05\): Hi, our nightly CSV export to S3 has been failing/);
    expect(summary.sections.asked).toContain(
      'Latest unanswered (Nov 21, 15:40, 2 messages since the last reply): Tuesday 02:00 UTC. Since then every run fails.',
    );
    expect(summary.sections.asked).toContain('/ Any update? This is still broken');
  });

  it('describes the customer and the account', () => {
    expect(summary.sections.customer).toBe(
      [
        'Name: Jane Cooper',
        'Email: jane@acme-analytics.io',
        'Tier: Enterprise · plan Scale',
        'Account id: usr_8812',
        'Company: Acme Analytics GmbH (id 4471)',
        'Renewal: Dec 14, 2026 (in 23 days)',
        'Open tickets linked through Handoff: 1',
      ].join('\n'),
    );
  });

  it('collects diagnostics from every message, the note included', () => {
    expect(summary.sections.diagnostics).toBe(
      [
        'URLs:',
        '- https://app.acme-analytics.io/exports/8812',
        'Errors:',
        '- ERR_UPLOAD_TIMEOUT',
        '- HTTP 502 Bad Gateway',
        'References:',
        '- ORD-2026-118734',
        '- 3f2a9c1e-7b44-4d0a-9e61-5c2b8d7f1a90',
        'Environment:',
        '- Browser (Intercom): chrome 131.0.6778.86',
        '- OS (Intercom): OS X 14.6',
        '- Chrome 131',
        '- macOS 14.6',
        'Attachments:',
        '- export-log.txt: https://downloads.intercomcdn.com/i/o/569264008/8f3c4d2e1b1d6c1e0b2a4f19/export-log.txt',
        '- screenshot.png: https://downloads.intercomcdn.com/i/o/569264111/1a2b3c4d5e6f7a8b9c0d1e2f/screenshot.png',
      ].join('\n'),
    );
  });

  it("gives the agent's reason and the detected signals", () => {
    expect(summary.sections.why).toBe(
      "Agent's reason: Customer blocked on exports; needs the data team.\nDetected signals: Enterprise tier · Renewal in 23 days",
    );
  });

  it('builds the timeline with an absolute, zoned opening time', () => {
    expect(summary.sections.timeline).toBe(
      [
        'Opened: Nov 21, 2026, 14:05 Europe/Berlin (UTC+01:00)',
        'Messages: 3 from the customer, 2 from the team',
        'Time in chat: 1h 35m to the last message, escalated 3h after opening',
        'Prior escalations of this contact: 2',
      ].join('\n'),
    );
  });

  it('ends with an attributed, timestamped transcript and the link back', () => {
    const lines = summary.sections.transcript.split('\n');
    expect(lines[0]).toBe('All 5 messages (times in Europe/Berlin).');
    expect(lines[1]).toMatch(/^\[Nov 21, 14:05\] Customer \(Jane Cooper\): Hi, our nightly CSV export .* \[1 attachment\]$/);
    expect(lines[2]).toBe(
      "[Nov 21, 14:09] Agent (Sam Rivera): Thanks Jane, I'm looking into it. Could you tell me when the last successful export ran?",
    );
    expect(lines[4]).toMatch(/^\[Nov 21, 14:35\] Internal note \(Sam Rivera\): Reproduced on staging/);
    expect(lines.at(-1)).toBe(`Conversation: ${CONVERSATION_URL}`);
  });

  it('is deterministic', () => {
    const again = buildHandoffSummary(summaryInput(conversation, { contact, company, priorEscalations: 2, openTickets: 1 }));
    expect(again).toEqual(summary);
  });
});

describe('buildHandoffSummary on hard conversations', () => {
  it('says plainly that an empty conversation has nothing yet', () => {
    const summary = buildHandoffSummary(summaryInput(emptyConversation(), { contact: null, reason: '' }));
    expect(summary.sections.asked).toBe('No customer message in this conversation yet.');
    expect(summary.sections.customer).toBe('Name: unknown contact\nTier: Standard');
    expect(summary.sections.diagnostics).toBe('Nothing collected in the conversation yet.');
    expect(summary.sections.why).toBe("Agent's reason: (no reason given)\nDetected signals: none");
    expect(summary.sections.timeline).toContain('Messages: 0 from the customer, 0 from the team');
    expect(summary.sections.transcript).toBe(`No messages yet.\nConversation: ${CONVERSATION_URL}`);
  });

  it('turns HTML-heavy messages into safe text', () => {
    const summary = buildHandoffSummary(summaryInput(htmlHeavyConversation()));
    expect(summary.text).not.toMatch(/<script|javascript:|document\.cookie|evil\.example|<\/?p>/i);
    expect(summary.sections.asked).toContain('- Step one\n  - open Billing');
    expect(summary.sections.diagnostics).toContain('- https://billing.acme-analytics.io/invoices/INV-88231?tab=lines&view=full');
    expect(summary.sections.diagnostics).toContain('- INV-88231');
  });

  it('handles German, Japanese and emoji, in the zone asked for', () => {
    const summary = buildHandoffSummary(summaryInput(nonEnglishConversation(), { timezone: 'Asia/Tokyo' }));
    expect(summary.sections.asked).toContain('First message (Nov 21, 22:05): Hallo, der Export funktioniert immer noch nicht.');
    expect(summary.sections.asked).toContain('3 messages since the last reply): エクスポートが失敗します。');
    expect(summary.sections.transcript).toContain('[Nov 21, 22:11] Customer (田中 花子): まだですか？？ 最悪です 😡😡');
    expect(summary.sections.diagnostics).toContain('- 注文番号 88231774');
    expect(summary.sections.timeline).toContain('Opened: Nov 21, 2026, 22:05 Asia/Tokyo (UTC+09:00)');
  });

  it('falls back to UTC for an unknown zone and says so', () => {
    const summary = buildHandoffSummary(summaryInput(nonEnglishConversation(), { timezone: 'Mars/Olympus_Mons' }));
    expect(summary.sections.timeline).toContain('Opened: Nov 21, 2026, 13:05 UTC');
    expect(summary.sections.transcript).toContain('(times in UTC)');
  });

  it('summarises 500 parts within the bound, newest messages kept, and says what was cut', () => {
    const conversation = longConversation(500);
    const summary = buildHandoffSummary(summaryInput(conversation));
    expect(utf8Length(summary.text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary.sections.transcript).toMatch(/^Showing the last \d+ of 464 messages \(times in Europe\/Berlin\)\./);
    const last = conversation.parts.filter((p) => p.authorType !== 'system').at(-1);
    expect(summary.sections.transcript).toContain(last?.text);
    expect(summary.sections.timeline).toContain('Messages: 286 from the customer, 178 from the team');
    expect(summary.sections.diagnostics.split('\n').filter((l) => l.startsWith('- https://'))).toHaveLength(8);
  });

  it("mentions Intercom's 500-part cap when the conversation had more", () => {
    const conversation = { ...longConversation(50), totalPartCount: 1200 };
    expect(buildHandoffSummary(summaryInput(conversation)).sections.transcript).toContain(
      'Intercom returned the 50 most recent of 1200 parts; older ones are not included.',
    );
  });

  it('masks card numbers and secrets in every section', () => {
    const conversation = chat([
      { who: 'customer', body: SECRETS_BODY },
      { who: 'agent', body: 'Please never share keys here. Try with token=abc123def456ghi789 again' },
    ]);
    const summary = buildHandoffSummary(summaryInput(conversation, { reason: 'Card 4242424242424242 charged twice' }));
    expect(summary.text).not.toMatch(/4242 4242 4242 4242|4242424242424242|5555-5555|Winter2026|51HqLy|9f86d081|abc123def456/);
    expect(summary.sections.why).toContain('Card •••• •••• •••• 4242 charged twice');
    expect(summary.sections.asked).toContain(`sk_${'live'}_••••••••`);
    expect(summary.sections.diagnostics).toContain('3f2a9c1e-7b44-4d0a-9e61-5c2b8d7f1a90');
  });

  it('keeps a huge reason and huge messages inside the bound', () => {
    const wall = '返金してください。'.repeat(2000);
    const conversation = chat([
      { who: 'customer', body: wall },
      { who: 'agent', body: wall },
      { who: 'customer', body: wall },
    ]);
    const summary = buildHandoffSummary(summaryInput(conversation, { reason: wall }));
    expect(utf8Length(summary.text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    // Each piece is cut to its own share, so the lines after a wall of text survive.
    expect(summary.sections.why).toMatch(/^Agent's reason: 返金してください。.*…\nDetected signals: none$/s);
    expect(summary.sections.asked).toMatch(/\nLatest unanswered \(Nov 21, 14:09\): 返金.*…$/s);
    expect(summary.sections.transcript).toMatch(/^All 3 messages/);
    expect(summary.sections.transcript).toContain(`Conversation: ${CONVERSATION_URL}`);
  });

  it('measures time in chat from opening to the last message', () => {
    const conversation = chat([
      { who: 'customer', body: 'a', at: 0 },
      { who: 'agent', body: 'b', at: 61 },
      { who: 'assignment', at: 200 },
    ]);
    const summary = buildHandoffSummary(summaryInput(conversation, { now: NOW_MS + 2 * 86_400_000 }));
    expect(summary.sections.timeline).toContain('Time in chat: 1h 1m to the last message, escalated 2d 3h after opening');
  });
});

describe('what the customer asked', () => {
  it('says when nobody has replied at all', () => {
    const conversation = chat([
      { who: 'customer', body: 'Export fails' },
      { who: 'customer', body: 'Since Tuesday' },
      { who: 'note', body: 'checking' },
      { who: 'customer', body: 'Hello??' },
    ]);
    expect(buildHandoffSummary(summaryInput(conversation)).sections.asked).toBe(
      [
        'First message (Nov 21, 14:05): Export fails',
        'Latest unanswered (Nov 21, 14:11, 3 messages and no reply yet): Since Tuesday / Hello??',
      ].join('\n'),
    );
  });

  it('says when the team replied last, and when only one message is waiting', () => {
    const answered = chat([
      { who: 'customer', body: 'Export fails' },
      { who: 'agent', body: 'Fixed!' },
    ]);
    expect(buildHandoffSummary(summaryInput(answered)).sections.asked).toContain(
      'Latest unanswered: none, the team replied last (Nov 21, 14:07).',
    );
    const single = chat([{ who: 'customer', body: 'Export fails' }]);
    expect(buildHandoffSummary(summaryInput(single)).sections.asked).toContain('Latest unanswered: the first message, no reply yet.');
  });
});
