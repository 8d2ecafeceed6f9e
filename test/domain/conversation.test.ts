import { isReplyToCustomer, parseCompanies, parseCompany, parseContact, parseConversation, toEpochMs } from '../../src/domain/conversation';
import { chat, OPENED_AT, restConversation } from '../fixtures/conversations/factory';
import canvasConversation from '../fixtures/conversations/canvas-initialize-conversation.json';
import restCompanies from '../fixtures/conversations/rest-companies.json';
import restContact from '../fixtures/conversations/rest-contact.json';
import restConversationJson from '../fixtures/conversations/rest-conversation.json';

describe('parseConversation: REST payload', () => {
  const conversation = parseConversation(restConversationJson);

  it('keeps ids as strings, including numeric part ids', () => {
    expect(conversation.id).toBe('215469780563543');
    expect(conversation.parts.map((p) => p.id)).toEqual([
      '2793165017',
      '29681940115',
      '29681940222',
      '29681940333',
      '29681940444',
      '29681940555',
    ]);
  });

  it('lists parts chronologically with the source first, times in ms', () => {
    expect(conversation.createdAt).toBe(OPENED_AT * 1000);
    expect(conversation.sourcePart?.partType).toBe('source');
    expect(conversation.parts[0]).toBe(conversation.sourcePart);
    const times = conversation.parts.map((p) => p.createdAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('maps authors: user → customer, admin → agent, a bodiless assignment → system', () => {
    expect(conversation.parts.map((p) => [p.authorType, p.partType])).toEqual([
      ['customer', 'source'],
      ['system', 'assignment'],
      ['agent', 'comment'],
      ['customer', 'comment'],
      ['agent', 'note'],
      ['customer', 'comment'],
    ]);
    expect(conversation.parts[2]?.authorName).toBe('Sam Rivera');
  });

  it('converts HTML bodies to text and keeps attachments', () => {
    const source = conversation.sourcePart;
    expect(source?.text).toContain('the exports page (https://app.acme-analytics.io/exports/8812) says HTTP 502 Bad Gateway.');
    expect(source?.text).not.toContain('<');
    expect(source?.attachments).toEqual([
      { name: 'export-log.txt', url: 'https://downloads.intercomcdn.com/i/o/569264008/8f3c4d2e1b1d6c1e0b2a4f19/export-log.txt' },
    ]);
  });

  it('reads the contact id, custom attributes and part count', () => {
    expect(conversation.contactId).toBe('6745a1b2c3d4e5f60718293a');
    expect(conversation.customAttributes).toEqual({ 'Copilot used': false, 'Product area': 'Exports' });
    expect(conversation.totalPartCount).toBe(6);
    expect(conversation.title).toBeNull();
  });
});

describe('parseConversation: Canvas Kit body and tolerance', () => {
  it('accepts a numeric id, no parts, a bare contacts array and a null attribute object', () => {
    const conversation = parseConversation(canvasConversation);
    expect(conversation.id).toBe('215469780563543');
    expect(conversation.parts).toHaveLength(1);
    expect(conversation.sourcePart?.authorType).toBe('customer'); // a lead is a customer
    expect(conversation.sourcePart?.authorName).toBeNull();
    expect(conversation.contactId).toBe('6745');
    expect(conversation.customAttributes).toEqual({});
    expect(conversation.title).toBe('Export & upload failing');
  });

  it('drops fields with unexpected types instead of failing', () => {
    const raw = restConversation(
      [
        { who: 'customer', body: '<p>hi</p>' },
        { who: 'agent', body: '<p>hello</p>' },
      ],
      {
        title: 42,
        custom_attributes: 'nope',
        conversation_parts: {
          conversation_parts: ['not a part', null, { id: 7, part_type: 'comment', body: 'raw', author: 'bad', attachments: 'x' }],
        },
      },
    );
    const conversation = parseConversation(raw);
    expect(conversation.title).toBeNull();
    expect(conversation.customAttributes).toEqual({});
    expect(conversation.parts.map((p) => [p.id, p.authorType, p.text, p.createdAt])).toEqual([
      ['2793165017', 'customer', 'hi', OPENED_AT * 1000],
      ['7', 'system', 'raw', OPENED_AT * 1000], // no author we recognise: kept for the timeline only
    ]);
  });

  it('throws only when there is no id', () => {
    expect(() => parseConversation({ source: {} })).toThrow();
    expect(() => parseConversation(null)).toThrow();
    expect(() => parseConversation({ id: '' })).toThrow();
    expect(parseConversation({ id: 1 }).parts).toEqual([]);
  });

  it('treats Fin and bots as bots, teams as agents, and marks redacted messages', () => {
    const conversation = chat([
      { who: 'customer', body: 'Hi' },
      { who: 'fin', body: 'I can help with that.' },
      { who: 'bot', body: 'A teammate will reply soon.' },
    ]);
    expect(conversation.parts.map((p) => p.authorType)).toEqual(['customer', 'bot', 'bot']);
    const raw = restConversation([{ who: 'customer', body: 'x' }], {
      conversation_parts: {
        conversation_parts: [
          { id: '1', part_type: 'comment', body: 'From the team', author: { type: 'team', name: 'Billing' }, created_at: OPENED_AT + 60 },
          { id: '2', part_type: 'comment', body: null, redacted: true, author: { type: 'user' }, created_at: OPENED_AT + 120 },
        ],
      },
    });
    expect(
      parseConversation(raw)
        .parts.slice(1)
        .map((p) => [p.authorType, p.text]),
    ).toEqual([
      ['agent', 'From the team'],
      ['customer', '(message redacted)'],
    ]);
  });

  it('sorts out-of-order parts by time, keeping ties in their given order', () => {
    const conversation = chat([
      { who: 'customer', body: 'first', at: 0 },
      { who: 'agent', body: 'late', at: 10 },
      { who: 'customer', body: 'early', at: 5 },
      { who: 'agent', body: 'tie-a', at: 10 },
    ]);
    expect(conversation.parts.map((p) => p.text)).toEqual(['first', 'early', 'late', 'tie-a']);
  });
});

describe('isReplyToCustomer', () => {
  it('counts agent and bot comments, not notes or assignments', () => {
    const conversation = chat([
      { who: 'customer', body: 'q' },
      { who: 'agent', body: 'a' },
      { who: 'note', body: 'internal' },
      { who: 'bot', body: 'auto' },
      { who: 'assignment' },
    ]);
    expect(conversation.parts.map(isReplyToCustomer)).toEqual([false, true, false, true, false]);
  });
});

describe('toEpochMs', () => {
  it.each([
    [1797206400, 1797206400000],
    [1797206400000, 1797206400000],
    ['1797206400', 1797206400000],
    ['2026-12-14', Date.UTC(2026, 11, 14)],
    ['2026-12-14T09:30:00+01:00', Date.UTC(2026, 11, 14, 8, 30)],
  ])('reads %p', (input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });

  it.each([[null], [''], ['soon'], [-5], [Number.NaN], [{}], [true]])('rejects %p', (input) => {
    expect(toEpochMs(input)).toBeNull();
  });
});

describe('parseContact and parseCompany', () => {
  it('normalises a REST contact', () => {
    expect(parseContact(restContact)).toEqual({
      id: '6745a1b2c3d4e5f60718293a',
      name: 'Jane Cooper',
      email: 'jane@acme-analytics.io',
      externalId: 'usr_8812',
      role: 'user',
      customAttributes: { tier: 'Enterprise', renewal_date: 1797206400, high_risk: false, seats: 140 },
      browser: 'chrome 131.0.6778.86',
      os: 'OS X 14.6',
      location: 'Berlin, Germany',
      createdAt: 1731369600000,
    });
  });

  it('tolerates a sparse lead with a numeric external id', () => {
    const lead = parseContact({ id: 99, role: 'lead', external_id: 12345, name: '  ', location: null });
    expect(lead).toMatchObject({
      id: '99',
      name: null,
      email: null,
      externalId: '12345',
      browser: null,
      location: null,
      customAttributes: {},
    });
  });

  it('normalises companies from the list envelope, a data envelope or a bare array', () => {
    const [company] = parseCompanies(restCompanies);
    expect(company).toEqual({
      id: '6745a0f1e2d3c4b5a6978800',
      companyId: '4471',
      name: 'Acme Analytics GmbH',
      plan: 'Scale',
      customAttributes: { renewal_date: '2026-12-14', tier: 'enterprise' },
      monthlySpend: 4900,
    });
    expect(parseCompanies({ type: 'list', data: [{ id: 'c1', plan: 'Growth' }, 'junk'] }).map((c) => [c.id, c.plan])).toEqual([
      ['c1', 'Growth'],
    ]);
    expect(parseCompanies([{ id: 'c2' }])).toHaveLength(1);
    expect(parseCompanies(null)).toEqual([]);
    expect(parseCompany({ id: 'c3', monthly_spend: 'lots' }).monthlySpend).toBeNull();
  });
});
