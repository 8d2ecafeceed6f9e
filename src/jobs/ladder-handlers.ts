/**
 * The `ladder.step` outbox handler. The step's Intercom work (assignments, the note, the wait for earlier steps)
 * lives in services/ladder/ladder-step.ts, as escalation's and sync's do; the job only hands it the claimed row.
 */
import { LADDER_JOB_KIND } from '../services/ladder/ladder-payload';
import { type LadderStepDeps, runLadderStep } from '../services/ladder/ladder-step';
import type { OutboxHandler } from './outbox-worker';

export function createLadderHandlers(deps: LadderStepDeps): Record<string, OutboxHandler> {
  return { [LADDER_JOB_KIND]: (job, ctx) => runLadderStep(deps, job, ctx.now) };
}
