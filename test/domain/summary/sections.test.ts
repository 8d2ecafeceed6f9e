/**
 * The short sections through the public builder: the "Needs:" opening, the first and the unanswered messages, the
 * customer lines, the reason and the timeline, in the cases a back-office reader meets less often.
 */
import type { ConversationView } from '../../../src/domain/conversation';
import { buildHandoffSummary, type SummaryInput } from '../../../src/domain/summary';
import { chat, contactView, DAY_MS, NOW_MS } from '../../fixtures/conversations/factory';
import { summaryInput } from './support';

const CHAT = chat([
  { who: 'customer', body: '<p>The export fails</p>' },
  { who: 'agent', body: '<p>Looking</p>' },
]);
const sections = (overrides: Partial<SummaryInput> & Parameters<typeof summaryInput>[1] = {}, conversation: ConversationView = CHAT) =>
  buildHandoffSummary(summaryInput(conversation, overrides)).sections;

describe('the "Needs:" opening', () => {
  it('states the need with its quote on one line and the message it came from', () => {
    const need = { sentence: 'a refund of the duplicate charge', quote: '  I was\n charged   twice ', source: 'customer, 10:32' };
    expect(sections({ need }).asked.split('\n')[0]).toBe(
      'Needs: a refund of the duplicate charge — “I was charged twice” (customer, 10:32)',
    );
  });

  it('names no source without a quote, and no quote marks without one', () => {
    expect(sections({ need: { sentence: 'a refund', quote: '  ', source: 'customer, 10:32' } }).asked.split('\n')[0]).toBe(
      'Needs: a refund',
    );
    expect(sections({ need: { sentence: 'a refund', quote: 'charged twice', source: null } }).asked.split('\n')[0]).toBe(
      'Needs: a refund — “charged twice”',
    );
  });

  it('is left out when the sentence is blank, and stands alone when the customer has not written yet', () => {
    expect(sections({ need: { sentence: '  ', quote: 'x', source: null } }).asked).toMatch(/^First message/);
    const empty = chat([{ who: 'agent', body: '<p>Hello, how can I help?</p>' }]);
    expect(sections({ need: { sentence: 'a refund', quote: null, source: null } }, empty).asked).toBe('Needs: a refund');
  });

  it('gives the sentence and the quote half the line each, so a long one never pushes out the other or the source', () => {
    const long = 'word '.repeat(100);
    const withLongQuote = sections({ need: { sentence: 'a refund', quote: long, source: 'customer, 10:32' } }).asked.split('\n')[0];
    expect(withLongQuote).toMatch(/^Needs: a refund — “(word )+word…” \(customer, 10:32\)$/);
    const withLongSentence = sections({ need: { sentence: long, quote: 'charged twice', source: 'customer, 10:32' } }).asked.split('\n')[0];
    expect(withLongSentence).toMatch(/ — “charged twice” \(customer, 10:32\)$/);
  });

  it('masks and bounds the quote', () => {
    const quote = `card 4242 4242 4242 4242 ${'very long '.repeat(60)}`;
    const line = sections({ need: { sentence: 'a refund', quote, source: 'customer, 10:32' } }).asked.split('\n')[0] ?? '';
    expect(line).toContain('•••• •••• •••• 4242');
    expect(line).not.toContain('4242 4242');
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(380);
  });
});

describe('what was asked', () => {
  it('says "attachment only" for a first message or a follow-up run without text', () => {
    const files = [{ name: 'screen.png', url: 'https://x.example/s.png' }];
    const asked = sections(
      {},
      chat([
        { who: 'customer', body: '', attachments: files },
        { who: 'customer', body: '', attachments: files },
      ]),
    ).asked;
    expect(asked).toContain('): (attachment only)\nLatest unanswered (');
    expect(asked).toMatch(/2 messages and no reply yet\): \(attachment only\)$/);
  });

  it('quotes the follow-ups trimmed, and skips the ones without text', () => {
    const asked = sections(
      {},
      chat([
        { who: 'customer', body: '<p>Export fails</p>' },
        { who: 'agent', body: '<p>Looking</p>' },
        { who: 'customer', body: '<p>   hello??   </p>' },
        { who: 'customer', body: '', attachments: [{ name: 'log.txt', url: 'https://x.example/log.txt' }] },
        { who: 'customer', body: '<p>still broken</p>' },
      ]),
    ).asked;
    expect(asked.split('\n')[1]).toMatch(
      /^Latest unanswered \(Nov 21, \d\d:\d\d, 3 messages since the last reply\): hello\?\? \/ still broken$/,
    );
  });

  it('masks a card before cutting the first message, so no cut-off digits are left to read', () => {
    const asked = sections({}, chat([{ who: 'customer', body: `<p>${'x'.repeat(628)} 4242 4242 4242 4242</p>` }])).asked;
    expect(asked).not.toMatch(/4242/);
  });
});

