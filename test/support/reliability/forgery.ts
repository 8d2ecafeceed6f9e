/**
 * Ways to get a signature wrong: none, empty, random, truncated, another secret, the other scheme, a body
 * changed after signing, and signatures that are only almost right. Each yields the exact headers and bytes to
 * send; every one of them must be refused with 401 before anything else happens.
 */
import { randomBytes } from 'node:crypto';
import { signBody, type SignatureScheme } from '../../../src/http/signature';
import { TEST_CLIENT_SECRET } from '../app-harness';

export interface Forgery {
  name: string;
  headers: Record<string, string>;
  raw: Buffer;
}

const HEADER: Record<SignatureScheme, string> = { canvas: 'x-body-signature', webhook: 'x-hub-signature' };

export function forgeries(scheme: SignatureScheme, body: string): Forgery[] {
  const raw = Buffer.from(body);
  const header = HEADER[scheme];
  const otherHeader = HEADER[scheme === 'canvas' ? 'webhook' : 'canvas'];
  const valid = signBody(scheme, raw, TEST_CLIENT_SECRET);
  const prefix = scheme === 'webhook' ? 'sha1=' : '';
  const hexLength = valid.length - prefix.length;
  const signed = (value: string, bytes: Buffer = raw) => ({ headers: { [header]: value }, raw: bytes });
  return [
    { name: 'missing', headers: {}, raw },
    { name: 'empty', ...signed('') },
    { name: 'random hex', ...signed(prefix + randomBytes(hexLength / 2).toString('hex')) },
    { name: 'truncated by one', ...signed(valid.slice(0, -1)) },
    { name: 'truncated to half', ...signed(valid.slice(0, prefix.length + hexLength / 2)) },
    { name: 'one digit flipped', ...signed(valid.slice(0, -1) + (valid.endsWith('0') ? '1' : '0')) },
    { name: 'signed with another secret', ...signed(signBody(scheme, raw, 'another-apps-client-secret')) },
    { name: 'signed with the secret plus a byte', ...signed(signBody(scheme, raw, `${TEST_CLIENT_SECRET} `)) },
    { name: 'the other scheme', ...signed(signBody(scheme === 'canvas' ? 'webhook' : 'canvas', raw, TEST_CLIENT_SECRET)) },
    { name: 'valid, but in the other header', headers: { [otherHeader]: valid }, raw },
    { name: 'body changed after signing (trailing space)', ...signed(valid, Buffer.concat([raw, Buffer.from(' ')])) },
    { name: 'body changed after signing (one byte)', ...signed(valid, flipLastLetter(raw)) },
    { name: 'body truncated after signing', ...signed(valid, raw.subarray(0, raw.length - 1)) },
    { name: 'signature of an empty body', ...signed(signBody(scheme, Buffer.alloc(0), TEST_CLIENT_SECRET)) },
    { name: 'signature with extra text', ...signed(`${valid},${valid}`) },
    { name: 'signature padded with a digit', ...signed(`${valid}0`) },
    { name: 'non-hex characters', ...signed(prefix + 'z'.repeat(hexLength)) },
    { name: 'wrong prefix', ...signed(`${scheme === 'webhook' ? 'sha256=' : 'sha1='}${valid.slice(prefix.length)}`) },
  ];
}

function flipLastLetter(raw: Buffer): Buffer {
  const copy = Buffer.from(raw);
  for (let i = copy.length - 1; i >= 0; i -= 1) {
    const byte = copy[i]!;
    if ((byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39)) {
      copy[i] = byte === 0x61 ? 0x62 : byte === 0x30 ? 0x31 : byte - 1;
      return copy;
    }
  }
  throw new Error('no letter or digit to flip');
}
