/**
 * Part 3 (Intercom faults), escalation: every Intercom call an escalation makes — the form's reads, the
 * submit's reads, the ticket create, the directory reads of linking, and the summary note's read and write —
 * under every fault kind. Afterwards exactly one ticket and one summary note exist, and every canvas the
 * agent saw on the way said what was happening.
 */
import { BUDGET } from '../support/reliability/budget';
import { escalationTickets, summaryNotes } from '../support/reliability/effects';
import { canvasText, ESCALATED, escalateWhileHealthy, openForm, submitFormBody } from '../support/reliability/escalate';
import { casesFor, type FaultStep, runFaultCase, warmUp } from '../support/reliability/fault-matrix';
import { FigureSheet } from '../support/reliability/figures';
import type { WireResponse } from '../support/reliability/wire';
import type { WiredApp } from '../support/reliability/wired-app';

const figures = new FigureSheet('Intercom faults · escalation');
afterAll(() => figures.print());

const expected = { tickets: 1, notes: 1 };
function count(app: WiredApp) {
  const { fake, demo, context } = app.harness;
  return {
    tickets: escalationTickets(fake, demo.workspaceId, context.conversationId).length,
    notes: summaryNotes(fake, demo.workspaceId, context.conversationId).length,
  };
}

/** The agent read "Intercom is not answering … Try again" (or an out-of-date form) and starts over. */
async function retryIfTold(app: WiredApp, seen: WireResponse[]): Promise<void> {
  const last = seen[seen.length - 1];
  if (last && ESCALATED.test(canvasText(last))) return;
  const { fake, context } = app.harness;
  const again = await escalateWhileHealthy(app.wire, fake, context);
  expect(canvasText(again.response)).toMatch(ESCALATED);
}

/** The form opened while Intercom failed. */
const atOpen = (route: string): FaultStep<null> => ({
  name: `open the form: ${route}`,
  route,
  prepare: async () => null,
  act: async (app) => [await openForm(app.wire, app.harness.fake, app.harness.context)],
  recover: (app, _scene, seen) => retryIfTold(app, seen),
  count,
  expected,
});

/** The form opened fine; Intercom failed on submit. A retry replays the very same bytes. */
const atSubmit = (route: string): FaultStep<{ body: string }> => ({
  name: `submit: ${route}`,
  route,
  prepare: async (app) => {
    const { fake, context } = app.harness;
    const form = (await openForm(app.wire, fake, context)).json;
    return { body: submitFormBody(fake, context, form) };
  },
  act: async (app, scene) => [await app.wire.postCanvas('/intercom/submit', scene.body)],
  recover: async (app, scene, seen) => {
    if (ESCALATED.test(canvasText(seen[0]!))) return;
    const replay = await app.wire.postCanvas('/intercom/submit', scene.body);
    expect(canvasText(replay)).toMatch(ESCALATED);
  },
  count,
  expected,
});

/** The ticket exists; the summary note's job meets the fault. */
const atNote = (route: string): FaultStep<null> => ({
  name: `summary note job: ${route}`,
  route,
  prepare: async (app) => {
    const { response } = await escalateWhileHealthy(app.wire, app.harness.fake, app.harness.context);
    expect(canvasText(response)).toContain('created');
    return null;
  },
  act: async () => [],
  count,
  expected,
  roundsDuringFault: 3,
});

const steps: FaultStep<unknown>[] = [
  atOpen('GET /conversations/{id}'),
  atOpen('GET /ticket_types'),
  atOpen('GET /contacts/{id}/companies'),
  atSubmit('GET /conversations/{id}'),
  atSubmit('POST /tickets'),
  atSubmit('GET /admins'),
  atSubmit('GET /teams'),
  atNote('GET /conversations/{id}'),
  atNote('POST /conversations/{id}/reply'),
] as FaultStep<unknown>[];

// Each case has its own app and fake, so they run concurrently: the waits of timeouts and slow answers overlap.
beforeAll(() => warmUp(steps), BUDGET.testTimeoutMs);

describe.each(steps.map((step) => [step.name, step] as const))('%s', (_name, step) => {
  it.concurrent.each(casesFor(step))(
    'under %s: one ticket and one note once the fault clears',
    async (_kind, kind) => {
      for (let round = 0; round < BUDGET.faultRounds; round += 1) await runFaultCase(step, kind, figures);
    },
    BUDGET.testTimeoutMs,
  );
});
