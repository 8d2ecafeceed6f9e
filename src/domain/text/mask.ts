/**
 * Masks what must not travel from a chat into a ticket description or a note: card numbers and secrets
 * (API keys, bearer tokens, passwords, long random tokens). Ordinary ids, order numbers, UUIDs and URLs stay,
 * because the back-office team needs them. Every replacement is made of `•`, which no rule matches again, so
 * `maskSensitive` is idempotent.
 */
import { maskCards } from './cards';

export const SECRET_MASK = '••••••••';

/**
 * One secret format: a global `pattern`, what replaces a match, and `hints`, literals of which every match contains
 * at least one (looked for in the lower-cased text when `anyCase`; the pattern's `i` flag has no Unicode mode, so
 * only ASCII letters match ASCII letters). Text with none of the hints cannot match and is not scanned: most
 * messages contain none, and nine global replaces on every masked string were much of a summary's masking time.
 */
export interface SecretRule {
  readonly pattern: RegExp;
  readonly hints: readonly string[];
  readonly anyCase?: boolean;
  readonly replace: (match: string, ...groups: string[]) => string;
}

const keepPrefix = (_match: string, prefix: string) => prefix + SECRET_MASK;

/** Applied in this order. Vendor formats keep their recognisable prefix so the reader knows which kind of key was shared. */
export const SECRET_RULES: readonly SecretRule[] = [
  // Stripe
  { pattern: /\b((?:sk|rk|pk)_(?:live|test)_)[A-Za-z0-9]{8,}/g, hints: ['_live_', '_test_'], replace: keepPrefix },
  // GitHub
  { pattern: /\b(gh[pousr]_)[A-Za-z0-9]{20,}/g, hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], replace: keepPrefix },
  { pattern: /\b(github_pat_)[A-Za-z0-9_]{20,}/g, hints: ['github_pat_'], replace: keepPrefix },
  // Slack
  { pattern: /\b(xox[abprs]-)[A-Za-z0-9-]{10,}/g, hints: ['xox'], replace: keepPrefix },
  // AWS access key id
  { pattern: /\b(AKIA)[0-9A-Z]{16}\b/g, hints: ['AKIA'], replace: keepPrefix },
  // JWT (also Intercom's identity-verification tokens). It starts where a run of [\w-] starts, not at any \b: with
  // \b every `eyJ` of `eyJ-eyJ-eyJ-…` began a match that read to the end of the run (quadratic).
  { pattern: /(?<![\w-])(eyJ)[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g, hints: ['eyJ'], replace: keepPrefix },
  {
    // `Bearer abc…`/`Basic abc…`: the value must look like a credential (a digit, or 16+ chars) so "Basic features" survives.
    pattern: /\b(Bearer|Basic)(\s+)([A-Za-z0-9\-._~+/]{8,}=*)/g,
    hints: ['Bearer', 'Basic'],
    replace: (whole: string, scheme: string, space: string, value: string) =>
      /\d/.test(value) || value.length >= 16 ? scheme + space + SECRET_MASK : whole,
  },
  {
    // `password: hunter2`, `api_key=…`, `token: …` (also in URLs' query strings). The key is kept, the value masked.
    pattern:
      /\b(password|passwort|kennwort|passwd|pwd|secret|client[_-]?secret|api[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|private[_-]?key)(\s*[:=]\s*)(["']?)([^\s"',;&]+)/gi,
    hints: ['pass', 'kennwort', 'pwd', 'secret', 'key', 'token'],
    anyCase: true,
    replace: (_match: string, key: string, sep: string, quote: string) => key + sep + quote + SECRET_MASK,
  },
  {
    pattern: /(パスワード|暗証番号)(\s*[:：=]\s*)(\S+)/g,
    hints: ['パスワード', '暗証番号'],
    replace: (_match: string, key: string, sep: string) => key + sep + SECRET_MASK,
  },
];

/** False only when `text` cannot match the rule's pattern (see `SecretRule`). */
export function mayMatch(text: string, rule: SecretRule): boolean {
  const haystack = rule.anyCase ? text.toLowerCase() : text;
  for (const hint of rule.hints) if (haystack.includes(hint)) return true;
  return false;
}

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

const EQUALS = 61;

/**
 * `token` without its trailing `=` padding. A backwards scan, not `replace(/=+$/, '')`: that regex retries from
 * every `=` of a run that does not end the token, so one customer message of `====…=A` cost quadratic time.
 */
function withoutPadding(token: string): string {
  let end = token.length;
  while (end > 0 && token.charCodeAt(end - 1) === EQUALS) end -= 1;
  return token.slice(0, end);
}

/**
 * A long token is treated as a secret when it is hex with both digits and letters (API keys, session ids; 32+ chars
 * so short hashes in attachment URLs survive), or mixed-case alphanumeric with digits and high entropy (base64 keys).
 * Lowercase slugs, identifiers and UUIDs (which have dashes every few characters, so low entropy runs) are kept.
 */
function looksRandom(token: string): boolean {
  const core = withoutPadding(token);
  if (core.length < TOKEN_MIN) return false;
  const hasDigit = /\d/.test(core);
  if (HEX.test(core)) return hasDigit && /[a-fA-F]/.test(core);
  const digits = core.replace(/\D/g, '').length;
  return digits >= 2 && /[a-z]/.test(core) && /[A-Z]/.test(core) && entropy(core) >= 4;
}

function maskSecrets(text: string): string {
  let out = text;
  for (const rule of SECRET_RULES) if (mayMatch(out, rule)) out = out.replace(rule.pattern, rule.replace);
  return maskRandomTokens(out);
}

/**
 * Masks long random-looking tokens. A hand-written scan rather than `/[…]{32,}/g`: the regex retries from every
 * character of every shorter word, which made this the slowest step of a 500-part summary.
 */
function maskRandomTokens(text: string): string {
  if (text.length < TOKEN_MIN) return text;
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