describe('the customer', () => {
  const facts = (input: SummaryInput['facts'] | undefined, changes: Partial<SummaryInput['facts']>) => ({ ...input!, ...changes });
  const customer = (changes: Partial<SummaryInput['facts']>, overrides: Parameters<typeof summaryInput>[1] = {}) => {
    const base = summaryInput(CHAT, overrides);
    return buildHandoffSummary({ ...base, facts: facts(base.facts, changes) }).sections.customer;
  };

  it('marks a VIP and says when the renewal is today, tomorrow or in N days', () => {
    const renewalAt = NOW_MS + DAY_MS;
    expect(customer({ tier: 'enterprise', isVip: true })).toContain('Tier: Enterprise (VIP)');
    expect(customer({ renewalAt, renewalInDays: 0 })).toMatch(/^Renewal: \w{3} \d+, 2026 \(today\)$/m);
    expect(customer({ renewalAt, renewalInDays: 1 })).toMatch(/^Renewal: \w{3} \d+, 2026 \(in 1 day\)$/m);
    expect(customer({ renewalAt, renewalInDays: 9 })).toMatch(/^Renewal: \w{3} \d+, 2026 \(in 9 days\)$/m);
  });

  it('leaves the renewal out unless both its date and its distance are known', () => {
    expect(customer({ renewalAt: null, renewalInDays: 3 })).not.toContain('Renewal');
    expect(customer({ renewalAt: NOW_MS, renewalInDays: null })).not.toContain('Renewal');
  });

  it('says "(no name)" for a contact without one, and gives the company id', () => {
    const base = summaryInput(CHAT, { contact: contactView({}, { name: null }) });
    const company = { ...(base.company ?? {}), name: 'Acme', companyId: 'acme-7', plan: 'Scale' } as SummaryInput['company'];
    const text = buildHandoffSummary({ ...base, company }).sections.customer;
    expect(text).toContain('Name: (no name)');
    expect(text).toContain('Company: Acme (id acme-7)');
    expect(text).toContain(' · plan Scale');
    const withoutId = { ...company!, companyId: null } as SummaryInput['company'];
    expect(buildHandoffSummary({ ...base, company: withoutId }).sections.customer).toMatch(/^Company: Acme$/m);
  });
});

describe('why and when', () => {
  it('reads a reason of only spaces as no reason', () => {
    expect(sections({ reason: '   ' }).why).toContain("Agent's reason: (no reason given)");
  });

  it('counts bot messages apart from the team', () => {
    const timeline = sections(
      {},
      chat([
        { who: 'customer', body: '<p>Hi</p>' },
        { who: 'bot', body: '<p>A teammate will answer soon</p>' },
        { who: 'bot', body: '<p>Meanwhile, try our docs</p>' },
        { who: 'agent', body: '<p>Hello</p>' },
      ]),
    ).timeline;
    expect(timeline).toContain('Messages: 1 from the customer, 1 from the team, 2 from bots');
  });

  it('says the opening time is unknown, with no time in chat, when the conversation has none', () => {
    const timeline = sections({}, { ...CHAT, createdAt: null }).timeline;
    expect(timeline.split('\n')).toEqual([
      'Opened: unknown',
      'Messages: 1 from the customer, 1 from the team',
      'Prior escalations of this contact: 0',
    ]);
  });

  it('gives only the escalation time when nobody has written yet', () => {
    const timeline = sections({}, { ...CHAT, parts: [] }).timeline;
    expect(timeline).toContain('\nTime in chat: escalated 3h after opening\n');
  });
});
