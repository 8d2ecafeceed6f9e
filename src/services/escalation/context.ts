/**
 * Everything the escalate form and the submit need, read concurrently: the conversation with its parts
 * (`GET /conversations/{id}`), the contact's companies, the Back-office ticket types (cached), and from our
 * store the settings, the workspace and this contact's earlier escalations. The contact itself comes from the
 * Canvas Kit request, which carries the REST contact model, so it costs no call.
 */
import {
  type CompanyView,
  type ContactView,
  type ConversationView,
  parseCompanies,
  parseContact,
  parseConversation,
} from '../../domain/conversation';
import { type EscalationSuggestion, suggestEscalation } from '../../domain/routing';
import type { WorkspaceSettings } from '../../domain/settings';
import { analyseSignals, type SignalAnalysis } from '../../domain/signals';
import { buildHandoffSummary, type HandoffSummary } from '../../domain/summary';
import { AppError } from '../../util/app-error';
import type { TicketType } from '../../intercom';
import { withBudget } from './budget';
import { classify } from './failures';
import type { EscalationDeps } from './deps';

export interface EscalationContext {
  workspaceId: string;
  conversationId: string;
  contactId: string;
  settings: WorkspaceSettings;
  /** IANA zone of the workspace (summary times). */
  timezone: string;
  types: TicketType[];
  conversation: ConversationView;
  contact: ContactView;
  company: CompanyView | null;
  analysis: SignalAnalysis;
  suggestion: EscalationSuggestion;
  priorEscalations: number;
  /** The contact's open tickets linked through Handoff, before this escalation. */
  openTickets: number;
  now: number;
}

/** The conversation to escalate, and its contact as Intercom's REST contact model. */
export interface EscalationTarget {
  workspaceId: string;
  conversationId: string;
  /** Required: callers show "select a person" when the details panel has none. */
  contact: Record<string, unknown> | null;
}

export async function loadContext(deps: EscalationDeps, target: EscalationTarget): Promise<EscalationContext> {
  const { workspaceId, conversationId } = target;
  const contact = parseContact(target.contact);
  const reads = (async () => {
    const client = await deps.directory.clientFor(workspaceId);
    return Promise.all([
      client.conversations.get(conversationId),
      // Company facts enrich signals and the summary; without them the escalation still works.
      client.contacts.listCompanies(contact.id).catch(() => []),
      deps.ticketTypes.backOffice(workspaceId),
    ]);
  })();
  const [[rawConversation, rawCompanies, types], settings, workspace, priorEscalations, openTickets] = await Promise.all([
    withBudget(reads, deps.budgets.readMs, 'reading the conversation').catch(rethrowRead),
    deps.settings.get(workspaceId),
    deps.store.workspaces.get(workspaceId),
    deps.store.escalations.countByContact(workspaceId, contact.id),
    deps.store.tickets.countOpenByContact(workspaceId, contact.id),
  ]);
  const now = deps.clock.now();
  const conversation = parseConversation(rawConversation);
  const company = pickCompany(parseCompanies(rawCompanies), rawConversation);
  const analysis = analyseSignals({ conversation, contact, company, settings: settings.signals, now });
  const suggestion = suggestEscalation({ signals: analysis.signals, facts: analysis.facts, settings, conversation });
  return {
    workspaceId,
    conversationId,
    contactId: contact.id,
    settings,
    timezone: workspace?.timezone ?? 'UTC',
    types,
    conversation,
    contact,
    company,
    analysis,
    suggestion,
    priorEscalations,
    openTickets,
    now,
  };
}

/** The conversation's own company (2.15+) when the contact belongs to several, else the contact's first. */
function pickCompany(companies: CompanyView[], rawConversation: Record<string, unknown>): CompanyView | null {
  const own = (rawConversation['company'] as { id?: unknown } | null | undefined)?.id;
  return companies.find((c) => c.id === String(own)) ?? companies[0] ?? null;
}

function rethrowRead(error: unknown): never {
  const failure = classify(error);
  if (error instanceof AppError) throw error;
  if (failure?.kind === 'rejected') {
    throw new AppError('intercom_rejected', `Intercom would not give us this conversation (${failure.message}).`, error);
  }
  if (failure?.kind === 'transient') {
    throw new AppError('intercom_unavailable', 'Nothing was created. Try again in a moment.', error);
  }
  throw error;
}

export function summaryFor(deps: EscalationDeps, context: EscalationContext, reason: string): HandoffSummary {
  return buildHandoffSummary({
    conversation: context.conversation,
    contact: context.contact,
    company: context.company,
    reason,
    signals: context.analysis.signals,
    facts: context.analysis.facts,
    priorEscalations: context.priorEscalations,
    // From our store (tickets linked through Handoff): asking Intercom would cost a search call on every submit.
    openTickets: context.openTickets,
    conversationUrl: deps.conversationUrl(context.workspaceId, context.conversationId),
    now: context.now,
    timezone: context.timezone,
  });
}
