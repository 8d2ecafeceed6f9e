/** The one place canvas text becomes markdown: plain strings are escaped, markup comes only from our code. */
import { CanvasRuleError, escapeMarkdown, Markdown, markdownLink, md, text, textLines } from '../../canvases/kit';

const escaped = (plain: string) => String(escapeMarkdown(plain));

describe('canvas markdown', () => {
  it.each([
    ['[Re-verify](https://evil.example)', '\\[Re-verify\\](https:\\/\\/evil.example)'],
    ['<https://evil.example>', '\\<https:\\/\\/evil.example\\>'],
    ['**bold** _it_ `code` ~~s~~', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~'],
    ['mail me@evil.example', 'mail me\\@evil.example'],
    ['www.evil.example', 'www\\.evil.example'],
    ['C:\\temp \\[x\\]', 'C:\\\\temp \\\\\\[x\\\\\\]'],
    ['# Title\n- item\n+ item\n2. item\n---', '\\# Title\n\\- item\n\\+ item\n2\\. item\n\\---'],
  ])('escapes %j', (plain, expected) => {
    expect(escaped(plain)).toBe(expected);
  });

  it.each([
    '#1042 · P2 · In progress',
    '+3 more queued',
    'Resolution: 2h 14m left · due Nov 21, 2026, 6:19 PM UTC',
    'P2 · Billing / Legal (Billing) · Owner: Dana Ops',
  ])('leaves text with nothing to open as it is: %j', (plain) => {
    expect(escaped(plain)).toBe(plain);
  });

  it('text() escapes a plain string and keeps our Markdown', () => {
    expect(text('[x](https://evil.example)').text).toBe('\\[x\\](https:\\/\\/evil.example)');
    const ours = md`**${'[x](https://evil.example)'}** is ${3} ${markdownLink('late', 'https://app.intercom.com/t/1')}`;
    expect(text(ours).text).toBe('**\\[x\\](https:\\/\\/evil.example)** is 3 [late](https://app.intercom.com/t/1)');
  });

  it('builds links only to http(s), escapes their label and keeps the URL from closing the link', () => {
    expect(String(markdownLink('a]b', 'https://x.test/p(1) q'))).toBe('[a\\]b](https://x.test/p%281%29%20q)');
    expect(() => markdownLink('x', 'javascript:alert(1)')).toThrow(CanvasRuleError);
  });

  it('cannot be made outside the kit', () => {
    const forge = Markdown as unknown as new (mint: symbol, source: string) => Markdown;
    expect(() => new forge(Symbol('markdown'), '[x](https://evil.example)')).toThrow(TypeError);
  });

  it('measures escaped text by what it shows (the backslashes take no room)', () => {
    const plain = 'a_b '.repeat(20).trim();
    expect(textLines(escaped(plain))).toBe(textLines(plain));
  });
});
