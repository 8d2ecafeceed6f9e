/**
 * Short-lived signed tokens: the OAuth `state`, the settings link in the
 * sidebar and the settings session cookie. A token is
 * `<base64url(JSON {p: purpose, e: expires at, d: payload})>.<base64url(HMAC-SHA256)>`.
 *
 * Each purpose signs with its own key, derived (HKDF) from the app's secret
 * keys, so a token minted for one purpose can never be replayed as another,
 * even though the purpose is also checked inside the signed body. The first
 * key signs; every key verifies, so tokens survive a key rotation.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

export type SignedTokenFailure = 'malformed' | 'bad_signature' | 'expired' | 'invalid_payload';

export type VerifiedToken<T> = { ok: true; payload: T; expiresAt: number } | { ok: false; reason: SignedTokenFailure };

export interface SignedTokens<T> {
  readonly purpose: string;
  readonly ttlMs: number;
  sign(payload: T, now: number): string;
  verify(token: unknown, now: number): VerifiedToken<T>;
}

export interface SignedTokenOptions<T> {
  /** Secret key material, current first. Each key is stretched per purpose, never used directly. */
  keys: readonly Buffer[];
  purpose: string;
  ttlMs: number;
  /** Validates the payload after the signature holds: the shape is part of the contract. */
  schema: z.ZodType<T>;
}

/** Longer than any token this app mints; anything bigger is refused before any work is done. */
const MAX_TOKEN_LENGTH = 4096;
const HKDF_SALT = Buffer.from('handoff.signed-token.v1');

/** A 32-byte key for `purpose` derived from `secret` (HKDF-SHA256). */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, `handoff:${purpose}`, 32));
}

export function createSignedTokens<T>(options: SignedTokenOptions<T>): SignedTokens<T> {
  if (options.keys.length === 0) throw new Error('signed tokens need at least one key');
  const keys = options.keys.map((key) => deriveKey(key, options.purpose));
  const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();

  return {
    purpose: options.purpose,
    ttlMs: options.ttlMs,
    sign(payload, now) {
      const body = Buffer.from(JSON.stringify({ p: options.purpose, e: now + options.ttlMs, d: payload })).toString('base64url');
      return `${body}.${mac(keys[0]!, body).toString('base64url')}`;
    },
    verify(token, now) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
      const received = Buffer.from(signature, 'base64url');
      let valid = false;
      // Every key is tried (no early exit), so timing does not tell which key matched.
      for (const key of keys) {
        const expected = mac(key, body);
        if (expected.length === received.length && timingSafeEqual(expected, received)) valid = true;
      }
      if (!valid) return { ok: false, reason: 'bad_signature' };
      const envelope = parseEnvelope(body);
      if (!envelope || envelope.p !== options.purpose) return { ok: false, reason: 'invalid_payload' };
      if (envelope.e <= now) return { ok: false, reason: 'expired' };
      const payload = options.schema.safeParse(envelope.d);
      if (!payload.success) return { ok: false, reason: 'invalid_payload' };
      return { ok: true, payload: payload.data, expiresAt: envelope.e };
    },
  };
}

function parseEnvelope(body: string): { p: unknown; e: number; d: unknown } | null {
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object' || typeof value['e'] !== 'number') return null;
    return { p: value['p'], e: value['e'], d: value['d'] };
  } catch {
    return null;
  }
}
