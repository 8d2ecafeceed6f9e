import fc from 'fast-check';
import { PLAIN_ACTIONS, TICKET_ACTIONS, decodeComponentId, encodeComponentId } from '../../canvases/component-ids';

describe('component id codec', () => {
  it('encodes plain actions as themselves and ticket actions with their id', () => {
    expect(encodeComponentId('refresh')).toBe('refresh');
    expect(encodeComponentId('ticket_note_open', '215')).toBe('ticket_note_open:215');
  });

  it('round-trips every action', () => {
    for (const action of PLAIN_ACTIONS) expect(decodeComponentId(encodeComponentId(action))).toEqual({ action, arg: null });
    for (const action of TICKET_ACTIONS) expect(decodeComponentId(encodeComponentId(action, '9001'))).toEqual({ action, arg: '9001' });
  });

  it('round-trips any id made of the allowed alphabet', () => {
    const arg = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_ACTIONS), arg, (action, id) => {
        expect(decodeComponentId(encodeComponentId(action, id))).toEqual({ action, arg: id });
      }),
      { seed: 20261121 },
    );
  });

  it('refuses to encode an argument that could not be decoded', () => {
    expect(() => encodeComponentId('ticket_details', 'a:b')).toThrow(TypeError);
    expect(() => encodeComponentId('ticket_details', '')).toThrow(TypeError);
    expect(() => encodeComponentId('ticket_details', 'x'.repeat(65))).toThrow(TypeError);
    // Type-checked away, but a JS caller could still try.
    expect(() => (encodeComponentId as (a: string, b?: string) => string)('refresh', '1')).toThrow(TypeError);
  });

  it.each([
    ['unknown action', 'escalate_confirm'],
    ['plain action with an argument', 'refresh:1'],
    ['ticket action without its id', 'ticket_details'],
    ['ticket action with an empty id', 'ticket_details:'],
    ['id with a second separator', 'ticket_details:1:2'],
    ['not a string', 42],
    ['missing', undefined],
  ])('decodes %s to null', (_name, id) => {
    expect(decodeComponentId(id)).toBeNull();
  });
});
