/**
 * The benchmark harness's pure pieces at tiny sizes: statistics, the report table, options, the webhook feed and
 * the fake's request timestamps the escalation scenario reads. Nothing here is timed: `npm test` must pass on
 * any machine, however slow.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifySignature } from '../../src/http/signature';
import type { RecordedRequest } from '../../src/sandbox/fake-intercom/wire';
import { type FakeIntercom, startFakeIntercom } from '../../src/sandbox/fake-intercom';
import { createIntercomClient } from '../../src/intercom';
import { parseOptions, UsageError } from '../../bench/options';
import { atLeast, atMost, meetsTarget, ratio, row, waiting } from '../../bench/report/rows';
import { machineInfo, mergeRows, writeResults } from '../../bench/report/results';
import { formatMarkdown, formatMarkdownByStore, formatTable } from '../../bench/report/table';
import { newChatId } from '../../bench/scenarios/mixed-load';
import { countEffects } from '../../bench/scenarios/multi-instance';
import { parseCanvasRequest } from '../../src/http/canvas-request';
import { initializeBody } from '../../src/sandbox/canvas-kit-body';
import { buildFeed, seedFeedTickets } from '../../bench/scenarios/webhook-feed';
import { BENCH_CLIENT_SECRET } from '../../bench/secrets';
import { percentile, seededRandom, sequentialDepth } from '../../bench/stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('counts how many calls waited for each other, not how many there were', () => {
    expect(sequentialDepth([])).toBe(0);
    // Three reads in parallel, then a create after they answered: two rounds.
    const reads = [0, 1, 2].map((i) => ({ start: i, end: 50 + i }));
    expect(sequentialDepth([...reads, { start: 53, end: 103 }])).toBe(2);
    // The same four calls one after another: four rounds.
    expect(sequentialDepth([0, 1, 2, 3].map((i) => ({ start: i * 50, end: i * 50 + 50 })))).toBe(4);
  });

  it('draws the same pseudo-random sequence from the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const drawn = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(drawn);
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('bench report', () => {
  const rows = [
    row('a', 'Throughput', 1600, 'req/s', atLeast(2000), 'vs baseline'),
    row('b', 'Latency', 4, 'ms', atMost(5)),
    row('c', 'Warm calls', 0, 'calls', atMost(0)),
    waiting('d', 'Tick', 'ms', atMost(5), 'no scheduler wired'),
  ];

  it('gives each figure its ratio to the target and says which side of it the figure is', () => {
    expect(ratio(rows[0]!)).toBeCloseTo(0.8);
    expect(meetsTarget(rows[0]!)).toBe(false);
    expect(meetsTarget(rows[1]!)).toBe(true);
    expect(ratio(rows[2]!)).toBeNull();
    expect(meetsTarget(rows[2]!)).toBe(true);
    expect(meetsTarget(rows[3]!)).toBeNull();
  });

  it('prints one table with figure, target, ratio and notes, and never a figure for an unmeasured row', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toMatch(/^Measure\s+Figure\s+Target\s+Ratio\s+Notes$/);
    expect(lines.find((l) => l.startsWith('Throughput'))).toMatch(/1,600 req\/s\s+≥ 2,000 req\/s\s+0\.80 ✗\s+vs baseline/);
    expect(lines.find((l) => l.startsWith('Latency'))).toMatch(/4\.00 ms\s+≤ 5\.00 ms\s+0\.80(\s|$)/);
    expect(lines.find((l) => l.startsWith('Warm calls'))).toContain('met');
    expect(lines.find((l) => l.startsWith('Tick'))).toMatch(/Tick\s+—\s+≤ 5\.00 ms\s+—\s+not measured: no scheduler wired/);
    expect(formatMarkdown(rows).split('\n')).toHaveLength(2 + rows.length);
  });

  it('sets both stores side by side, a line per measure, a dash where one store has no such row', () => {
    const postgres = [row('b', 'Latency', 9, 'ms', atMost(5)), row('e', 'Only here', 2, 'ms', null)];
    const lines = formatMarkdownByStore(rows, postgres).split('\n');
    expect(lines[0]).toBe('| Measure | SQLite | Target | Ratio | PostgreSQL | Target | Ratio |');
    expect(lines).toHaveLength(2 + 5);
    expect(lines.find((l) => l.startsWith('| Latency'))).toBe('| Latency | 4.00 ms | ≤ 5.00 ms | 0.80 | 9.00 ms | ≤ 5.00 ms | 1.80 ✗ |');
    expect(lines.find((l) => l.startsWith('| Throughput'))).toMatch(/\| — \| — \| — \|$/);
    expect(lines.at(-1)).toBe('| Only here | — | — | — | 2.00 ms | — | — |');
  });
});

describe('bench options', () => {
  it('runs the issue scale by default and a smaller one with --quick', () => {
    expect(parseOptions([], {}).sizes).toEqual({ workspaces: 1_000, tickets: 1_000_000, clocks: 100_000 });
    const quick = parseOptions(['--quick', '--latency=10', '--no-pin'], {});
    expect(quick).toMatchObject({ quick: true, latencyMs: 10, pin: false, databaseUrl: undefined });
    expect(quick.sizes.tickets).toBeLessThan(1_000_000);
    expect(parseOptions([], { DATABASE_URL: 'postgres://u@127.0.0.1/db' }).databaseUrl).toBe('postgres://u@127.0.0.1/db');
  });

  it("writes each store's figures to a file of its own unless --out says where", () => {
    expect(parseOptions([], {}).resultsPath).toBe('bench/results.json');
    expect(parseOptions([], { DATABASE_URL: 'postgres://u@127.0.0.1/db' }).resultsPath).toBe('bench/results.postgres.json');
    expect(parseOptions(['--out', '/tmp/r.json'], { DATABASE_URL: 'postgres://u@127.0.0.1/db' }).resultsPath).toBe('/tmp/r.json');
  });

  it('refuses unknown flags and a non-PostgreSQL DATABASE_URL', () => {
    expect(() => parseOptions(['--fast'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--latency', '-3'], {})).toThrow(UsageError);
    expect(() => parseOptions([], { DATABASE_URL: 'mysql://x' })).toThrow(UsageError);
  });
});

describe('bench webhook feed and the fake request log', () => {
  let fake: FakeIntercom;
  beforeEach(async () => {
    fake = await startFakeIntercom();
  });
  afterEach(async () => {
    fake.assertNoViolations();
    await fake.close();
  });

  it('the mixed load opens new chats under ids a Canvas Kit request may carry (a refused one is never a view)', () => {
    const demo = fake.seedDemoWorkspace();
    const base = initializeBody(fake, {
      workspaceId: demo.workspaceId,
      conversationId: demo.conversations.refund,
      adminId: demo.admins.agent,
    });
    for (const id of [newChatId(0), newChatId(9_999)]) {
      const parsed = parseCanvasRequest({ ...base, conversation: { ...(base['conversation'] as object), id } });
      expect(parsed.ok && parsed.request.conversationId).toBe(id);
    }
  });

  it('signs every notification, mixes in exact redeliveries, and changes the fake ticket each time', () => {
    const demo = fake.seedDemoWorkspace();
    const tickets = seedFeedTickets(fake, demo, 4, 1_795_000_000);
    const feed = buildFeed(fake, demo, tickets, {
      notifications: 50,
      duplicateShare: 0.2,
      nowSeconds: 1_795_000_000,
      clientSecret: BENCH_CLIENT_SECRET,
    });
    expect(feed).toMatchObject({ unique: 40, duplicates: 10 });
    expect(feed.items).toHaveLength(50);
    expect(new Set(feed.items.map((item) => item.body)).size).toBe(40);
    for (const item of feed.items) {
      expect(verifySignature('webhook', Buffer.from(item.body), item.headers['X-Hub-Signature'], [BENCH_CLIENT_SECRET])).toBe(true);
    }
    const topics = feed.items.map((item) => (JSON.parse(item.body) as { topic: string }).topic);
    expect(new Set(topics)).toEqual(new Set(['ticket.state.updated', 'ticket.admin.assigned']));
    // Each of the 4 tickets changed 10 times: 2 in 3 were state changes, each recorded as a part.
    expect(tickets.every((ticket) => ticket.parts.length >= 6)).toBe(true);
    // A change a second per ticket, the last at "now", all after the tickets were created.
    const stamps = feed.items.map((item) => (JSON.parse(item.body) as { created_at: number }).created_at);
    expect([Math.min(...stamps), Math.max(...stamps)]).toEqual([1_795_000_000 - 9, 1_795_000_000]);
    expect(tickets.every((ticket) => ticket.createdAt < 1_795_000_000 - 9)).toBe(true);
  });

  it('stamps each request with when it arrived and when it was answered', async () => {
    const demo = fake.seedDemoWorkspace();
    fake.faults.latency(20);
    const client = createIntercomClient({ baseUrl: fake.url, token: demo.token, timeoutMs: 2_000 });
    await Promise.all([client.me.get(), client.me.get()]);
    expect(fake.requests).toHaveLength(2);
    const timed = fake.requests.map((r) => ({ start: r.receivedAt!, end: r.answeredAt! }));
    for (const call of timed) expect(call.end).toBeGreaterThan(call.start);
    // Sent together and held by the latency, so each arrived before the other was answered: one round.
    expect(sequentialDepth(timed)).toBe(1);
  });
});

describe('bench several-instance effects and merged rows', () => {
  const request = (path: string, body: unknown, status: number | null = 200): RecordedRequest => ({
    method: 'POST',
    path,
    query: {},
    headers: {},
    body,
    workspaceId: 'w1',
    status,
    response: undefined,
    fault: null,
  });

  it('counts successful writes per reference and target: a second one is a duplicate, a failed or unreferenced one is none', () => {
    const note = (ticket: string, step: string) => ({ body: `<p>SLA ${step}</p><p>ref: handoff-sla:resolution:0:${step}</p>`, ticket });
    const requests = [
      request('/tickets/1/reply', note('1', 'warn')),
      request('/tickets/2/reply', note('2', 'warn')),
      request('/tickets/1/reply', note('1', 'warn')),
      request('/tickets/2/reply', note('2', 'warn'), 500),
      request('/tickets/3/reply', note('3', 'warn'), null),
      request('/conversations/9/reply', { body: 'Handoff note ref: esc-1' }),
      request('/conversations/9/reply', { body: 'a teammate note' }),
    ];
    expect(countEffects({ requests }, 0)).toEqual({ writes: 4, duplicates: 1, ladderNotes: 3 });
    expect(countEffects({ requests }, 3)).toEqual({ writes: 1, duplicates: 0, ladderNotes: 0 });
  });

  it('merges a scenario run alone into a results file: same ids replaced, others kept, its conditions recorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    const path = join(dir, 'results.json');
    const machine = machineInfo();
    const settings = { quick: true, sizes: { workspaces: 1, tickets: 1, clocks: 1 }, latencyMs: 50, loadSeconds: 1, warmupSeconds: 1 };
    const options = { ...settings, escalations: 1, webhooks: parseOptions(['--quick'], {}).webhooks };
    writeResults(path, {
      machine,
      store: 'SQLite',
      cpuPinning: 'none',
      options,
      durationSeconds: 1,
      fakeSpecViolations: 0,
      rows: [row('a', 'A', 1, 'ms', null), row('b', 'B', 2, 'ms', atMost(5))],
    });
    mergeRows(path, [row('b', 'B', 3, 'ms', atMost(5)), row('c', 'C', 4, 'ms', null)], {
      machine,
      store: 'PostgreSQL',
      quick: true,
      latencyMs: 50,
    });
    const merged = JSON.parse(readFileSync(path, 'utf8')) as {
      store: string;
      rows: { id: string; figure: number; ratio: number | null; data?: { measured?: { store: string } } }[];
    };
    rmSync(dir, { recursive: true, force: true });
    expect(merged.store).toBe('SQLite');
    expect(merged.rows.map((r) => [r.id, r.figure, r.data?.measured?.store ?? null])).toEqual([
      ['a', 1, null],
      ['b', 3, 'PostgreSQL'],
      ['c', 4, 'PostgreSQL'],
    ]);
    expect(merged.rows[1]!.ratio).toBeCloseTo(0.6);
  });
});
