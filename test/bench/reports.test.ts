/** The reports scenario at a tiny size on a throw-away SQLite file: it seeds, reads, renders and streams. Not timed. */
import { reportRows } from '../../bench/scenarios/reports';
import { openSpec, prepareStore } from '../../bench/store-engine';
import { migrateToLatest } from '../../src/store';

it('measures the report and the CSV of a small workspace', async () => {
  const bench = await prepareStore(undefined);
  try {
    const database = openSpec(bench.spec);
    await migrateToLatest(database);
    await database.close();
    const rows = await reportRows(bench.spec, () => {}, 200);
    expect(rows.map((r) => r.id)).toEqual(['reports.p50', 'reports.csv']);
    expect(rows[0]!.figure).toBeGreaterThanOrEqual(0);
    expect(rows[1]!.label).toMatch(/All-time CSV, \d+ tickets, streamed/);
  } finally {
    await bench.cleanup();
  }
});
