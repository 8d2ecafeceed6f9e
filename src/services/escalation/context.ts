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
import type { Priority, QueueKey } from '../../domain/model';
import { describeRecommendation, messageSource, preselection, type RecommendationView, reasonPrefill } from '../../domain/recommendation';
import type { WorkspaceSettings } from '../../domain/settings';
import { analyseSignals, type SignalAnalysis } from '../../domain/signals';
import { buildHandoffSummary, type HandoffSummary, type SummaryInput } from '../../domain/summary';
import { AppError } from '../../util/app-error';
import type { Company, IntercomClient, TicketType } from '../../intercom';
import { lastJudgedPartId } from '../../domain/triage-ai';
import type { Recommended } from '../triage';
import { requestIfStale } from '../triage-ai/jobs';
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
  /** The engine's recommendation for the conversation as read now, with the workspace's learnt adjustments. */
  recommended: Recommended;
  /** What the form preselects and prefills, from that recommendation. */
  suggestion: EscalationSuggestion;
  priorEscalations: number;
  /** The contact's open tickets linked through Handoff, before this escalation. */
  openTickets: number;
  now: number;
}

export interface EscalationSuggestion {
  priority: Priority;
  queue: QueueKey;
  /** The reason textarea's prefill, in plain words. */
  reason: string;
  view: RecommendationView;
}

/** The conversation to escalate, and its contact as Intercom's REST contact model. */
export interface EscalationTarget {
  workspaceId: string;
  conversationId: string;
  /** Required: callers show "select a person" when the details panel has none. */
  contact: Record<string, unknown> | null;
}

export interface LoadOptions {
  /**
   * False for a submit: the form it came from asked already, and its answer (a ticket, not a recommendation) has
   * no use for the AI's; asking again would only put a store read on the way to `POST /tickets`.
   */
  askAi: boolean;
  /** True for a submit: the companies its form read moments ago stand (see form-companies.ts). */
  companiesFromForm?: boolean;
}

export async function loadContext(
  deps: EscalationDeps,
  target: EscalationTarget,
  options: LoadOptions = { askAi: true },
): Promise<EscalationContext> {
  const { workspaceId, conversationId } = target;
  const contact = parseContact(target.contact);
  const known = options.companiesFromForm ? deps.formCompanies.recall(workspaceId, contact.id, deps.clock.now()) : null;
  const reads = (async () => {
    const client = await deps.directory.clientFor(workspaceId);
    return Promise.all([
      client.conversations.get(conversationId),
      known ?? readCompanies(deps, client, workspaceId, contact.id),
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
  const timezone = workspace?.timezone ?? 'UTC';
  const recommended = await deps.triage.recommend(workspaceId, conversation, analysis.facts);
  if (options.askAi) await askAiIfStale(deps, workspaceId, conversationId, recommended, now);
  const view = describeRecommendation(
    recommended.recommendation,
    recommended.mapped.input.messages,
    (q) => settings.queues[q].label,
    timezone,
  );
  const suggestion: EscalationSuggestion = { ...preselection(recommended.recommendation), reason: reasonPrefill(view), view };
  return {
    workspaceId,
    conversationId,
    contactId: contact.id,
    settings,
    timezone,
    types,
    conversation,
    contact,
    company,
    analysis,
    recommended,
    suggestion,
    priorEscalations,
    openTickets,
    now,
  };
}

/**
 * Escalate brought the chat as it stands: when the optional AI provider is on and its answer is older, it is asked
 * in the background (the form shows the local recommendation meanwhile). Never fails the form: a store hiccup
 * here only means the next webhook asks instead.
 */
async function askAiIfStale(deps: EscalationDeps, workspaceId: string, conversationId: string, recommended: Recommended, now: number) {
  const lastPartId = lastJudgedPartId(recommended.mapped.input);
  const enqueued = await requestIfStale(deps.store, workspaceId, { conversationId, lastPartId, now }).catch(() => false);
  if (enqueued) deps.pokeOutbox();
}

/** Company facts enrich signals and the summary; without them the escalation still works (a failure is not kept). */
function readCompanies(deps: EscalationDeps, client: IntercomClient, workspaceId: string, contactId: string): Promise<Company[]> {
  return client.contacts.listCompanies(contactId).then(
    (companies) => {
      deps.formCompanies.remember(workspaceId, contactId, companies, deps.clock.now());
      return companies;
    },
    () => [],
  );
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
    need: needOf(context),
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

/** The engine's "what the customer needs" sentence and its evidence, for the summary's opening line. */
function needOf(context: EscalationContext): SummaryInput['need'] {
  const { recommendation, mapped } = context.recommended;
  if (!recommendation.judged || !recommendation.need.trim()) return null;
  const evidence = recommendation.needQuote;
  const message = evidence ? mapped.input.messages[evidence.messageIndex] : undefined;
  const source = message ? messageSource(message, evidence?.messageIndex ?? 0, context.timezone) : null;
  return { sentence: recommendation.need, quote: evidence?.quote ?? null, source };
}
