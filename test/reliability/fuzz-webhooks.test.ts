/**
 * Part 1 (bad input), webhooks: correctly signed notification bodies that are random JSON, not JSON, truncated,
 * or real ticket notifications mutated (wrong types, huge strings, deep nesting, hostile text everywhere). Each
 * is ingested and processed; a refused or unapplied one changes nothing beyond its own inbox row. Half the
 * cases run in a child process.
 */
import { BUDGET } from '../support/reliability/budget';
import { FigureSheet } from '../support/reliability/figures';
import { sharded } from '../support/reliability/fuzz-endpoints';

const figures = new FigureSheet('bad input · webhooks');
afterAll(() => figures.print());

it(
  `acknowledges or refuses ${BUDGET.fuzzCasesPerEndpoint} signed malformed webhooks, never failing, changing nothing it should not`,
  async () => {
    await sharded('webhooks', figures);
    expect(figures.get('inputs')).toBe(BUDGET.fuzzCasesPerEndpoint);
    // All three outcomes must occur, or the generator is not reaching the processor (or the route's checks).
    expect(figures.get('applied')).toBeGreaterThan(BUDGET.fuzzCasesPerEndpoint / 50);
    expect(figures.get('acknowledged') - figures.get('applied')).toBeGreaterThan(BUDGET.fuzzCasesPerEndpoint / 50);
    expect(figures.get('http_400')).toBeGreaterThan(BUDGET.fuzzCasesPerEndpoint / 50);
  },
  BUDGET.testTimeoutMs,
);
