/**
 * The stored payload from what the teammate chose and what we read: the title, the masked summary, the queue's
 * team, and the priority/queue attributes resolved against the chosen ticket type (list item ids). A type without
 * those attributes simply gets none; one whose attribute is required then answers 400 and the form says so.
 */
import type { TicketType } from '../../intercom';
import type { HandoffSummary } from '../../domain/summary';
import { maskSensitive, oneLine, truncate } from '../../domain/text';
import { allowsSharing, priorityValue, queueValue } from '../ticket-types';
import type { EscalationContext } from './context';
import type { EscalationPayload } from './payload';
import type { EscalationChoice } from './submit';

const TITLE_CHARS = 120;

/**
 * The engine's case title ("Duplicate charge on INV-20931 — refund asked, legal threat"): it states the case, where
 * the customer's first words are usually a greeting. When the engine could not judge, the conversation's own
 * title, else the customer's first words. Masked, one line, at most 120 characters.
 */
export function ticketTitle(context: Pick<EscalationContext, 'conversation' | 'conversationId' | 'recommended'>): string {
  const { conversation, recommended } = context;
  const { judged, caseTitle } = recommended.recommendation;
  const first = conversation.parts.find((p) => p.authorType === 'customer' && p.text.trim() !== '');
  const source = (judged ? caseTitle.trim() : '') || conversation.title?.trim() || first?.text || '';
  const title = truncate(oneLine(maskSensitive(source)), TITLE_CHARS);
  return title || `Escalation of conversation ${context.conversationId}`;
}

export function payloadFor(
  context: EscalationContext,
  type: TicketType,
  choice: EscalationChoice,
  summary: HandoffSummary,
): EscalationPayload {
  const attributes: Record<string, string> = {};
  for (const resolved of [priorityValue(type, context.settings, choice.priority), queueValue(type, context.settings, choice.queue)]) {
    if (resolved) attributes[resolved.name] = resolved.value;
  }
  const { facts } = context.analysis;
  return {
    ticketTypeId: type.id,
    priority: choice.priority,
    queue: choice.queue,
    reason: choice.reason,
    summary: summary.text,
    sections: { ...summary.sections },
    title: ticketTitle(context),
    contactId: context.contactId,
    teamId: context.settings.queues[choice.queue].teamId,
    attributes,
    shareWithCustomer: choice.shareWithCustomer && allowsSharing(type),
    account: { tier: facts.tier, renewalInDays: facts.renewalInDays, highRisk: facts.highRisk },
  };
}
