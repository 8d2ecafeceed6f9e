/**
 * `escalate_submit` and `escalate_force`: validate, then hand over to the escalation service, and turn its
 * outcome into a canvas. Bad fields come back on the form with the teammate's values; Intercom's rejection comes
 * back as a form-wide message with a fresh nonce (see services/escalation/submit.ts for why).
 */
import { escalateFormCanvas } from '../../../canvases/escalate-form';
import { escalationResultCanvas } from '../../../canvases/escalation-result';
import { decodeStoredData } from '../../../canvases/stored-data';
import type { CanvasRequest } from '../types';
import { AppError } from '../../util/app-error';
import { type EscalationContext, type EscalationDeps, loadContext, type SubmitOutcome, submitEscalation } from '../../services/escalation';
import type { CanvasResponse, FlowContext } from '../types';
import { existingWork, fromBlocking } from './existing';
import { formModel } from './form';
import { parseEscalateInput, type RawValues } from './input';
import { randomNonce } from '../../util/nonce';
import { noTicketTypeCanvas, selectPersonCanvas } from './screens';

export async function submitEscalationForm(
  deps: EscalationDeps,
  request: CanvasRequest,
  force: boolean,
  ctx?: Pick<FlowContext, 'afterReply'>,
): Promise<CanvasResponse> {
  const stored = decodeStoredData(request.storedData);
  const sameConversation = stored?.conversationId === undefined || stored.conversationId === request.conversationId;
  if (stored?.flow !== 'escalate' || !stored.nonce || !sameConversation) {
    throw new AppError('stale_canvas', 'This form is out of date. Open Escalate again from the sidebar.');
  }
  if (!request.contact) return selectPersonCanvas();
  // Owner and team names are needed right after the create; loading them now keeps them off the critical path.
  deps.snapshots.warm(request.workspaceId);
  const context = await loadContext(deps, request, { askAi: false, companiesFromForm: true });
  const [first, ...rest] = context.types.map((t) => t.id);
  if (first === undefined) return noTicketTypeCanvas();
  const parsed = parseEscalateInput(request.inputValues, [first, ...rest], stored.ticketTypeId ?? null);
  if (!parsed.ok) {
    const existing = await existingWork(deps.store, context.workspaceId, context.conversationId, context.settings);
    return escalateFormCanvas(
      formModel(deps, context, { nonce: stored.nonce, values: parsed.raw, fieldErrors: parsed.errors, ...existing }),
    );
  }
  const afterReply = ctx?.afterReply;
  const outcome = await submitEscalation(deps, request.admin.id, context, parsed.choice, {
    nonce: stored.nonce,
    force,
    ...(afterReply ? { afterReply } : {}),
  });
  const values: RawValues = { ...parsed.choice };
  return outcomeCanvas(deps, context, outcome, stored.nonce, values);
}

function outcomeCanvas(deps: EscalationDeps, context: EscalationContext, outcome: SubmitOutcome, nonce: string, values: RawValues) {
  const { settings, workspaceId } = context;
  switch (outcome.kind) {
    case 'created': {
      const { ticket, escalation } = outcome;
      return escalationResultCanvas({
        kind: 'created',
        ticketNumber: ticket.ticketNumber ?? ticket.ticketId,
        title: ticket.title,
        url: deps.ticketUrl(workspaceId, ticket.ticketId),
        priority: ticket.priority ?? escalation.request.priority,
        queueLabel: settings.queues[ticket.queue ?? escalation.request.queue].label,
      });
    }
    case 'queued': {
      const { request } = outcome.escalation;
      return escalationResultCanvas({ kind: 'queued', priority: request.priority, queueLabel: settings.queues[request.queue].label });
    }
    case 'rejected':
      return escalateFormCanvas(
        formModel(deps, context, { nonce: randomNonce(), values, formError: `Intercom did not create the ticket: ${outcome.message}` }),
      );
    case 'blocked':
      return escalateFormCanvas(formModel(deps, context, { nonce, values, ...fromBlocking(outcome.blocking, settings) }));
  }
}
