import { textLines } from '../../canvases/kit/height';
import { cpuMs } from '../support/cpu-time';

describe('textLines: markdown links', () => {
  it('counts a link by its label only, however long its URL', () => {
    const url = `https://example.com/${'a'.repeat(300)}`;
    expect(textLines(`See [the report](${url}) now`)).toBe(1);
    expect(textLines(`[a](${url}) [b](${url})`, 'paragraph')).toBe(1);
  });

  it('counts a long run of unclosed brackets as text, in linear time', () => {
    // `[^\]]*` in the old pattern rescanned the rest of the text from every `[`.
    const hostile = '[a]('.repeat(25_000);
    let lines = 0;
    // CPU time, so a busy machine's wait for a core does not count; the least of three distinct texts (the
    // measure is memoised by text), so a collection of the worker's heap that lands in one run does not count
    // either (CI's Node 24 run once measured 1,133 ms where the scan takes about 17).
    const costs = [0, 1, 2].map((i) => cpuMs(() => (lines = textLines(`${hostile}${i}`))));
    expect(Math.min(...costs)).toBeLessThan(1000);
    expect(lines).toBeGreaterThan(1);
  });
});
