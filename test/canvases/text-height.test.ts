import { textLines } from '../../canvases/kit/height';

describe('textLines: markdown links', () => {
  it('counts a link by its label only, however long its URL', () => {
    const url = `https://example.com/${'a'.repeat(300)}`;
    expect(textLines(`See [the report](${url}) now`)).toBe(1);
    expect(textLines(`[a](${url}) [b](${url})`, 'paragraph')).toBe(1);
  });

  it('counts a long run of unclosed brackets as text, in linear time', () => {
    // `[^\]]*` in the old pattern rescanned the rest of the text from every `[`.
    const hostile = '[a]('.repeat(25_000);
    const started = performance.now();
    expect(textLines(hostile)).toBeGreaterThan(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
