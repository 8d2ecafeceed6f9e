import { z } from 'zod';
import { createCsrf } from '../../src/security/csrf';
import { createSignedTokens, deriveKey } from '../../src/security/signed-token';

const KEY_A = Buffer.alloc(32, 1);
const KEY_B = Buffer.alloc(32, 2);
const schema = z.object({ w: z.string(), n: z.number() });
const NOW = 1_800_000_000_000;

function tokens(keys = [KEY_A], purpose = 'test', ttlMs = 60_000) {
  return createSignedTokens({ keys, purpose, ttlMs, schema });
}

/** Flips one character of the base64url segment `index` (0 = body, 1 = signature). */
function tamper(token: string, index: 0 | 1): string {
  const parts = token.split('.');
  const segment = parts[index]!;
  const at = Math.floor(segment.length / 2);
  parts[index] = segment.slice(0, at) + (segment[at] === 'A' ? 'B' : 'A') + segment.slice(at + 1);
  return parts.join('.');
}

describe('signed tokens', () => {
  it('round-trips a payload until it expires, and not a millisecond after', () => {
    const codec = tokens();
    const token = codec.sign({ w: 'ws1', n: 7 }, NOW);
    expect(codec.verify(token, NOW + 59_999)).toEqual({ ok: true, payload: { w: 'ws1', n: 7 }, expiresAt: NOW + 60_000 });
    expect(codec.verify(token, NOW + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a changed payload or signature', () => {
    const codec = tokens();
    const token = codec.sign({ w: 'ws1', n: 7 }, NOW);
    expect(codec.verify(tamper(token, 0), NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(codec.verify(tamper(token, 1), NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    // Re-signing another workspace id without the key is the attack a signature stops.
    const [body] = token.split('.');
    const forgedBody = Buffer.from(Buffer.from(body!, 'base64url').toString().replace('ws1', 'ws2')).toString('base64url');
    expect(codec.verify(`${forgedBody}.${token.split('.')[1]}`, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('never accepts a token minted for another purpose, even under the same keys', () => {
    const link = tokens([KEY_A], 'settings-link');
    const session = tokens([KEY_A], 'settings-session');
    expect(session.verify(link.sign({ w: 'ws1', n: 1 }, NOW), NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('signs with the first key and verifies with any, so a key rotation keeps recent tokens valid', () => {
    const before = tokens([KEY_A]);
    const after = tokens([KEY_B, KEY_A]);
    const old = before.sign({ w: 'ws1', n: 1 }, NOW);
    expect(after.verify(old, NOW).ok).toBe(true);
    expect(before.verify(after.sign({ w: 'ws1', n: 1 }, NOW), NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['one segment', 'abc'],
    ['three segments', 'a.b.c'],
    ['oversized', `${'a'.repeat(5000)}.b`],
  ])('calls a %s token malformed', (_name, token) => {
    expect(tokens().verify(token, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('rejects a correctly signed payload of the wrong shape', () => {
    const loose = createSignedTokens({ keys: [KEY_A], purpose: 'test', ttlMs: 60_000, schema: z.unknown() });
    expect(tokens().verify(loose.sign({ w: 5 }, NOW), NOW)).toEqual({ ok: false, reason: 'invalid_payload' });
  });

  it('derives a distinct key per purpose and never uses the secret itself', () => {
    expect(deriveKey(KEY_A, 'a').equals(deriveKey(KEY_A, 'b'))).toBe(false);
    expect(deriveKey(KEY_A, 'a').equals(KEY_A)).toBe(false);
    expect(deriveKey(KEY_A, 'a')).toHaveLength(32);
  });
});

describe('CSRF tokens', () => {
  it('are bound to the session they were issued for', () => {
    const csrf = createCsrf([KEY_A]);
    const token = csrf.tokenFor('session-one-aaaaaaaa');
    expect(csrf.verify('session-one-aaaaaaaa', token)).toBe(true);
    expect(csrf.verify('session-two-bbbbbbbb', token)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['an array', ['x']],
    ['wrong', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('refuse a %s token', (_name, token) => {
    expect(createCsrf([KEY_A]).verify('session-one-aaaaaaaa', token)).toBe(false);
  });

  it('stay valid across a key rotation', () => {
    const token = createCsrf([KEY_A]).tokenFor('s-123456789012345');
    expect(createCsrf([KEY_B, KEY_A]).verify('s-123456789012345', token)).toBe(true);
    expect(createCsrf([KEY_B]).verify('s-123456789012345', token)).toBe(false);
  });
});
