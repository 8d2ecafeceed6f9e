/**
 * `GET /embed/requests`: the signed-in user's requests for the company's own site. The bearer JWT is verified with
 * the workspace's Messenger secret (identity.ts), its user bound to the workspace's contact, and the answer is the
 * same customer-safe case view as the Messenger card. The outcomes are few on purpose: a caller learns "not signed
 * in" or "not you", never which check failed, whether the workspace exists, or whether a case does.
 */
import type { CustomerCaseView } from '../../domain/customer-updates/case-view';
import type { Language } from '../../domain/triage/language';
import { type CaseDeps, casesForContact } from './cases';
import type { ContactResolver, IdentityDeps } from './identity';
import { verifyUserJwt } from './identity';

export type EmbedDeps = CaseDeps & IdentityDeps & { contacts: ContactResolver };

export type EmbedAnswer =
  | { status: 200; requests: CustomerCaseView[] }
  /** No valid JWT for this workspace (or the workspace has the customer's side switched off). */
  | { status: 401 }
  /** A valid JWT, but the request names a contact that is not its user. */
  | { status: 403 };

export async function embedRequests(
  deps: EmbedDeps,
  input: { workspaceId: string; token: string; contactId: string | null; language: Language | null },
): Promise<EmbedAnswer> {
  const settings = await deps.settings.get(input.workspaceId).catch(() => null);
  if (settings?.customer.messenger !== 'on') return { status: 401 };
  const user = await verifyUserJwt(deps, input.workspaceId, input.token);
  if (!user) return { status: 401 };
  const contactId = await deps.contacts.contactFor(input.workspaceId, user.userId);
  if (input.contactId !== null && input.contactId !== contactId) return { status: 403 };
  // A verified user with no contact yet has no requests: the same empty list as a contact without any.
  if (!contactId) return { status: 200, requests: [] };
  const list = await casesForContact(deps, input.workspaceId, contactId, input.language);
  return { status: 200, requests: list.enabled ? list.cases : [] };
}
