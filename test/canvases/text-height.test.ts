import { textLines } from '../../canvases/kit/height';
import { leastCpuMs } from '../support/cpu-time';

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
    // CPU time, the least of three runs on distinct texts (the measure is memoised by text): CI's Node 24 run once
    // measured 1,133 ms for one run of a scan that takes about 17.
    expect(leastCpuMs((i) => (lines = textLines(`${hostile}${i}`)))).toBeLessThan(1000);
    expect(lines).toBeGreaterThan(1);
  });
});
