/**
 * The cases a signed-in customer may see (the Messenger card, the embed): only in a workspace that switched the
 * customer's side on, only the requesting contact's own open cases, only the customer-safe view of each
 * (src/domain/customer-updates/case-view.ts). The contact always comes from a verified source (a signed Canvas Kit
 * request, a verified JWT), never from a parameter the customer can edit.
 */
import { type CustomerCaseView, customerCaseView } from '../../domain/customer-updates/case-view';
import type { WorkspaceSettings } from '../../domain/settings';
import type { Language } from '../../domain/triage/language';
import type { AppServices } from '../app-services';

/** A customer has a handful of open cases; a page of them is plenty for a card and keeps the read bounded. */
export const CASES_SHOWN = 20;

export type CaseDeps = Pick<AppServices, 'store' | 'settings'>;

export type CaseList = { enabled: false } | { enabled: true; settings: WorkspaceSettings; cases: CustomerCaseView[] };

export async function casesForContact(
  deps: CaseDeps,
  workspaceId: string,
  contactId: string,
  language: Language | null,
): Promise<CaseList> {
  const settings = await deps.settings.get(workspaceId);
  if (settings.customer.messenger !== 'on') return { enabled: false };
  const rows = await deps.store.customerSide.listOpenCases(workspaceId, contactId, CASES_SHOWN);
  const lang = language ?? settings.customer.defaultLanguage;
  return { enabled: true, settings, cases: rows.map((row) => customerCaseView(row, settings.customer, lang)) };
}

/** One of the contact's own open cases, or null (whether it exists for someone else is never told). */
export async function ownCase(deps: CaseDeps, workspaceId: string, contactId: string, caseId: string): Promise<CustomerCaseView | null> {
  const list = await casesForContact(deps, workspaceId, contactId, null);
  if (!list.enabled) return null;
  return list.cases.find((found) => found.id === caseId) ?? null;
}
