/** Builds summary inputs the way the escalation flow does: parse, detect signals, suggest, then summarise. */
import type { CompanyView, ContactView, ConversationView } from '../../../src/domain/conversation';
import { defaultSettings } from '../../../src/domain/settings';
import { analyseSignals } from '../../../src/domain/signals';
import type { SummaryInput } from '../../../src/domain/summary';
import { contactView, NOW_MS } from '../../fixtures/conversations/factory';

export const CONVERSATION_URL = 'https://app.intercom.com/a/inbox/ecahpwf5/inbox/conversation/215469780563543';

export function summaryInput(
  conversation: ConversationView,
  overrides: Partial<SummaryInput> & { contact?: ContactView | null; company?: CompanyView | null } = {},
): SummaryInput {
  const contact = overrides.contact === undefined ? contactView() : overrides.contact;
  const company = overrides.company ?? null;
  const { signals, facts } = analyseSignals({ conversation, contact, company, settings: defaultSettings().signals, now: NOW_MS });
  return {
    conversation,
    contact,
    company,
    reason: 'Customer blocked on exports; needs the data team.',
    signals,
    facts,
    priorEscalations: 0,
    conversationUrl: CONVERSATION_URL,
    now: NOW_MS,
    timezone: 'Europe/Berlin',
    ...overrides,
  };
}
