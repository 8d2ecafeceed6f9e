/**
 * The words of one case update: the conversation's language (detected from what the customer wrote, else the
 * workspace's default, else English when the chosen language has no template), the state's customer-facing name
 * and the case's customer-facing title, rendered through the admin's template. Nothing internal is a placeholder:
 * no owner, team, priority, ticket title or SLA figure can reach the customer through a template.
 */
import type { ConversationView } from '../conversation';
import type { StateCategory } from '../model';
import { detectLanguage, type Language } from '../triage/language';
import type { CustomerSettings } from './settings';
import { DEFAULT_STATE_NAMES, renderTemplate } from './templates';

/** The customer's own latest messages are the evidence (a customer who switched language is answered in the new one). */
const MESSAGES_READ = 3;

export function conversationLanguage(conversation: ConversationView, fallback: Language): Language {
  const written = conversation.parts.filter((part) => part.authorType === 'customer').slice(-MESSAGES_READ);
  return detectLanguage(written.map((part) => part.text)) ?? fallback;
}

export interface UpdateMessageInput {
  state: StateCategory;
  /** Intercom's `external_label` for the state; null falls back to our own customer-facing name. */
  externalLabel: string | null;
  ticketNumber: string | null;
  customerTitle: string;
  language: Language;
}

export function customerStateName(state: StateCategory, externalLabel: string | null, language: Language): string {
  const label = externalLabel?.trim();
  return label ? label : DEFAULT_STATE_NAMES[language][state];
}

export function updateMessage(settings: CustomerSettings, input: UpdateMessageInput): string {
  return renderTemplate(settings.templates[input.language][input.state], {
    state: customerStateName(input.state, input.externalLabel, input.language),
    reference: input.ticketNumber ? `#${input.ticketNumber}` : '',
    title: input.customerTitle,
  });
}
