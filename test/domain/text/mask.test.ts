import { maskSensitive, SECRET_MASK } from '../../../src/domain/text';
import { mayMatch, SECRET_RULES } from '../../../src/domain/text/mask';
import { SECRETS_BODY } from '../../fixtures/conversations/scenarios';

describe('maskSensitive: card numbers', () => {
  it.each([
    ['Visa with spaces', 'card 4242 4242 4242 4242 please', 'card •••• •••• •••• 4242 please'],
    ['Mastercard with dashes', '5555-5555-5555-4444', '•••• •••• •••• 4444'],
    ['Mastercard 2-series', '2223003122003222', '•••• •••• •••• 3222'],
    ['Amex 4-6-5', 'amex 3782 822463 10005.', 'amex •••• •••• •••• 0005.'],
    ['Discover', '6011111111111117', '•••• •••• •••• 1117'],
    ['Visa 13 digits', '4222222222222', '•••• •••• •••• 2222'],
  ])('masks a %s, keeping the last four digits', (_name, input, expected) => {
    expect(maskSensitive(input)).toBe(expected);
  });

  it('keeps numbers that fail the Luhn check or have no card prefix', () => {
    expect(maskSensitive('4242 4242 4242 4241')).toBe('4242 4242 4242 4241');
    expect(maskSensitive('ts=1732198800000 id 1234567890123456')).toBe('ts=1732198800000 id 1234567890123456');
  });

  it('keeps order numbers, phone numbers and digits glued to identifiers', () => {
    const text = 'Order 118734, call +49 30 1234 5678, ref order_4242424242424242 and v4242424242424242';
    expect(maskSensitive(text)).toBe(text);
  });

  it('finds a card inside a longer run of digit groups', () => {
    expect(maskSensitive('ref 12 4242 4242 4242 4242 99')).toBe('ref 12 •••• •••• •••• 4242 99');
    expect(maskSensitive('4242424242424242 5555555555554444')).toBe('•••• •••• •••• 4242 •••• •••• •••• 4444');
  });
});

describe('maskSensitive: secrets', () => {
  it.each([
    ['Stripe live key', `key sk_${'live'}_51HqLyjWDarjtT1zdp7dcXcFh.`, `key sk_${'live'}_${SECRET_MASK}.`],
    ['Stripe test key', 'rk_test_abcdefgh12345678', `rk_test_${SECRET_MASK}`],
    ['GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', `ghp_${SECRET_MASK}`],
    ['Slack token', 'xoxb-2048-1111-abcdefGHIJ', `xoxb-${SECRET_MASK}`],
    ['AWS key id', 'AKIAIOSFODNN7EXAMPLE', `AKIA${SECRET_MASK}`],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfODgxMiJ9.c2lnbmF0dXJlX2hlcmU', `eyJ${SECRET_MASK}`],
    ['bearer token', 'Authorization: Bearer abc123def456', `Authorization: Bearer ${SECRET_MASK}`],
    ['basic credentials', 'Basic dXNlcjpwYXNzd29yZA==', `Basic ${SECRET_MASK}`],
    ['password', 'password: Winter2026! thanks', `password: ${SECRET_MASK} thanks`],
    ['quoted password', 'Passwort="geheim123"', `Passwort="${SECRET_MASK}"`],
    ['api key in a URL', 'https://api.acme.io/v1?api_key=abc123&page=2', `https://api.acme.io/v1?api_key=${SECRET_MASK}&page=2`],
    ['Japanese password', 'パスワード：abc123', `パスワード：${SECRET_MASK}`],
    ['hex secret', 'whsec 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', `whsec ${SECRET_MASK}`],
    // Encoded at run time so no key-shaped literal is tracked; the masked input is the same string.
    ['base64 secret', Buffer.from('tok:abcdef1234567890:1234567890abcdef').toString('base64'), SECRET_MASK],
    ['reset link token', 'https://app.acme.io/reset/Zk3m9QpX2rT7vW4yB8nC1dF6gH5jK0Ls', `https://app.acme.io/reset/${SECRET_MASK}`],
  ])('masks a %s', (_name, input, expected) => {
    expect(maskSensitive(input)).toBe(expected);
  });

  it('keeps the ids, links and words the back-office team needs', () => {
    const kept = [
      'request 3f2a9c1e-7b44-4d0a-9e61-5c2b8d7f1a90',
      'REQUEST 3F2A9C1E-7B44-4D0A-9E61-5C2B8D7F1A90',
      'https://app.acme-analytics.io/settings/billing/invoices/2026-INV-88231',
      'https://downloads.intercomcdn.com/i/o/569264008/8f3c4d2e1b1d6c1e0b2a4f19/export-log.txt',
      'commit 8f3c4d2 and invoice INV-88231',
      'the-quarterly-export-of-all-customer-accounts-2026',
      'getUserAccountSettingsForBillingPage2',
      'Basic features are fine, Bearer tokens are not in this sentence',
      'jane.cooper@acme-analytics.io',
    ];
    for (const text of kept) expect(maskSensitive(text)).toBe(text);
  });

  it('masks everything in a message full of secrets and keeps its ids', () => {
    const out = maskSensitive(SECRETS_BODY);
    expect(out).not.toMatch(/4242 4242 4242 4242|5555-5555|Winter2026|51HqLy|9f86d081|eyJzdWIi/);
    expect(out).toContain('•••• •••• •••• 4242');
    expect(out).toContain('•••• •••• •••• 4444');
    expect(out).toContain('Order 1234567890123, invoice INV-88231, request 3f2a9c1e-7b44-4d0a-9e61-5c2b8d7f1a90');
  });

  it('is idempotent on its own output', () => {
    const once = maskSensitive(`${SECRETS_BODY} password: password: x 4242424242424242 4242`);
    expect(maskSensitive(once)).toBe(once);
  });

  it('returns an empty string for empty input', () => {
    expect(maskSensitive('')).toBe('');
  });
});

