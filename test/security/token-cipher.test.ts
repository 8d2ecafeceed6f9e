import { randomBytes } from 'node:crypto';
import { createTokenCipher, TokenCipherError } from '../../src/security/token-cipher';
import { sealV1 } from '../support/legacy-token';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const WS = 'ws-alpha';

function withTag(sealed: string, tag: Buffer): string {
  const parts = sealed.split('.');
  return [...parts.slice(0, 3), tag.toString('base64url'), parts[4]].join('.');
}

describe('token cipher', () => {
  it('round-trips and never stores the plaintext', () => {
    const cipher = createTokenCipher(k1);
    const sealed = cipher.encrypt('example-token-value', WS);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).toMatch(/^v2\.k1\./);
    expect(sealed.ciphertext).not.toContain('example-token-value');
    expect(cipher.decrypt(sealed.ciphertext, WS)).toBe('example-token-value');
  });

  it('uses a fresh IV each time', () => {
    const cipher = createTokenCipher(k1);
    expect(cipher.encrypt('same', WS).ciphertext).not.toBe(cipher.encrypt('same', WS).ciphertext);
  });

  it('decrypts old tokens after a key rotation and flags them for re-encryption', () => {
    const old = createTokenCipher(k1).encrypt('tok', WS).ciphertext;
    const rotated = createTokenCipher(k2, [k1]);
    expect(rotated.decrypt(old, WS)).toBe('tok');
    expect(rotated.needsRotation(old)).toBe(true);
    const resealed = rotated.encrypt(rotated.decrypt(old, WS), WS).ciphertext;
    expect(rotated.needsRotation(resealed)).toBe(false);
    expect(createTokenCipher(k2).decrypt(resealed, WS)).toBe('tok');
  });

  it('refuses a retired key, a tampered body and a relabelled key id', () => {
    const sealed = createTokenCipher(k1).encrypt('tok', WS).ciphertext;
    expect(() => createTokenCipher(k2).decrypt(sealed, WS)).toThrow(/no encryption key with id "k1"/);
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 4), Buffer.from('evil').toString('base64url')].join('.');
    expect(() => createTokenCipher(k1).decrypt(tampered, WS)).toThrow(TokenCipherError);
    const relabelled = ['v2', 'k2', ...parts.slice(2)].join('.');
    expect(() => createTokenCipher(k2, [k1]).decrypt(relabelled, WS)).toThrow(TokenCipherError);
    expect(() => createTokenCipher(k1).decrypt('garbage', WS)).toThrow(/unknown format/);
  });

  it('refuses a truncated tag, however many bytes are kept (GCM alone accepts 4 to 16)', () => {
    const cipher = createTokenCipher(k1);
    for (const sealed of [cipher.encrypt('tok', WS).ciphertext, sealV1(k1, 'tok')]) {
      const tag = Buffer.from(sealed.split('.')[3]!, 'base64url');
      expect(tag).toHaveLength(16);
      for (const kept of [4, 8, 12, 15]) {
        const truncated = withTag(sealed, tag.subarray(0, kept));
        expect(() => cipher.decryptForReseal(truncated, WS)).toThrow(/truncated/);
        if (sealed.startsWith('v2.')) expect(() => cipher.decrypt(truncated, WS)).toThrow(/truncated/);
      }
    }
  });

  it("binds the workspace: a token copied into another workspace's row does not open there", () => {
    const cipher = createTokenCipher(k1);
    const sealed = cipher.encrypt('tok', WS).ciphertext;
    expect(() => cipher.decrypt(sealed, 'ws-beta')).toThrow(TokenCipherError);
    expect(() => cipher.decrypt(sealed, '')).toThrow(TokenCipherError);
  });

  it('reads the v1 format only to re-seal it, and flags it for re-sealing even under the current key', () => {
    const cipher = createTokenCipher(k1);
    const legacy = sealV1(k1, 'tok');
    expect(cipher.needsRotation(legacy)).toBe(true);
    expect(() => cipher.decrypt(legacy, WS)).toThrow(/unknown format/);
    expect(cipher.decryptForReseal(legacy, WS)).toBe('tok');
    expect(() => cipher.decryptForReseal(cipher.encrypt('tok', WS).ciphertext, 'ws-beta')).toThrow(TokenCipherError);
  });
});
