/**
 * Access tokens at rest: AES-256-GCM with a random 96-bit IV per token and the full 16-byte tag. The stored form
 * names its key id, so keys rotate: new tokens use the current key, old ones still open with a previous key
 * until re-sealed at start (src/services/install/key-rotation.ts).
 *
 * Format v2: `v2.<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>`, authenticated with the version, the key
 * id and the workspace id, so a ciphertext can be neither relabelled to another key nor copied into another
 * workspace's row. Format v1 (key id only) is read solely to re-seal it as v2.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config';

export class TokenCipherError extends Error {}

export interface TokenCipher {
  encrypt(plaintext: string, workspaceId: string): { ciphertext: string; keyId: string };
  /** Opens a v2 token sealed for this workspace; anything else throws TokenCipherError. */
  decrypt(stored: string, workspaceId: string): string;
  /**
   * For re-sealing at start only: opens a v2 token like `decrypt`, or one in the v1 format, which bound only
   * the key id (read once so it can be written back as v2).
   */
  decryptForReseal(stored: string, workspaceId: string): string;
  /** True when the stored value is in an older format or under an older key and should be re-sealed. */
  needsRotation(stored: string): boolean;
}

const CURRENT_VERSION = 'v2';
const LEGACY_VERSION = 'v1';
/** GCM accepts tags as short as 4 bytes unless told otherwise; a short tag is forgeable, so only 16 is read. */
const TAG_BYTES = 16;
const IV_BYTES = 12;

function associatedData(version: string, keyId: string, workspaceId: string | null): Buffer {
  // v1 authenticated the key id alone; v2 adds the version and the workspace, separated so no field can bleed.
  return Buffer.from(version === LEGACY_VERSION ? keyId : `${version}\u0000${keyId}\u0000${workspaceId ?? ''}`);
}

export function createTokenCipher(current: EncryptionKey, previous: readonly EncryptionKey[] = []): TokenCipher {
  const keys = new Map<string, Buffer>([...previous, current].map((k) => [k.id, k.key]));

  const open = (stored: string, version: string, workspaceId: string | null): string => {
    const [storedVersion, keyId, iv, tag, body] = stored.split('.');
    if (storedVersion !== version || !keyId || !iv || !tag || body === undefined) {
      throw new TokenCipherError('stored token has an unknown format');
    }
    const key = keys.get(keyId);
    if (!key) throw new TokenCipherError(`no encryption key with id "${keyId}" is configured`);
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
      throw new TokenCipherError('stored token failed authentication (truncated IV or tag)');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(version, keyId, workspaceId));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenCipherError('stored token failed authentication (wrong key, workspace or tampered)');
    }
  };

  return {
    encrypt(plaintext, workspaceId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedData(CURRENT_VERSION, current.id, workspaceId));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [
        CURRENT_VERSION,
        current.id,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ];
      return { ciphertext: parts.join('.'), keyId: current.id };
    },
    decrypt: (stored, workspaceId) => open(stored, CURRENT_VERSION, workspaceId),
    decryptForReseal: (stored, workspaceId) =>
      stored.startsWith(`${LEGACY_VERSION}.`) ? open(stored, LEGACY_VERSION, null) : open(stored, CURRENT_VERSION, workspaceId),
    needsRotation(stored) {
      const [version, keyId] = stored.split('.');
      return version !== CURRENT_VERSION || keyId !== current.id;
    },
  };
}
