/**
 * Access tokens at rest: AES-256-GCM with a random 96-bit IV per token. The
 * stored form names its key id, so keys rotate: new tokens use the current
 * key, old ones still decrypt with a previous key until re-encrypted.
 * Format: `v1.<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config';

export class TokenCipherError extends Error {}

export interface TokenCipher {
  encrypt(plaintext: string): { ciphertext: string; keyId: string };
  decrypt(stored: string): string;
  /** True when the stored value was sealed with an older key and should be re-encrypted. */
  needsRotation(stored: string): boolean;
}

export function createTokenCipher(current: EncryptionKey, previous: readonly EncryptionKey[] = []): TokenCipher {
  const keys = new Map<string, Buffer>([...previous, current].map((k) => [k.id, k.key]));
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      // The key id is authenticated too, so a ciphertext cannot be relabelled to another key.
      cipher.setAAD(Buffer.from(current.id));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = ['v1', current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')];
      return { ciphertext: parts.join('.'), keyId: current.id };
    },
    decrypt(stored) {
      const [version, keyId, iv, tag, body] = stored.split('.');
      if (version !== 'v1' || !keyId || !iv || !tag || body === undefined) throw new TokenCipherError('stored token has an unknown format');
      const key = keys.get(keyId);
      if (!key) throw new TokenCipherError(`no encryption key with id "${keyId}" is configured`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenCipherError('stored token failed authentication (wrong key or tampered)');
      }
    },
    needsRotation(stored) {
      return stored.split('.')[1] !== current.id;
    },
  };
}
