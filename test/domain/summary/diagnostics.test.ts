import { DIAGNOSTIC_CAP, extractDiagnostics } from '../../../src/domain/summary/diagnostics';
import { chat, contactView, type Line } from '../../fixtures/conversations/factory';
import { leastCpuMs } from '../../support/cpu-time';

function extract(lines: Line[]) {
  return extractDiagnostics(chat(lines), null);
}

describe('extractDiagnostics', () => {
  it('finds URLs without trailing punctuation, de-duplicated', () => {
    const d = extract([{ who: 'customer', body: 'See https://acme.io/a. And https://acme.io/a, or (https://acme.io/b)!' }]);
    expect(d.urls).toEqual(['https://acme.io/a', 'https://acme.io/b']);
  });

  it('trims punctuation from a URL followed by 100 KB of it in linear time', () => {
    // /[.,;:!?]+$/ retried from every mark of a run that does not end the URL: seconds at this size.
    // CPU time, so a busy machine's wait for a core does not count: the linear scan takes milliseconds.
    const body = `see https://acme.io/a${'!'.repeat(100 * 1024)}x and https://acme.io/b!!`;
    let d = extract([]);
    expect(leastCpuMs(() => (d = extract([{ who: 'customer', body }])))).toBeLessThan(1000);
    expect(d.urls[1]).toBe('https://acme.io/b');
  });

  it('finds error codes, HTTP statuses and error messages', () => {
    const d = extract([
      { who: 'customer', body: 'Chrome says ERR_CONNECTION_RESET, then status: 504. The worker logged ECONNREFUSED.' },
      { who: 'agent', body: "Server answers 502 Bad Gateway.\nTypeError: Cannot read properties of undefined (reading 'id')" },
      { who: 'customer', body: 'STRIPE_PAYMENT_DECLINED, while USER_PROFILE and FEATURE_FLAG_ON are just names.' },
    ]);
    expect(d.errors).toEqual([
      'ERR_CONNECTION_RESET',
      'STRIPE_PAYMENT_DECLINED',
      'ECONNREFUSED',
      'HTTP 502 Bad Gateway',
      'HTTP 504',
      "TypeError: Cannot read properties of undefined (reading 'id')",
    ]);
  });

  it('does not read counts as HTTP statuses', () => {
    expect(extract([{ who: 'customer', body: 'We have 500 users and 404 invoices.' }]).errors).toEqual([]);
  });

  it('finds order numbers, prefixed ids, #numbers and request ids', () => {
    const d = extract([
      { who: 'customer', body: 'Order #48213 and order number: 99812345, invoice INV-88231, Rechnung Nr. 20261121.' },
      { who: 'agent', body: 'Request id 3f2a9c1e-7b44-4d0a-9e61-5c2b8d7f1a90. Colour &#35;fff is not an id.' },
    ]);
    expect(d.references).toEqual(['INV-88231', '#48213', 'order 99812345', 'Rechnung 20261121', '3f2a9c1e-7b44-4d0a-9e61-5c2b8d7f1a90']);
  });

  it('finds browser, OS and app version, after what Intercom knows about the contact', () => {
    const conversation = chat([{ who: 'customer', body: 'Firefox 133.0 on Windows 11, app version 4.12.1; my phone runs iOS 18.1' }]);
    expect(extractDiagnostics(conversation, contactView()).environment).toEqual([
      'Browser (Intercom): chrome 131.0',
      'OS (Intercom): OS X 14.6',
      'Firefox 133.0',
      'Windows 11',
      'iOS 18.1',
      'App version 4.12.1',
    ]);
  });

  it('lists attachments from every part', () => {
    const d = extract([
      { who: 'customer', body: 'log attached', attachments: [{ name: 'export.log', url: 'https://files.acme.io/export.log' }] },
      { who: 'agent', body: '', attachments: [{ name: 'fix.pdf', url: 'https://files.acme.io/fix.pdf' }] },
    ]);
    expect(d.attachments).toEqual(['export.log: https://files.acme.io/export.log', 'fix.pdf: https://files.acme.io/fix.pdf']);
  });

  it('masks secrets inside what it extracts', () => {
    const d = extract([{ who: 'customer', body: 'https://api.acme.io/v1/export?token=Zk3m9QpX2rT7&page=2' }]);
    expect(d.urls).toEqual(['https://api.acme.io/v1/export?token=••••••••&page=2']);
  });

  it('caps each category', () => {
    const body = Array.from({ length: 30 }, (_, i) => `https://acme.io/run/${i} ORD-2026-${1000 + i}`).join(' ');
    const d = extract([{ who: 'customer', body }]);
    expect(d.urls).toHaveLength(DIAGNOSTIC_CAP);
    expect(d.references).toHaveLength(DIAGNOSTIC_CAP);
    expect(d.urls[0]).toBe('https://acme.io/run/0');
  });
});

describe('extractDiagnostics: what counts as the same, and what is read', () => {
  it('lists a URL once whatever its case or a trailing slash', () => {
    const d = extract([{ who: 'customer', body: 'See https://acme.io/Export/ and https://ACME.io/export, then https://acme.io/other' }]);
    expect(d.urls).toEqual(['https://acme.io/Export/', 'https://acme.io/other']);
  });

  it('reads the messages, not the system events between them', () => {
    const conversation = chat([{ who: 'customer', body: '<p>Export fails</p>' }]);
    const [part] = conversation.parts;
    const event = { ...part!, id: 'event', authorType: 'system' as const, text: 'moved by rule https://rules.internal.example/42' };
    expect(extractDiagnostics({ ...conversation, parts: [...conversation.parts, event] }, null).urls).toEqual([]);
  });
});
