/**
 * Masks what must not travel from a chat into a ticket description or a note: card numbers and secrets
 * (API keys, bearer tokens, passwords, long random tokens). Ordinary ids, order numbers, UUIDs and URLs stay,
 * because the back-office team needs them. Every replacement is made of `•`, which no rule matches again, so
 * `maskSensitive` is idempotent.
 */
import { maskCards } from './cards';

export const SECRET_MASK = '••••••••';

/** Vendor token formats: the recognisable prefix is kept so the reader knows which kind of key was shared. */
const KNOWN_TOKENS: readonly RegExp[] = [
  /\b((?:sk|rk|pk)_(?:live|test)_)[A-Za-z0-9]{8,}/g, // Stripe
  /\b(gh[pousr]_)[A-Za-z0-9]{20,}/g, // GitHub
  /\b(github_pat_)[A-Za-z0-9_]{20,}/g,
  /\b(xox[abprs]-)[A-Za-z0-9-]{10,}/g, // Slack
  /\b(AKIA)[0-9A-Z]{16}\b/g, // AWS access key id
  /\b(eyJ)[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g, // JWT (also Intercom's identity-verification tokens)
];

/** `Bearer abc…`/`Basic abc…`: the value must look like a credential (a digit, or 16+ chars) so "Basic features" survives. */
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9\-._~+/]{8,}=*)/g;

/** `password: hunter2`, `api_key=…`, `token: …` (also in URLs' query strings). The key is kept, the value masked. */
const KEY_VALUE =
  /\b(password|passwort|kennwort|passwd|pwd|secret|client[_-]?secret|api[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|private[_-]?key)(\s*[:=]\s*)(["']?)([^\s"',;&]+)/gi;
const KEY_VALUE_JA = /(パスワード|暗証番号)(\s*[:：=]\s*)(\S+)/g;

/** Random-token candidates are runs of base64url/hex characters (no `/` or `.`, so paths and hosts stay whole). */
const TOKEN_MIN = 32;

function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45 ||
    code === 43 ||
    code === 61
  );
}
const HEX = /^[0-9a-fA-F]+$/;

/** Shannon entropy in bits per character; random keys score high, words and slugs low. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A long token is treated as a secret when it is hex with both digits and letters (API keys, session ids; 32+ chars
 * so short hashes in attachment URLs survive), or mixed-case alphanumeric with digits and high entropy (base64 keys).
 * Lowercase slugs, identifiers and UUIDs (which have dashes every few characters, so low entropy runs) are kept.
 */
function looksRandom(token: string): boolean {
  const core = token.replace(/=+$/, '');
  if (core.length < TOKEN_MIN) return false;
  const hasDigit = /\d/.test(core);
  if (HEX.test(core)) return hasDigit && /[a-fA-F]/.test(core);
  const digits = core.replace(/\D/g, '').length;
  return digits >= 2 && /[a-z]/.test(core) && /[A-Z]/.test(core) && entropy(core) >= 4;
}

function maskSecrets(text: string): string {
  let out = text;
  for (const pattern of KNOWN_TOKENS) out = out.replace(pattern, (_m, prefix: string) => prefix + SECRET_MASK);
  out = out.replace(AUTH_SCHEME, (whole, scheme: string, space: string, value: string) =>
    /\d/.test(value) || value.length >= 16 ? scheme + space + SECRET_MASK : whole,
  );
  out = out.replace(KEY_VALUE, (_m, key: string, sep: string, quote: string) => key + sep + quote + SECRET_MASK);
  out = out.replace(KEY_VALUE_JA, (_m, key: string, sep: string) => key + sep + SECRET_MASK);
  return maskRandomTokens(out);
}

/**
 * Masks long random-looking tokens. A hand-written scan rather than `/[…]{32,}/g`: the regex retries from every
 * character of every shorter word, which made this the slowest step of a 500-part summary.
 */
function maskRandomTokens(text: string): string {
  let out = '';
  let copied = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isTokenChar(text.charCodeAt(i))) {
      if (start === -1) start = i;
      continue;
    }
    if (start !== -1 && i - start >= TOKEN_MIN && looksRandom(text.slice(start, i))) {
      out += text.slice(copied, start) + SECRET_MASK;
      copied = i;
    }
    start = -1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Masks card numbers and secrets in free text. Safe to apply more than once. */
export function maskSensitive(text: string): string {
  if (!text) return '';
  return maskSecrets(maskCards(text));
}
