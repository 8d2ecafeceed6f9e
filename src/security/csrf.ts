/**
 * CSRF tokens for the settings forms, bound to the session: the token is an
 * HMAC of the session's random id, so it needs no storage, differs per
 * session, and a token lifted from one session is useless in another. Forms
 * carry it in a hidden field; every POST must return it unchanged.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from './signed-token';

export const CSRF_FIELD = '_csrf';

export interface Csrf {
  tokenFor(sessionId: string): string;
  verify(sessionId: string, token: unknown): boolean;
}

export function createCsrf(secretKeys: readonly Buffer[]): Csrf {
  if (secretKeys.length === 0) throw new Error('CSRF tokens need at least one key');
  const keys = secretKeys.map((key) => deriveKey(key, 'settings-csrf'));
  const tokenWith = (key: Buffer, sessionId: string) => createHmac('sha256', key).update(`csrf:${sessionId}`).digest();
  return {
    tokenFor: (sessionId) => tokenWith(keys[0]!, sessionId).toString('base64url'),
    verify(sessionId, token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > 128 || !sessionId) return false;
      const received = Buffer.from(token, 'base64url');
      let valid = false;
      for (const key of keys) {
        const expected = tokenWith(key, sessionId);
        if (expected.length === received.length && timingSafeEqual(expected, received)) valid = true;
      }
      return valid;
    },
  };
}
