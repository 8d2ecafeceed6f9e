/**
 * Signed routes read the body as raw bytes: the signature covers the exact
 * bytes Intercom sent, so we never re-serialise a parsed body to check it.
 */
import express from 'express';

export const SIGNED_BODY_LIMIT = '1mb';

export const rawBody = express.raw({ type: () => true, limit: SIGNED_BODY_LIMIT });

/** The raw body as a Buffer (empty when there was none). */
export function bodyBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}

/** JSON.parse that reports failure instead of throwing. */
export function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
