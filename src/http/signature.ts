/**
 * Request signatures, checked on the raw body bytes before anything is parsed.
 * Canvas Kit (and install/uninstall callbacks) sign with X-Body-Signature:
 * hex HMAC-SHA256. REST webhooks sign with X-Hub-Signature: `sha1=` + hex
 * HMAC-SHA1. Both use the app's client secret; a list of secrets lets the
 * secret rotate without downtime.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureScheme = 'canvas' | 'webhook';

/** The header each scheme's signature arrives in (as Node names it: lower case). */
export const SIGNATURE_HEADER: Readonly<Record<SignatureScheme, string>> = {
  canvas: 'x-body-signature',
  webhook: 'x-hub-signature',
};

const SCHEMES = {
  canvas: { algorithm: 'sha256', prefix: '', hexLength: 64 },
  webhook: { algorithm: 'sha1', prefix: 'sha1=', hexLength: 40 },
} as const;

export function signBody(scheme: SignatureScheme, raw: Buffer | string, secret: string): string {
  const { algorithm, prefix } = SCHEMES[scheme];
  return prefix + createHmac(algorithm, secret).update(raw).digest('hex');
}

/** True when `header` is a valid signature of `raw` under any of `secrets`. */
export function verifySignature(scheme: SignatureScheme, raw: Buffer, header: unknown, secrets: readonly string[]): boolean {
  const { algorithm, prefix, hexLength } = SCHEMES[scheme];
  if (typeof header !== 'string') return false;
  const value = header.trim();
  if (!value.toLowerCase().startsWith(prefix)) return false;
  const hex = value.slice(prefix.length).toLowerCase();
  if (hex.length !== hexLength || !/^[0-9a-f]+$/.test(hex)) return false;
  const received = Buffer.from(hex, 'hex');
  let valid = false;
  // Check every secret (no early exit) so timing does not reveal which one matched.
  for (const secret of secrets) {
    if (!secret) continue;
    // The digest's bytes against the header's: the same comparison as of the hex strings, without writing either out.
    const expected = createHmac(algorithm, secret).update(raw).digest();
    if (expected.length === received.length && timingSafeEqual(expected, received)) valid = true;
  }
  return valid;
}
