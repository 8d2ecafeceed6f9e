/**
 * Part 1 (bad input), submit: correctly signed submits of every action (escalate, force, notes, priority,
 * refresh, details …), each with the canvas the app really returned, then mutated: wrong types, huge strings,
 * deep nesting, hostile text in every field, stale or forged stored_data, unknown component ids. A refusal
 * (4xx, error canvas, or a form that failed validation) changes no stored row and writes nothing to Intercom.
 * Half the cases run in a child process.
 */
import { BUDGET } from '../support/reliability/budget';
import { FigureSheet } from '../support/reliability/figures';
import { sharded } from '../support/reliability/fuzz-endpoints';

const figures = new FigureSheet('bad input · submit');
afterAll(() => figures.print());

it(
  `answers ${BUDGET.fuzzCasesPerEndpoint} signed malformed submits with a valid canvas or a 4xx; refusals change nothing`,
  async () => {
    await sharded('submit', figures);
    expect(figures.get('inputs')).toBe(BUDGET.fuzzCasesPerEndpoint);
    expect(figures.get('canvases')).toBeGreaterThan(BUDGET.fuzzCasesPerEndpoint / 20);
    expect(figures.get('error_canvases')).toBeGreaterThan(BUDGET.fuzzCasesPerEndpoint / 20);
  },
  BUDGET.testTimeoutMs,
);
