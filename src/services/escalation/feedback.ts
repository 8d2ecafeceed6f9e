/**
 * The agent's queue and priority beside what the app suggested: the label the workspace's learning reads. It is
 * written once `POST /tickets` has settled (after the teammate's answer on the submit route), not in the reserve:
 * the engine's scores without the workspace's adjustments may need the engine run once more (milliseconds of CPU),
 * which must not stand before the create. A label is no effect anyone sees: should the process stop between the
 * reserve and this write, the learner
 * has one example fewer and the escalation is whole. One row per escalation (a replay adds nothing); never throws.
 */
import type { EscalationContext } from './context';
import type { EscalationDeps } from './deps';
import type { EscalationChoice } from './submit';

export async function recordFeedback(
  deps: EscalationDeps,
  context: EscalationContext,
  choice: EscalationChoice,
  escalationId: string,
  now: number,
): Promise<void> {
  const { workspaceId, conversationId } = context;
  try {
    const row = deps.triage.feedback(context.recommended, { id: escalationId, conversationId, now }, choice);
    await deps.store.triageFeedback.record(workspaceId, row);
    deps.triage.invalidate(workspaceId);
  } catch (error) {
    deps.logger.warn({ workspaceId, escalationId, err: String(error) }, 'triage feedback not recorded');
  }
}
