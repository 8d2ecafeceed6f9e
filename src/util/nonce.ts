/**
 * The one source of nonces: form idempotency keys in stored_data, OAuth state, settings links and sessions. 128
 * random bits by default, URL-safe, so a nonce fits a cookie, a query string and stored_data's pattern alike.
 */
import { randomBytes } from 'node:crypto';

export function randomNonce(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
