/**
 * The hostile-message scenario's pieces at tiny sizes: the messages it builds and its cost rows' wording. Nothing
 * is judged on time here (`npm test` must pass on any machine); the timing itself is the bench's.
 */
import { benchMessages, describeGrowth, summaryCosts } from '../../bench/scenarios/hostile-message';
import { type FakeIntercom, startFakeIntercom } from '../../src/sandbox/fake-intercom';

describe('bench hostile message', () => {
  let fake: FakeIntercom;
  beforeEach(async () => {
    fake = await startFakeIntercom();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('builds a normal message, then the run of "=" ending in a letter at each size', () => {
    const messages = benchMessages([1, 2]);
    expect(messages.map((m) => m.label)).toEqual(['normal', '1 KB', '2 KB']);
    expect(messages[2]!.body).toBe(`hi ${'='.repeat(2048)}A`);
    expect(messages[1]!.bytes).toBe(1024);
  });

  it('times signals and summary for every message of a seeded conversation', () => {
    const demo = fake.seedDemoWorkspace();
    const messages = benchMessages([1, 2]);
    const before = fake.state.workspaces.get(demo.workspaceId)!.conversations.size;
    const costs = summaryCosts(fake, demo, messages, Date.UTC(2026, 10, 25, 10), 1);
    expect(costs).toHaveLength(3);
    expect(costs.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
    expect(fake.state.workspaces.get(demo.workspaceId)!.conversations.size).toBe(before + 3);
  });

  it('says each size with its growth over the one before', () => {
    const text = describeGrowth(benchMessages([25, 50]), [1, 3, 6.3]);
    expect(text).toBe('normal 1.0 ms; 25 KB 3.0 ms; 50 KB 6.3 ms (×2.1); doubling the size should about double the time');
  });
});
