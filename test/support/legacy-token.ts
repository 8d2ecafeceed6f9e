/** The v1 token format, as the app wrote it before v2: fixtures for the re-sealing path. */
import { createCipheriv, randomBytes } from 'node:crypto';

/** A token as the v1 format sealed it (the key id was its only associated data): what re-sealing reads. */
export function sealV1(key: { id: string; key: Buffer }, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(key.id));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', key.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}
