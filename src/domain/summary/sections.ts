/** The summary's short sections. Each returns plain, unmasked-safe text: inputs are masked here, bodies again at assembly. */
import { isReplyToCustomer, type Part } from '../conversation';
import { maskSensitive, truncateBytes } from '../text';
import { formatDuration } from '../text/time-format';
import { formatAbsolute, formatDate, formatStamp, type Zoned } from './time';
import type { SummaryInput } from './types';

/**
 * Byte caps for the pieces, chosen so each section's pieces fit its own cap in `index.ts` (asked 1500, customer 800,
 * why 1500): a long Japanese message (3 bytes per character) must not push the second line out of its section.
 */
const ASK_BYTES = 650;
const NEED_BYTES = 380;
const FIELD_BYTES = 100;
const REASON_BYTES = 1100;

/** Masked before cutting, so a card number is never cut into an unrecognisable (and unmasked) fragment. */
function excerpt(text: string, maxBytes: number): string {
  return truncateBytes(maskSensitive(text).trim(), maxBytes);
}

/** "Needs: a refund for the duplicate charge — “I was charged twice” (customer, 10:32)": the summary's opening. */
export function needLine(need: SummaryInput['need']): string | null {
  if (!need?.sentence.trim()) return null;
  const quote = need.quote?.trim() ? ` — “${excerpt(need.quote.replace(/\s+/g, ' '), NEED_BYTES / 2)}”` : '';
  const source = need.quote?.trim() && need.source ? ` (${need.source})` : '';
  return truncateBytes(`Needs: ${excerpt(need.sentence, NEED_BYTES / 2)}${quote}${source}`, NEED_BYTES);
}

/**
 * What the customer needs (when the engine judged the chat), the first customer message, and the customer's
 * messages since the last reply they could see (the open ask).
 */
export function askedSection({ conversation, need }: SummaryInput, tz: Zoned): string {
  const customer = conversation.parts.filter((p) => p.authorType === 'customer');
  const first = customer[0];
  const opening = needLine(need);
  if (!first) return opening ?? 'No customer message in this conversation yet.';
  const lines = [
    ...(opening ? [opening] : []),
    `First message (${formatStamp(first.createdAt, tz)}): ${excerpt(first.text || '(attachment only)', ASK_BYTES)}`,
  ];

  const unanswered: Part[] = [];
  let lastReply: Part | null = null;
  for (const part of conversation.parts) {
    if (part.authorType === 'customer') unanswered.push(part);
    else if (isReplyToCustomer(part)) {
      unanswered.length = 0;
      lastReply = part;
    }
  }
  const latest = unanswered[unanswered.length - 1];
  if (!latest) {
    const at = lastReply ? ` (${formatStamp(lastReply.createdAt, tz)})` : '';
    lines.push(`Latest unanswered: none, the team replied last${at}.`);
  } else if (latest === first) {
    lines.push('Latest unanswered: the first message, no reply yet.');
  } else {
    // A run of follow-ups ("hello??") often hides the real question in the first of them, so the run is shown whole.
    const run = unanswered
      .filter((p) => p !== first)
      .map((p) => p.text.trim())
      .filter(Boolean);
    const since = lastReply ? 'since the last reply' : 'and no reply yet';
    const count = unanswered.length > 1 ? `, ${unanswered.length} messages ${since}` : '';
    lines.push(
      `Latest unanswered (${formatStamp(latest.createdAt, tz)}${count}): ${excerpt(run.join(' / ') || '(attachment only)', ASK_BYTES)}`,
    );
  }
  return lines.join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function customerSection(input: SummaryInput, tz: Zoned): string {
  const { contact, company, facts, openTickets } = input;
  const field = (label: string, value: string | null | undefined) => (value ? `${label}: ${excerpt(value, FIELD_BYTES)}` : null);
  const tier = `${capitalise(facts.tier)}${facts.isVip ? ' (VIP)' : ''}${company?.plan ? ` · plan ${company.plan}` : ''}`;
  const companyLine = company?.name ? `${company.name}${company.companyId ? ` (id ${company.companyId})` : ''}` : null;
  const days = facts.renewalInDays;
  const inDays = days === 0 ? 'today' : days === 1 ? 'in 1 day' : `in ${days} days`;
  const renewal = facts.renewalAt !== null && days !== null ? `${formatDate(facts.renewalAt, tz)} (${inDays})` : null;
  const lines = [
    field('Name', contact?.name ?? (contact ? '(no name)' : 'unknown contact')),
    field('Email', contact?.email),
    field('Tier', tier),
    field('Account id', contact?.externalId),
    field('Company', companyLine),
    field('Renewal', renewal),
    typeof openTickets === 'number' ? `Open tickets linked through Handoff: ${openTickets}` : null,
  ];
  return lines.filter((line): line is string => line !== null).join('\n');
}

export function whySection({ reason, signals }: SummaryInput): string {
  const agent = reason.trim() ? excerpt(reason, REASON_BYTES) : '(no reason given)';
  const detected = signals.length > 0 ? signals.map((s) => s.label).join(' · ') : 'none';
  return `Agent's reason: ${agent}\nDetected signals: ${detected}`;
}

export function timelineSection(input: SummaryInput, tz: Zoned): string {
  const { conversation, now, priorEscalations } = input;
  let customer = 0;
  let agents = 0;
  let bots = 0;
  let lastMessageAt: number | null = null;
  for (const part of conversation.parts) {
    if (part.authorType === 'customer') customer++;
    else if (part.authorType === 'agent') agents++;
    else if (part.authorType === 'bot') bots++;
    if (part.authorType !== 'system') lastMessageAt = part.createdAt;
  }
  const opened = conversation.createdAt;
  const lines = [
    `Opened: ${opened !== null ? formatAbsolute(opened, tz) : 'unknown'}`,
    `Messages: ${customer} from the customer, ${agents} from the team${bots > 0 ? `, ${bots} from bots` : ''}`,
  ];
  if (opened !== null) {
    const span = lastMessageAt !== null ? `${formatDuration(lastMessageAt - opened)} to the last message, ` : '';
    lines.push(`Time in chat: ${span}escalated ${formatDuration(now - opened)} after opening`);
  }
  lines.push(`Prior escalations of this contact: ${priorEscalations}`);
  return lines.join('\n');
}
