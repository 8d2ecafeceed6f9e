import { randomBytes } from 'node:crypto';
import { createTokenCipher, TokenCipherError } from '../../src/security/token-cipher';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('token cipher', () => {
  it('round-trips and never stores the plaintext', () => {
    const cipher = createTokenCipher(k1);
    const sealed = cipher.encrypt('example-token-value');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).not.toContain('example-token-value');
    expect(cipher.decrypt(sealed.ciphertext)).toBe('example-token-value');
  });

  it('uses a fresh IV each time', () => {
    const cipher = createTokenCipher(k1);
    expect(cipher.encrypt('same').ciphertext).not.toBe(cipher.encrypt('same').ciphertext);
  });

  it('decrypts old tokens after a key rotation and flags them for re-encryption', () => {
    const old = createTokenCipher(k1).encrypt('tok').ciphertext;
    const rotated = createTokenCipher(k2, [k1]);
    expect(rotated.decrypt(old)).toBe('tok');
    expect(rotated.needsRotation(old)).toBe(true);
    const resealed = rotated.encrypt(rotated.decrypt(old)).ciphertext;
    expect(rotated.needsRotation(resealed)).toBe(false);
    expect(createTokenCipher(k2).decrypt(resealed)).toBe('tok');
  });

  it('refuses a retired key, a tampered body and a relabelled key id', () => {
    const sealed = createTokenCipher(k1).encrypt('tok').ciphertext;
    expect(() => createTokenCipher(k2).decrypt(sealed)).toThrow(/no encryption key with id "k1"/);
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 4), Buffer.from('evil').toString('base64url')].join('.');
    expect(() => createTokenCipher(k1).decrypt(tampered)).toThrow(TokenCipherError);
    const relabelled = ['v1', 'k2', ...parts.slice(2)].join('.');
    expect(() => createTokenCipher(k2, [k1]).decrypt(relabelled)).toThrow(TokenCipherError);
    expect(() => createTokenCipher(k1).decrypt('garbage')).toThrow(/unknown format/);
  });
});
