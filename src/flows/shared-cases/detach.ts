/** `case_detach:<attachment id>`: this conversation leaves the shared case; recorded (who, when), nothing sent to Intercom. */
import { actionResultCanvas } from '../../../canvases/action-result';
import { detachFromCase } from '../../services/shared-cases';
import type { CanvasRequest, CanvasResponse } from '../types';
import type { SharedCaseFlowDeps } from './deps';

export async function submitDetach(deps: SharedCaseFlowDeps, request: CanvasRequest, attachmentId: string): Promise<CanvasResponse> {
  const detached = await detachFromCase(deps.flow.store, {
    workspaceId: request.workspaceId,
    conversationId: request.conversationId,
    attachmentId,
    adminId: request.admin.id,
    now: deps.flow.clock.now(),
  });
  const ticket = await deps.flow.store.tickets.get(request.workspaceId, detached.ticketId);
  const number = ticket?.ticketNumber ? ` #${ticket.ticketNumber}` : '';
  return actionResultCanvas({
    kind: 'done',
    message: `Detached from case${number}`,
    detail: 'This conversation no longer shows the ticket.',
  });
}
