import { htmlToText } from '../../../src/domain/text';
import { HTML_HEAVY_BODY } from '../../fixtures/conversations/scenarios';

describe('htmlToText', () => {
  it('turns paragraphs and line breaks into lines, with one blank line at most', () => {
    expect(htmlToText('<p>Hi team,</p><p></p><p>the export fails.<br>Since Tuesday.</p>')).toBe(
      'Hi team,\n\nthe export fails.\nSince Tuesday.',
    );
  });

  it('collapses source whitespace the way a browser does', () => {
    expect(htmlToText('<p>  one\n   two\t\tthree  </p>\n\n  <p> four </p>')).toBe('one two three\n\nfour');
  });

  it('decodes named, decimal and hex entities, and leaves unknown ones as written', () => {
    expect(htmlToText('Tom &amp; Jerry &ndash; &quot;caf&eacute;&quot; &#8364;5 &#x1F600; &madeup; &amp;amp;')).toBe(
      'Tom & Jerry – "café" €5 😀 &madeup; &amp;',
    );
  });

  it('replaces invalid code points instead of throwing', () => {
    expect(htmlToText('a&#0;b&#xD800;c&#9999999;d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
  });

  it('keeps link targets as "label (url)" and a bare URL once', () => {
    expect(htmlToText('See <a href="https://acme.io/x?a=1&amp;b=2">the page</a>.')).toBe('See the page (https://acme.io/x?a=1&b=2).');
    expect(htmlToText('<a href="https://acme.io">https://acme.io</a>')).toBe('https://acme.io');
    expect(htmlToText('<a href="mailto:jane@acme.io">jane@acme.io</a>')).toBe('jane@acme.io');
    expect(htmlToText('<a href="https://acme.io/logo"><img src="https://acme.io/l.png"></a>')).toBe(
      '[image] (https://acme.io/l.png) (https://acme.io/logo)',
    );
  });

  it('drops unsafe link targets but keeps their label', () => {
    expect(
      htmlToText('<a href="javascript:alert(1)">click</a> <a href=" java\nscript:x">two</a> <a href="data:text/html,x">three</a>'),
    ).toBe('click two three');
  });

  it('drops script, style, head and comments entirely, even unterminated', () => {
    expect(htmlToText('<head><title>T</title></head><style>p{}</style>A<script>alert("<p>x</p>")</script>B<!-- <p>C</p> -->D')).toBe('ABD');
    expect(htmlToText('safe<script>never closed <p>hidden</p>')).toBe('safe');
    expect(htmlToText('x<SCRIPT type="a">y</Script >z')).toBe('xz');
  });

  it('never turns encoded markup into a live tag', () => {
    const out = htmlToText('&lt;script&gt;alert(1)&lt;/script&gt; and &lt;<b>img</b> src=x&gt;');
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).toBe('‹script>alert(1)‹/script> and ‹img src=x>');
  });

  it('treats a "<" that cannot open a tag as text', () => {
    expect(htmlToText('a < b, 3<4, <3 love, <= ok')).toBe('a < b, 3<4, <3 love, <= ok');
  });

  it('honours quotes in attributes, so a ">" inside a value does not end the tag', () => {
    expect(htmlToText('<a title="a > b" href="https://acme.io/q">link</a> after')).toBe('link (https://acme.io/q) after');
  });

  it('indents nested lists and numbers ordered ones, also with <p> inside items', () => {
    const html =
      '<ul><li><p>Step one</p><ul><li>open Billing</li><li>download</li></ul></li><li>Step two</li></ul><ol><li>a</li><li>b</li></ol>';
    expect(htmlToText(html)).toBe('- Step one\n  - open Billing\n  - download\n- Step two\n\n1. a\n2. b');
    expect(htmlToText('<ul><li></li><li>two</li></ul>')).toBe('-\n- two');
  });

  it('lays out tables as lines with cells joined by " | "', () => {
    expect(htmlToText('<table><tr><th>Plan</th><th>Seats</th></tr><tr><td>Scale</td><td>140</td></tr></table>')).toBe(
      'Plan | Seats\nScale | 140',
    );
  });

  it('keeps indentation inside <pre>', () => {
    expect(htmlToText('<pre>if (x) {\n    retry();\n}</pre>')).toBe('if (x) {\n    retry();\n}');
  });

  it('strips control characters and accepts non-string input defensively', () => {
    expect(htmlToText('a\u0000b\u0007c\u007fd')).toBe('abcd');
    expect(htmlToText(undefined as unknown as string)).toBe('');
    expect(htmlToText('')).toBe('');
  });

  it('converts a pasted email with every trick at once', () => {
    const out = htmlToText(HTML_HEAVY_BODY);
    expect(out).toContain('Hello team & friends,');
    expect(out).toContain('invoice INV-88231 (https://billing.acme-analytics.io/invoices/INV-88231?tab=lines&view=full)');
    expect(out).toContain('- Step one\n  - open Billing\n  - click "Download"\n- Step two');
    expect(out).toContain('Plan | Seats\nScale | 140');
    expect(out).toContain('Thanks 🙏');
    expect(out).not.toMatch(/<script|document\.cookie|evil\.example|javascript:|color: red|Fwd: invoice/i);
  });

  it('stays linear on pathological input (would time out if quadratic)', () => {
    const unclosedTags = '<a '.repeat(60_000);
    const unclosedComments = '<!-- '.repeat(60_000);
    const ampersands = '&'.repeat(200_000);
    const quotes = '<p title="'.repeat(30_000);
    expect(htmlToText(unclosedTags)).toBe('');
    expect(htmlToText(unclosedComments)).toBe('');
    expect(htmlToText(ampersands)).toHaveLength(200_000);
    expect(htmlToText(quotes)).toBe('');
  });
});
