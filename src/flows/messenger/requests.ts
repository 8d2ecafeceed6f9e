/**
 * The Messenger's "Your requests" card: initialize lists the signed-in customer's open cases; submit takes the
 * details a customer adds to a case the team waits on. Only a contact with the `user` role is shown anything: a
 * visitor or a lead has not proved who they are, and the same one line answers every request that cannot be
 * served, so nothing tells whether a case exists.
 */
import {
  ADD_DETAILS_PREFIX,
  DETAILS_INPUT_PREFIX,
  type MessengerRequestsVM,
  messengerRequestsCanvas,
} from '../../../canvases/messenger-requests';
import type { CanvasResponse } from '../../../canvases/kit/types';
import { isLanguage, type Language } from '../../domain/triage/language';
import { casesForContact } from '../../services/customer-cases/cases';
import { type DetailsDeps, submitDetails } from '../../services/customer-cases/details';
import { randomNonce } from '../../util/nonce';
import type { MessengerRequest } from './types';

export type MessengerDeps = DetailsDeps;

/** `pt-BR` → `pt`; a language the product does not write → null (the workspace default then applies). */
export function languageOf(locale: string | null): Language | null {
  const base = locale?.slice(0, 2).toLowerCase() ?? null;
  return isLanguage(base) ? base : null;
}

function verifiedContact(request: MessengerRequest): string | null {
  return request.contact && request.contact.role === 'user' ? request.contact.id : null;
}

async function listCanvas(
  deps: MessengerDeps,
  request: MessengerRequest,
  extra: { problem?: { caseId: string; message: string; value: string }; thanked?: boolean } = {},
): Promise<CanvasResponse> {
  const language = languageOf(request.locale);
  const contactId = verifiedContact(request);
  if (!contactId) return messengerRequestsCanvas({ kind: 'signed_out', language: language ?? 'en' });
  const [list, workspace] = await Promise.all([
    casesForContact(deps, request.workspaceId, contactId, language),
    deps.store.workspaces.get(request.workspaceId),
  ]);
  if (!list.enabled || !workspace || workspace.uninstalledAt !== null) {
    return messengerRequestsCanvas({ kind: 'unavailable', language: language ?? 'en' });
  }
  const vm: MessengerRequestsVM = {
    kind: 'list',
    language: language ?? list.settings.customer.defaultLanguage,
    zone: workspace.timezone || 'UTC',
    cases: list.cases,
    nonce: randomNonce(),
    problem: extra.problem ?? null,
    thanked: extra.thanked ?? false,
  };
  return messengerRequestsCanvas(vm);
}

export function messengerInitialize(deps: MessengerDeps, request: MessengerRequest): Promise<CanvasResponse> {
  return listCanvas(deps, request);
}

export async function messengerSubmit(deps: MessengerDeps, request: MessengerRequest): Promise<CanvasResponse> {
  const contactId = verifiedContact(request);
  const componentId = request.componentId ?? '';
  if (!contactId || !componentId.startsWith(ADD_DETAILS_PREFIX) || !request.nonce) return listCanvas(deps, request);
  const caseId = componentId.slice(ADD_DETAILS_PREFIX.length);
  const raw = request.inputValues[`${DETAILS_INPUT_PREFIX}${caseId}`];
  const text = typeof raw === 'string' ? raw : '';
  const outcome = await submitDetails(deps, request.workspaceId, { contactId, caseId, text, nonce: request.nonce });
  if (outcome.ok) return listCanvas(deps, request, { thanked: true });
  return listCanvas(deps, request, { problem: { caseId, message: outcome.message, value: text.slice(0, 2000) } });
}
