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
    // Warmed first, so what is measured is the scan, not the first call's compiling (1.1 s of CPU once on Node 24).
    textLines('[warm](up) [a](');
    // CPU time, so a busy machine's wait for a core does not count.
    expect(cpuMs(() => (lines = textLines(hostile)))).toBeLessThan(1000);
    expect(lines).toBeGreaterThan(1);
  });
});
