/** Property tests for the summary: whatever the conversation, the text stays within its bound and masked. */
import fc from 'fast-check';
import { buildHandoffSummary, SUMMARY_MAX_BYTES } from '../../../src/domain/summary';
import { utf8Length } from '../../../src/domain/text';
import { chat, type Line, type Who } from '../../fixtures/conversations/factory';
import { summaryInput } from './support';

const who = fc.constantFrom<Who>('customer', 'lead', 'agent', 'note', 'bot', 'fin', 'assignment');
const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.constantFrom('<p>4242 4242 4242 4242</p>', `sk_${'live'}_51HqLyjWDarjtT1zdp7dcXcFh`, '<script>x</script>', '😡'.repeat(500)),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.repeat(300)),
);
const line: fc.Arbitrary<Line> = fc.record({ who, body, at: fc.integer({ min: 0, max: 10_000 }) });
const conversationLines = fc.array(line, { maxLength: 60 });

describe('buildHandoffSummary properties', () => {
  it('never exceeds its byte bound and never leaks the test card or key', () => {
    fc.assert(
      fc.property(conversationLines, fc.string({ unit: 'grapheme', maxLength: 3000 }), (lines, reason) => {
        const summary = buildHandoffSummary(summaryInput(chat(lines), { reason }));
        expect(utf8Length(summary.text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
        expect(summary.text).not.toContain('4242 4242 4242 4242');
        expect(summary.text).not.toContain('51HqLy');
        expect(summary.text).not.toMatch(/<script/i);
      }),
      { numRuns: 150, seed: 20261121 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(conversationLines, (lines) => {
        const input = summaryInput(chat(lines));
        expect(buildHandoffSummary(input).text).toBe(buildHandoffSummary(input).text);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
