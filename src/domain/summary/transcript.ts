/**
 * The transcript excerpt: the newest messages that fit the bytes left after the other sections, newest kept,
 * printed oldest first. Work is linear in the parts and stops as soon as the budget or the line cap is reached.
 */
import type { Part } from '../conversation';
import { maskSensitive, oneLine, truncate, truncateBytes, utf8Length } from '../text';
import { formatStamp, type Zoned } from './time';

const LINE_MAX = 300;
const MAX_LINES = 30;
/** Bytes reserved for the header and the link line, so the lines themselves can use the rest. */
const FRAME_BYTES = 600;

function speaker(part: Part): string {
  const name = part.authorName ? ` (${truncate(oneLine(part.authorName), 40)})` : '';
  if (part.authorType === 'customer') return `Customer${name}`;
  if (part.authorType === 'bot') return `Bot${name}`;
  return part.partType.includes('note') ? `Internal note${name}` : `Agent${name}`;
}

function line(part: Part, tz: Zoned): string {
  const files = part.attachments.length > 0 ? ` [${part.attachments.length} attachment${part.attachments.length > 1 ? 's' : ''}]` : '';
  // Mask before cutting: a card number cut in half would no longer be recognised.
  const body = truncate(oneLine(maskSensitive(part.text)), LINE_MAX) || '(no text)';
  return `[${formatStamp(part.createdAt, tz)}] ${speaker(part)}: ${body}${files}`;
}

export function transcriptSection(
  parts: readonly Part[],
  totalPartCount: number,
  conversationUrl: string,
  tz: Zoned,
  budget: number,
): string {
  const messages = parts.filter((p) => p.authorType !== 'system');
  const kept: string[] = [];
  let left = budget - FRAME_BYTES;
  for (let i = messages.length - 1; i >= 0 && kept.length < MAX_LINES; i--) {
    const text = line(messages[i] as Part, tz);
    const bytes = utf8Length(text) + 1;
    if (bytes > left) break;
    left -= bytes;
    kept.push(text);
  }
  kept.reverse();
  const header: string[] = [];
  if (messages.length === 0) header.push('No messages yet.');
  else if (kept.length < messages.length)
    header.push(`Showing the last ${kept.length} of ${messages.length} messages (times in ${tz.zone}).`);
  else header.push(`All ${messages.length} messages (times in ${tz.zone}).`);
  if (totalPartCount > parts.length) {
    header.push(`Intercom returned the ${parts.length} most recent of ${totalPartCount} parts; older ones are not included.`);
  }
  const link = `Conversation: ${truncateBytes(oneLine(maskSensitive(conversationUrl)), 300) || '(no link)'}`;
  return [...header, ...kept, link].join('\n');
}
