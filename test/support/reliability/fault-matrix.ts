/**
 * The Intercom fault matrix: every (step × fault kind) pair runs on a fresh app. A step names the Intercom call
 * it breaks and how to reach it: `prepare` sets the scene with Intercom healthy, `act` is what the agent or a
 * job does while the fault is on (it returns the canvases the agent saw), the fault then clears, `recover` does
 * what the agent was told to do (e.g. try again) and the jobs run until the outbox is empty, and `count`
 * reads the effects at the fake. Every effect must end at exactly its expected count: fewer is lost work,
 * more is a duplicate.
 */
import type { FaultHandle } from '../../../src/sandbox/fake-intercom';
import { assertValidCanvasResponse } from '../canvas-schema';
import { deadJobs, fakeSettled, runJobsOnce, runJobsUntilIdle } from './drive';
import { requestsTo } from './effects';
import { FAULT_TIMEOUT_MS, type FaultKind, faultsFor } from './fault-kinds';
import type { FigureSheet } from './figures';
import type { WireResponse } from './wire';
import { startWiredApp, type WiredApp } from './wired-app';

export interface FaultStep<S> {
  name: string;
  /** The Intercom call the fault hits, e.g. `POST /tickets`. */
  route: string;
  prepare(app: WiredApp): Promise<S>;
  /** Runs with the fault on; returns what the agent saw (nothing for a background step). */
  act(app: WiredApp, scene: S): Promise<WireResponse[]>;
  /** Runs after the fault cleared, before the jobs drain (the agent's retry, if the canvas asked for one). */
  recover?(app: WiredApp, scene: S, seen: WireResponse[]): Promise<void>;
  /** Effect name → how many exist now (at the fake; the stored ticket where the step is about our store). */
  count(app: WiredApp, scene: S): Record<string, number> | Promise<Record<string, number>>;
  expected: Record<string, number>;
  /** Job rounds to run while the fault is still on (the outbox retrying into the outage). Default 2. */
  roundsDuringFault?: number;
}

/** What an agent may read while Intercom fails: the outcome, or that Intercom is not answering. */
const SAYS_WHAT_IS_HAPPENING = /created|[Qq]ueued|not answering|[Aa]dded|[Cc]hanged|Escalate|updated|[Rr]efresh/;

function checkCanvas(response: WireResponse): void {
  if (response.status !== 200) throw new Error(`the agent got HTTP ${response.status}, not a canvas`);
  assertValidCanvasResponse(response.json, 'submit');
  const text = JSON.stringify(response.json);
  if (/Something went wrong/.test(text) || !SAYS_WHAT_IS_HAPPENING.test(text)) {
    throw new Error(`the canvas does not say what is happening: ${text.slice(0, 300)}`);
  }
}

export async function runFaultCase<S>(step: FaultStep<S>, kind: FaultKind, figures: FigureSheet): Promise<void> {
  figures.add('lost', 0);
  figures.add('duplicated', 0);
  const app = await startWiredApp({ env: { INTERCOM_TIMEOUT_MS: String(FAULT_TIMEOUT_MS) } });
  const { fake, application, clock, demo } = app.harness;
  try {
    const scene = await step.prepare(app);
    const injectedBefore = fake.faults.injected;
    const [method, path] = step.route.split(' ') as [string, string];
    const hitsBefore = requestsTo(fake, method, path);
    const handle: FaultHandle = fake.faults.add({ ...kind.rule, route: step.route });
    const seen = await step.act(app, scene);
    for (const response of seen) checkCanvas(response);
    const settled = () => fakeSettled(fake);
    for (let round = 0; round < (step.roundsDuringFault ?? 2); round += 1) {
      await runJobsOnce(application);
      await settled();
      clock.advance(30_000);
    }
    handle.remove();
    // A case whose fault never met a request proves nothing: the step must really have called the route.
    const hits = requestsTo(fake, method, path) - hitsBefore;
    if (hits === 0) throw new Error(`${step.name}: no ${step.route} request was made while the fault was on`);
    figures.add(
      'faults',
      kind.rule.effect.type === 'latency' ? Math.min(hits, kind.rule.times ?? 1) : fake.faults.injected - injectedBefore,
    );
    await step.recover?.(app, scene, seen);
    await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId, beforeAdvance: settled });
    const counts = await step.count(app, scene);
    for (const [effect, want] of Object.entries(step.expected)) {
      const got = counts[effect] ?? 0;
      if (got < want) figures.add('lost', want - got);
      if (got > want) figures.add('duplicated', got - want);
    }
    figures.add('inputs');
    expect({ step: step.name, fault: kind.name, counts, dead: await deadJobs(application, demo.workspaceId) }).toEqual({
      step: step.name,
      fault: kind.name,
      counts: step.expected,
      dead: [],
    });
    fake.assertNoViolations();
    expect(app.crashes).toEqual([]);
  } finally {
    await app.close();
  }
}

/**
 * Runs each step once with Intercom healthy, one at a time, before the cases (a file's `beforeAll`). The first calls
 * in a process compile the fake's OpenAPI validators and warm the app's code: synchronous work that holds the event
 * loop for hundreds of milliseconds, seconds on a loaded machine. The first step's cases run five at once
 * (`it.concurrent`), and cold, they made each other's healthy calls time out; warm, only the injected faults fail.
 */
export async function warmUp(steps: readonly FaultStep<unknown>[]): Promise<void> {
  for (const step of steps) {
    const app = await startWiredApp({ env: { INTERCOM_TIMEOUT_MS: String(FAULT_TIMEOUT_MS) } });
    try {
      const { application, clock, demo, fake } = app.harness;
      await step.act(app, await step.prepare(app));
      await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId, beforeAdvance: () => fakeSettled(fake) });
    } finally {
      await app.close();
    }
  }
}

/** `it.each` rows: one per fault kind that applies to the step's method. */
export function casesFor<S>(step: FaultStep<S>): [string, FaultKind][] {
  return faultsFor(step.route.split(' ')[0]!).map((kind) => [kind.name, kind]);
}
