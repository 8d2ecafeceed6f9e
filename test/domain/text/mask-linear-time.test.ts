/**
 * The masking patterns scan hostile input in linear time. These two tests measure (CPU) time, so `npm run mutate` leaves
 * this file out: under Stryker's instrumentation the scan is many times slower, the bound fails on unmutated code,
 * and a mutant that is merely slower would count as caught. What the masking does is pinned in mask.test.ts.
 */
import { maskSensitive } from '../../../src/domain/text';
import { leastCpuMs } from '../../support/cpu-time';

describe('maskSensitive: hostile runs of padding', () => {
  it('scans a 100 KB run of "=" ending in a letter in linear time', () => {
    // Stripping the padding with /=+$/ retried from every "=" (quadratic): ~10 s here, with the event loop blocked.
    // The linear scan takes a few milliseconds of CPU; 1 s leaves room for a slow machine (CPU time: waiting for a
    // core on a busy one does not count).
    const hostile = `hi ${'='.repeat(100 * 1024)}A`;
    let masked = '';
    expect(leastCpuMs(() => (masked = maskSensitive(hostile)))).toBeLessThan(1000);
    expect(masked).toBe(hostile);
  });

  it('scans 100 KB of eyJ-eyJ-… in linear time', () => {
    // With \b before `eyJ`, every `eyJ` after a dash began a JWT match that read to the end of the run.
    const hostile = 'eyJ-'.repeat(25 * 1024);
    let masked = '';
    expect(leastCpuMs(() => (masked = maskSensitive(hostile)))).toBeLessThan(1000);
    expect(masked).toBe(hostile);
  });
});
