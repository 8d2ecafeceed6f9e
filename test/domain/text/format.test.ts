import { escapeHtml, oneLine, truncate, truncateBytes, utf8Length } from '../../../src/domain/text';

describe('truncate', () => {
  it('returns text that fits unchanged', () => {
    expect(truncate('short', 5)).toBe('short');
  });

  it('cuts on a word boundary and adds an ellipsis, within the limit', () => {
    const out = truncate('The quick brown fox jumps over the lazy dog', 20);
    expect(out).toBe('The quick brown…');
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it('cuts mid-word when the last space is too far back (CJK has none)', () => {
    expect(truncate('日本語のテキストはスペースがありません', 10)).toBe('日本語のテキストは…');
    expect(truncate('a supercalifragilisticexpialidocious', 20)).toBe('a supercalifragilis…');
  });

  it('never splits an emoji surrogate pair', () => {
    expect(truncate('😀😀😀😀', 4)).toBe('😀…');
  });

  it('handles tiny limits', () => {
    expect(truncate('hello', 1)).toBe('…');
    expect(truncate('hello', 0)).toBe('');
  });
});

describe('byte helpers', () => {
  it('counts UTF-8 bytes like Buffer does', () => {
    for (const text of ['', 'abc', 'Müller', '返金してください', '😡🙏', 'a\uD800b']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('truncates to a byte bound', () => {
    const out = truncateBytes('返金してください。'.repeat(100), 100);
    expect(utf8Length(out)).toBeLessThanOrEqual(100);
    expect(out.endsWith('…')).toBe(true);
    expect(truncateBytes('fits', 10)).toBe('fits');
    expect(truncateBytes('does not fit', 0)).toBe('');
  });
});

describe('escapeHtml and oneLine', () => {
  it('escapes the five HTML-significant characters and the backtick', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    expect(escapeHtml('`code`')).toBe('&#96;code&#96;');
  });

  it('collapses whitespace and newlines to single spaces', () => {
    expect(oneLine('  a\n\n b\t c  ')).toBe('a b c');
  });
});
