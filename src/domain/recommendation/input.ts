/**
 * The one mapping from what the app reads (a normalised conversation and the account facts read from contact and
 * company attributes) to the engine's `TriageInput`. The sidebar, the escalate form, the submit's feedback and the
 * sandbox all go through it, so they judge the same messages the same way.
 *
 * Which parts count: the customer's messages, and the replies a teammate sent the customer. Internal notes are
 * left out on purpose: Handoff posts its own notes (the handoff summary quotes the transcript, the SLA ladder
 * writes warnings), and judging those would let the app's own words decide. Bots are left out too: an automated
 * answer can neither confirm an incident nor promise anything. A part with no text (only attachments) stays in,
 * empty, so message indexes still point at the parts the teammate sees.
 */
import { type ConversationView, isReplyToCustomer, type Part } from '../conversation';
import type { Tier } from '../model';
import type { CustomerTier, TriageInput, TriageMessage } from '../triage';

export interface AccountFacts {
  tier: Tier;
  isVip: boolean;
  renewalInDays: number | null;
}

export interface MappedInput {
  input: TriageInput;
  /** The conversation part behind each message, same index. */
  parts: readonly Part[];
}

function authorOf(part: Part): TriageMessage['author'] | null {
  if (part.authorType === 'customer') return 'customer';
  return part.authorType === 'agent' && isReplyToCustomer(part) ? 'teammate' : null;
}

/** A VIP flag outranks the tier attribute: the policy's VIP reading is about the account, not the plan name. */
export function customerTier(facts: Pick<AccountFacts, 'tier' | 'isVip'>): CustomerTier {
  return facts.isVip ? 'vip' : facts.tier;
}

export function triageInputFrom(conversation: ConversationView, facts: AccountFacts): MappedInput {
  const messages: TriageMessage[] = [];
  const parts: Part[] = [];
  for (const part of conversation.parts) {
    const author = authorOf(part);
    if (author === null) continue;
    // A part with no time of its own got the conversation's, or 0 when that was missing too: no time is better than 1970.
    messages.push({ author, text: part.text, at: part.createdAt > 0 ? part.createdAt : null, partId: part.id });
    parts.push(part);
  }
  return { input: { messages, tier: customerTier(facts), renewalInDays: facts.renewalInDays }, parts };
}
