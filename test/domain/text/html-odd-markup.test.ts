/**
 * What text comes out of markup that is legal but unusual, malformed, or written to fool a naive parser: attribute
 * syntax variants, custom element names, declarations, truncated bodies. Each case is one a teammate would see go
 * wrong in the sidebar (a link target lost or invented, a paragraph glued to the next, a body swallowed whole).
 */
import { htmlToText } from '../../../src/domain/text';
import { builtPatterns } from '../../../src/domain/text/html';

describe('htmlToText on odd tag names', () => {
  it('strips unknown tags whatever letter they start with, in either case', () => {
    expect(htmlToText('x<Zoo>y<zoo>z<Apple>w<apple>v')).toBe('xyzwv');
    expect(htmlToText('x<H1>T</H1>y<A HREF="https://acme.io">up</A>')).toBe('x\n\nT\n\nyup (https://acme.io)');
  });

  it('keeps "<" followed by anything but an ASCII letter as text, as browsers do', () => {
    const text = 'x <@a> <[b] <`c> <{d}> <_e> <~f> <é> y';
    expect(htmlToText(text)).toBe(text);
  });

  it('reads digits, "-" and ":" as part of a tag name, so a custom element is not mistaken for a dropped one', () => {
    expect(htmlToText('<style-guide>A</style-guide><style:note>B</style:note><script0>C</script0><svg9>D</svg9>')).toBe('ABCD');
  });

  it('puts headings on their own lines', () => {
    expect(htmlToText('Intro<h2>Title</h2>Body')).toBe('Intro\n\nTitle\n\nBody');
  });
});

describe('htmlToText on attribute syntax', () => {
  it('accepts any HTML whitespace between a tag name and its attributes', () => {
    const html =
      '<a\thref="https://acme.io/1">t</a> <a\nhref="https://acme.io/2">n</a> <a\fhref="https://acme.io/3">f</a> <a\rhref="https://acme.io/4">r</a>';
    expect(htmlToText(html)).toBe('t (https://acme.io/1) n (https://acme.io/2) f (https://acme.io/3) r (https://acme.io/4)');
  });

  it('allows spaces around "=" and reads single-quoted and unquoted values', () => {
    expect(htmlToText('<a href = "https://acme.io">go</a>')).toBe('go (https://acme.io)');
    expect(htmlToText("<a href='https://acme.io/q?a=1'>go</a>")).toBe('go (https://acme.io/q?a=1)');
    expect(htmlToText('<a href=https://acme.io/x>go</a> <a href=https://acme.io/y class=btn>two</a>')).toBe(
      'go (https://acme.io/x) two (https://acme.io/y)',
    );
  });

  it('reads an attribute without a value without eating the next one', () => {
    expect(htmlToText('<a target=_blank download href="https://acme.io/f.pdf">file</a>')).toBe('file (https://acme.io/f.pdf)');
  });

  it('ends a quoted value at its quote even when the value ends with ">"', () => {
    expect(htmlToText('<a title="x>" href="https://acme.io">go</a>')).toBe('go (https://acme.io)');
  });

  it('keeps the first of two same-named attributes, so a second href cannot replace a safe one', () => {
    expect(htmlToText('<a href="https://acme.io/real" href="javascript:alert(1)">go</a>')).toBe('go (https://acme.io/real)');
  });

  it('ends the tag where a browser does when a stray "=" starts an attribute', () => {
    // A browser reads `= "b` as attribute names and ends the tag at the first ">": the href after it is text, not a link.
    expect(htmlToText('<a = "b>c" href="https://acme.io">go</a>')).toBe('c" href="https://acme.io">go');
  });

  it('shows an image by its alt text and source', () => {
    expect(htmlToText('<img alt="Screenshot" src="https://acme.io/s.png">')).toBe('[image: Screenshot] (https://acme.io/s.png)');
    expect(htmlToText('<img alt src="https://acme.io/s.png">')).toBe('[image] (https://acme.io/s.png)');
    expect(htmlToText('<a href>bare</a>')).toBe('bare');
  });
});

describe('htmlToText on declarations and truncated bodies', () => {
  it('skips a doctype and an XML declaration but keeps what follows', () => {
    expect(htmlToText('<!DOCTYPE html><html><body><p>Hello</p></body></html>')).toBe('Hello');
    expect(htmlToText('<?xml version="1.0"?><p>Hi</p>')).toBe('Hi');
  });

  it('looks for the end of a comment only after its opening', () => {
    expect(htmlToText('Settings --><!-- arrow -->Billing')).toBe('Settings -->Billing');
  });

  it('still shows the target of a link cut off mid-tag', () => {
    expect(htmlToText('Reset here: <a href="https://acme.io/reset')).toBe('Reset here: https://acme.io/reset');
    expect(htmlToText('Reset: <a href=https://acme.io/cut')).toBe('Reset: https://acme.io/cut');
  });

  it('drops a style block whose closing tag is cut off', () => {
    expect(htmlToText('a<style>p{}</style')).toBe('a');
  });
});

describe('htmlToText on closing tags', () => {
  it('ends an ordered list at </ol>, so the next text is a paragraph', () => {
    expect(htmlToText('<ol><li>one</li></ol>After')).toBe('1. one\n\nAfter');
  });

  it('ends <pre> at </pre>: whitespace after it collapses again', () => {
    expect(htmlToText('<pre>code</pre>after   the  block')).toBe('code\nafter the block');
  });

  it('ends a list item at </li>, so stray text between items gets its own line', () => {
    expect(htmlToText('<ul><li>Step one</li>Note between<li>Step two</li></ul>')).toBe('- Step one\nNote between\n- Step two');
  });
});

describe('builtPatterns', () => {
  it('gives the ReDoS check one closing-tag pattern per dropped element, matching only that element', () => {
    const patterns = builtPatterns();
    for (const name of ['script', 'style', 'textarea']) {
      // `search` ignores the shared patterns' `lastIndex`, so the check leaves them as htmlToText expects them.
      expect(patterns.filter((p) => `</${name.toUpperCase()} >`.search(p) === 0)).toHaveLength(1);
      expect(patterns.some((p) => `</${name}s>`.search(p) !== -1)).toBe(false);
    }
  });
});
