/** Renderings of a built summary: a short preview for the escalate form and the internal note's HTML. */
import { escapeHtml, safeUrl, truncate } from '../text';
import { SECTION_KEYS, SECTION_TITLES, type HandoffSummary } from './types';

/** The start of the summary for the form: what the customer asked and why, cut on a word boundary. */
export function summaryPreview(summary: HandoffSummary, maxChars: number): string {
  return truncate(`${summary.sections.asked}\n${summary.sections.why}`, maxChars);
}

function paragraph(title: string, body: string): string {
  const lines = body.split('\n').map(escapeHtml).join('<br>');
  return `<p><b>${escapeHtml(title)}</b><br>${lines}</p>`;
}

/**
 * The internal note posted into the conversation. Everything is escaped (the summary quotes customer text), and
 * the ticket link is only added when it is an http(s) URL.
 */
export function summaryToNoteHtml(summary: HandoffSummary, ticketNumber: string | number, ticketUrl: string): string {
  const url = safeUrl(ticketUrl);
  const link = url && /^https?:/i.test(url) ? ` · <a href="${escapeHtml(url)}">Open ticket</a>` : '';
  const head = `<p><b>Escalated to back-office ticket #${escapeHtml(String(ticketNumber))}</b>${link}</p>`;
  return head + SECTION_KEYS.map((key) => paragraph(SECTION_TITLES[key], summary.sections[key])).join('');
}

/**
 * The note on a shared case's ticket when another conversation is attached to it: that the case was also reported
 * there (linked when the URL is http(s)), the teammate's own words if any, and that conversation's summary.
 */
export function sharedCaseNoteHtml(summary: HandoffSummary, conversationUrl: string, teammateNote: string | null): string {
  const url = safeUrl(conversationUrl);
  const link = url && /^https?:/i.test(url) ? ` · <a href="${escapeHtml(url)}">Open conversation</a>` : '';
  const head = `<p><b>Also reported in another conversation</b>${link}</p>`;
  const note = teammateNote ? paragraph('Teammate note', teammateNote) : '';
  return head + note + SECTION_KEYS.map((key) => paragraph(SECTION_TITLES[key], summary.sections[key])).join('');
}
