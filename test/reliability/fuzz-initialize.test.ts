/**
 * Part 1 (bad input), initialize: correctly signed bodies that are random JSON, not JSON, truncated, or real
 * sidebar requests mutated (wrong types, huge strings, deep nesting, hostile text in every field). The sidebar
 * is a read path: no case may change a stored row or call Intercom. Half the cases run in a child process.
 */
import { BUDGET } from '../support/reliability/budget';
import { FigureSheet } from '../support/reliability/figures';
import { sharded } from '../support/reliability/fuzz-endpoints';

const figures = new FigureSheet('bad input · initialize');
afterAll(() => figures.print());

it(
  `answers ${BUDGET.fuzzCasesPerEndpoint} signed malformed initialize bodies with a valid canvas or a 4xx, changing nothing`,
  async () => {
    await sharded('initialize', figures);
    expect(figures.get('inputs')).toBe(BUDGET.fuzzCasesPerEndpoint);
    // Both outcomes must occur, or the generator is not reaching the flow (or not reaching the checks).
    expect(figures.get('canvases')).toBeGreaterThan(BUDGET.fuzzCasesPerEndpoint / 20);
    expect(figures.get('error_canvases')).toBeGreaterThan(BUDGET.fuzzCasesPerEndpoint / 20);
  },
  BUDGET.testTimeoutMs,
);