describe('maskSensitive: hostile runs of padding', () => {
  it('masks a padded base64 key whole, padding included', () => {
    const key = `${Buffer.from('k9:Zq7Xw2Lp4Rt8Vn1Bc6Hs3Jd5Mf0Gy').toString('base64')}==`;
    expect(maskSensitive(`use ${key} now`)).toBe(`use ${SECRET_MASK} now`);
  });
});

describe('maskSensitive: long random tokens', () => {
  // 32 distinct characters: mixed case, digits, the entropy of a generated key.
  const KEY = 'Zq7Xw2Lp4Rt8Vn1Bc6Hs3Jd5Mf0Gy9Ka';
  const HEX_32 = '9f86d081884c7d659a2feaa0c55ad015';

  it('masks only the token, not the punctuation or letters glued to it', () => {
    for (const after of [':ok', '[x]', '|x', 'é', '@host', '^', '~', '{x}']) {
      expect(maskSensitive(`${KEY}${after}`)).toBe(`${SECRET_MASK}${after}`);
    }
    expect(maskSensitive(`(${KEY})`)).toBe(`(${SECRET_MASK})`);
  });

  it('reads _, -, + and = as part of a token, so a key with them is masked whole', () => {
    for (const glue of ['_', '-', '+']) {
      expect(maskSensitive(`${KEY.slice(0, 16)}${glue}${KEY.slice(16)}`)).toBe(SECRET_MASK);
    }
    expect(maskSensitive(`${HEX_32}=`)).toBe(SECRET_MASK);
  });

  it('does not count padding towards the 32 characters', () => {
    expect(maskSensitive(`${HEX_32.slice(0, 30)}==`)).toBe(`${HEX_32.slice(0, 30)}==`);
  });

  it('keeps long runs that are not random: hex letters without digits, digits alone, no lower case, repeats', () => {
    const kept = ['deadbeefcafebabedeadbeefcafebabe', '1234567890'.repeat(4), KEY.toUpperCase(), 'Xy12'.repeat(8)];
    for (const text of kept) expect(maskSensitive(text)).toBe(text);
  });

  it('masks a mixed-case token from two digits and from exactly 4 bits of entropy per character', () => {
    expect(maskSensitive('Zq7XwLpRtVnBcHsJdMfGyKaPeQiUoW3E')).toBe(SECRET_MASK);
    expect(maskSensitive('aBcD1234EfGhIjKl'.repeat(2))).toBe(SECRET_MASK);
  });

  it('masks a Bearer value with a digit or 16 characters, and keeps a shorter word', () => {
    expect(maskSensitive('Bearer abcdefghijklmnop')).toBe(`Bearer ${SECRET_MASK}`);
    expect(maskSensitive('Bearer abcdef12')).toBe(`Bearer ${SECRET_MASK}`);
    expect(maskSensitive('Bearer abcdefghijklmno')).toBe('Bearer abcdefghijklmno');
  });
});

describe('mayMatch', () => {
  it('rules out text with none of a rule’s hints, in any case where the rule ignores case', () => {
    expect(SECRET_RULES.filter((rule) => mayMatch('an ordinary sentence about exports', rule))).toEqual([]);
    const password = SECRET_RULES.find((rule) => rule.anyCase);
    expect(password && mayMatch('PASSWORD: x', password)).toBe(true);
  });
});
