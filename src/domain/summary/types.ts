/** The handoff summary: what goes into the ticket description and the internal note. */
import type { CompanyView, ContactView, ConversationView } from '../conversation';
import type { Signal, SignalFacts } from '../signals';

export const SECTION_KEYS = ['asked', 'customer', 'diagnostics', 'why', 'timeline', 'transcript'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = Object.freeze({
  asked: 'What the customer asked',
  customer: 'Customer',
  diagnostics: 'Diagnostics already collected',
  why: 'Why escalated',
  timeline: 'Timeline',
  transcript: 'Transcript excerpt',
});

/** Ticket descriptions are not meant for novels; 8 KB (UTF-8) keeps the ticket readable and the API call small. */
export const SUMMARY_MAX_BYTES = 8 * 1024;

export interface SummaryInput {
  conversation: ConversationView;
  contact: ContactView | null;
  company: CompanyView | null;
  /**
   * What the customer needs, in one sentence from the triage analysis, and the message that shows it: the
   * summary opens with it. Null when the engine could not judge the conversation.
   */
  need?: { sentence: string; quote: string | null; source: string | null } | null;
  /** The agent's reason from the escalate form. */
  reason: string;
  signals: readonly Signal[];
  facts: SignalFacts;
  /** Earlier escalations of this contact (from the store). */
  priorEscalations: number;
  /** Open tickets of this contact linked through Handoff (our store), when known. */
  openTickets?: number | null;
  /** Link back to the conversation in the Inbox. */
  conversationUrl: string;
  /** Epoch ms of the escalation. */
  now: number;
  /** IANA zone for absolute times (the teammate's, else the workspace's); invalid → UTC. */
  timezone: string;
}

export interface HandoffSummary {
  /** Plain text, sections in `SECTION_KEYS` order, at most `SUMMARY_MAX_BYTES` UTF-8 bytes. */
  readonly text: string;
  /** Each section's body (without its title). */
  readonly sections: Readonly<Record<SectionKey, string>>;
}
