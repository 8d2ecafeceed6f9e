import { MAX_CODES, quotedCodes } from '../../../src/domain/incidents/codes';
import { analyse } from '../../../src/domain/triage/mentions';
import type { TriageMessage } from '../../../src/domain/triage/types';

const read = (...texts: Array<string | { teammate: string }>) =>
  analyse(
    texts.map(
      (text, i): TriageMessage =>
        typeof text === 'string'
          ? { author: 'customer', text, at: i, partId: `p${i}` }
          : { author: 'teammate', text: text.teammate, at: i, partId: `p${i}` },
    ),
  ).messages;

describe('quoted error codes', () => {
  it('keeps a code as written, its status and its words', () => {
    expect(quotedCodes(read('Checkout shows E_PAYMENT_502 for every card.'))).toEqual({
      codes: ['E_PAYMENT_502'],
      statuses: ['502'],
      parts: ['payment'],
    });
    expect(quotedCodes(read('We see ERR-1234 and GW-4410.')).codes).toEqual(['ERR-1234', 'GW-4410']);
  });

  it('reads a status beside a code word, before or after, in every language', () => {
    for (const text of [
      'We get error 503 from the API.',
      'HTTP 503 on every call',
      'Die Seite liefert 503',
      'Votre API renvoie 503',
      'La API devuelve 503',
      'A API retorna 503',
      'POST /refunds: 503 Service Unavailable',
    ])
      expect(quotedCodes(read(text)).statuses).toEqual(['503']);
  });

  it('reads no code in a bare number, a shouted word, or a teammate’s message', () => {
    expect(quotedCodes(read('Order 503 is late and it is URGENT.'))).toEqual({ codes: [], statuses: [], parts: [] });
    expect(quotedCodes(read({ teammate: 'That is E_PAYMENT_502, we are on it.' })).codes).toEqual([]);
  });

  it('stays bounded on hostile input', () => {
    const many = Array.from({ length: 50 }, (_, i) => `E_X_${500 + i} error ${400 + i}`).join(' ');
    const found = quotedCodes(read(many));
    expect(found.codes.length).toBeLessThanOrEqual(MAX_CODES);
    expect(found.statuses.length).toBeLessThanOrEqual(MAX_CODES);
  });
});
