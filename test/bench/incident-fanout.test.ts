/** The fan-out bench at a tiny size: every conversation gets exactly one follow-up, under the limit, no 429. */
import { runFanOutBench } from '../../bench/scenarios/incident-fanout';

it('follows up every conversation once and reports the busiest minute', async () => {
  const result = await runFanOutBench({ conversations: 5, latencyMs: 0 });
  expect(result.notesPerConversation).toEqual({ min: 1, max: 1 });
  expect(result.rateLimited).toBe(0);
  expect(result.busiestMinuteCalls).toBeGreaterThanOrEqual(10);
  expect(result.busiestMinuteCalls).toBeLessThan(10_000);
});
