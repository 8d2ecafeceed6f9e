import { decodeStoredData, encodeStoredData } from '../../canvases/stored-data';

describe('stored_data codec', () => {
  it('round-trips and omits absent keys', () => {
    const encoded = encodeStoredData({ v: 1, flow: 'escalate', nonce: 'abcdef0123', conversationId: '1295' });
    expect(encoded).toEqual({ v: 1, flow: 'escalate', nonce: 'abcdef0123', conversationId: '1295' });
    expect(Object.isFrozen(encoded)).toBe(true);
    expect(decodeStoredData(JSON.parse(JSON.stringify(encoded)))).toEqual(encoded);
  });

  it('refuses to encode values we should never send', () => {
    expect(() => encodeStoredData({ v: 1, flow: 'ticket', ticketId: 'has space' })).toThrow();
    expect(() => encodeStoredData({ v: 1, flow: 'note', nonce: 'short' })).toThrow();
  });

  it('drops keys it does not know instead of carrying them along', () => {
    expect(decodeStoredData({ v: 1, flow: 'home', email: 'a@example.com' })).toEqual({ v: 1, flow: 'home' });
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['an older version', { v: 0, flow: 'home' }],
    ['an unknown flow', { v: 1, flow: 'wizard' }],
    ['a bad ticket id', { v: 1, flow: 'ticket', ticketId: '../1' }],
    ['not an object', 'home'],
  ])('decodes %s as a fresh start (null)', (_name, raw) => {
    expect(decodeStoredData(raw)).toBeNull();
  });
});
