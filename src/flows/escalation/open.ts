/**
 * `escalate_open`: the escalate form, prefilled from the signals, with a fresh nonce in stored_data (the submit's
 * idempotency key). A conversation that already has an open ticket or an escalation on its way gets the same form
 * with that explained, and only an explicit "create another" button.
 */
import { escalateFormCanvas } from '../../../canvases/escalate-form';
import type { CanvasRequest } from '../types';
import { type EscalationDeps, loadContext } from '../../services/escalation';
import type { CanvasResponse } from '../types';
import { randomNonce } from '../../util/nonce';
import { existingWork } from './existing';
import { formModel } from './form';
import { noTicketTypeCanvas, selectPersonCanvas } from './screens';

export async function openEscalation(deps: EscalationDeps, request: CanvasRequest): Promise<CanvasResponse> {
  if (!request.contact) return selectPersonCanvas();
  const [context, settings] = await Promise.all([loadContext(deps, request), deps.settings.get(request.workspaceId)]);
  if (context.types.length === 0) return noTicketTypeCanvas();
  const existing = await existingWork(deps.store, request.workspaceId, request.conversationId, settings);
  return escalateFormCanvas(formModel(deps, context, { nonce: randomNonce(), ...existing }));
}
