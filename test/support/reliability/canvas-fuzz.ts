/**
 * Drives one signed Canvas Kit endpoint with fuzz cases and checks every answer: never a 5xx or a dropped
 * connection; a 4xx, or HTTP 200 with a canvas valid under Intercom's schema; no stack trace or secret in it;
 * and when the answer is a refusal (4xx, an error canvas or a form that failed validation) not one stored row
 * and not one Intercom call changed. `readOnly` endpoints (initialize) must change nothing, ever.
 */
import fc from 'fast-check';
import type { Database } from '../../../src/store';
import type { Harness } from '../app-harness';
import { type CanvasKind, canvasSchemaErrors } from '../canvas-schema';
import { type FuzzCase, fuzzCaseArb, renderCase } from './arbitraries';
import { BUDGET, FUZZ_SEED } from './budget';
import type { FigureSheet } from './figures';
import { watchStore } from './snapshot';
import type { Wire, WireResponse } from './wire';

export interface CanvasFuzzTarget {
  harness: Harness;
  database: Database;
  wire: Wire;
  path: '/intercom/initialize' | '/intercom/submit';
  kind: CanvasKind;
  /** Real payloads the mutations start from. */
  bases: readonly unknown[];
  readOnly: boolean;
  figures: FigureSheet;
  /** Cases and seed of this run (default: the budget's count and seed). */
  runs?: number;
  seed?: number;
}

/** Text that must never reach a response: stack frames, the client secret, the workspace token. */
export function leaks(text: string, secrets: readonly string[]): string | null {
  if (/\bat [\w.<>]+ \(.*:\d+:\d+\)|\.ts:\d+:\d+/.test(text)) return 'a stack trace';
  for (const secret of secrets) if (secret && text.includes(secret)) return 'a secret';
  return null;
}

export function isRefusal(response: WireResponse): boolean {
  if (response.status >= 400 && response.status < 500) return true;
  return /"style":"error"|"save_state":"failed"/.test(response.text);
}

export async function fuzzCanvasEndpoint(target: CanvasFuzzTarget): Promise<void> {
  const { harness, database, wire, figures } = target;
  const secrets = ['test-client-secret', harness.demo.token];
  const watch = await watchStore(database);
  const check = async (fuzzCase: FuzzCase): Promise<void> => {
    const raw = renderCase(fuzzCase, target.bases);
    // Time moves a little per case, as it would between real requests (and the fake's rate-limit window with it).
    harness.clock.advance(100);
    const callsBefore = harness.fake.requests.length;
    let response: WireResponse;
    try {
      response = await wire.postCanvas(target.path, raw);
    } catch (error) {
      figures.add('lost');
      throw new Error(`no answer (${(error as Error).message}): the app dropped the request`);
    }
    figures.add('inputs');
    if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 300)}`);
    const leaked = leaks(response.text, secrets);
    if (leaked) throw new Error(`the response carries ${leaked}`);
    if (response.status === 200) {
      const problems = canvasSchemaErrors(response.json, target.kind);
      if (problems.length > 0) throw new Error(`not a valid ${target.kind} canvas: ${problems.slice(0, 3).join('; ')}`);
      figures.add(isRefusal(response) ? 'error_canvases' : 'canvases');
    } else if (response.status >= 400) {
      figures.add(`http_${response.status}`);
    } else {
      throw new Error(`unexpected HTTP ${response.status}`);
    }
    const changed = await watch.changes();
    if (target.readOnly || isRefusal(response)) {
      if (changed.length > 0) throw new Error(`a refused request changed stored rows: ${changed.join(', ')}`);
      const calls = harness.fake.requests.slice(callsBefore).map((r) => `${r.method} ${r.path}`);
      if (target.readOnly && calls.length > 0) throw new Error(`a read-only request called Intercom: ${calls.join(', ')}`);
      if (calls.some((call) => !call.startsWith('GET '))) throw new Error(`a refused request wrote to Intercom: ${calls.join(', ')}`);
    }
  };
  await fc.assert(
    fc.asyncProperty(fuzzCaseArb(target.bases.length), check),
    // The seed is printed with the figures, so any failure reproduces with the same cases.
    { numRuns: target.runs ?? BUDGET.fuzzCasesPerEndpoint, seed: target.seed ?? FUZZ_SEED },
  );
}
