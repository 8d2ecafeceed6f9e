/**
 * The handoff summary: everything the back-office team needs so they never start from scratch, as plain text for
 * the ticket description (and, escaped, for the internal note). Deterministic for the same input, masked, bounded
 * to `SUMMARY_MAX_BYTES`, and linear in the number of parts (a 500-part conversation takes a few milliseconds).
 */
import { maskSensitive, truncateBytes, utf8Length } from '../text';
import { extractDiagnostics, formatDiagnostics } from './diagnostics';
import { askedSection, customerSection, timelineSection, whySection } from './sections';
import { zoned } from './time';
import { transcriptSection } from './transcript';
import { type HandoffSummary, SECTION_KEYS, SECTION_TITLES, type SectionKey, SUMMARY_MAX_BYTES, type SummaryInput } from './types';

export { extractDiagnostics, formatDiagnostics, type Diagnostics } from './diagnostics';
export { sharedCaseNoteHtml, summaryPreview, summaryToNoteHtml } from './note';
export { type HandoffSummary, SECTION_KEYS, SECTION_TITLES, type SectionKey, SUMMARY_MAX_BYTES, type SummaryInput } from './types';

/**
 * Byte caps per section. They add up to well under the total, so the transcript always keeps room for the latest
 * exchanges however long the agent's reason or the first message is.
 */
const SECTION_BYTES: Readonly<Record<Exclude<SectionKey, 'transcript'>, number>> = {
  // Room for the opening "Needs: …" line (sections.ts NEED_BYTES) above the first and latest messages.
  asked: 1900,
  customer: 800,
  diagnostics: 2000,
  why: 1500,
  timeline: 600,
};
const SECTION_GAP = '\n\n';

function heading(key: SectionKey): string {
  return `## ${SECTION_TITLES[key]}\n`;
}

function render(sections: Readonly<Record<SectionKey, string>>): string {
  return SECTION_KEYS.map((key) => heading(key) + sections[key]).join(SECTION_GAP);
}

export function buildHandoffSummary(input: SummaryInput): HandoffSummary {
  const tz = zoned(input.timezone);
  const raw = {
    asked: askedSection(input, tz),
    customer: customerSection(input, tz),
    diagnostics: formatDiagnostics(extractDiagnostics(input.conversation, input.contact)),
    why: whySection(input),
    timeline: timelineSection(input, tz),
  };
  let used = utf8Length(heading('transcript'));
  const bounded = {} as Record<Exclude<SectionKey, 'transcript'>, string>;
  for (const key of Object.keys(SECTION_BYTES) as (keyof typeof SECTION_BYTES)[]) {
    // Masked again as a whole: sections are built from masked pieces, and masking is idempotent, so this only
    // catches text that reached a section some other way (names, company fields).
    bounded[key] = truncateBytes(maskSensitive(raw[key]), SECTION_BYTES[key]);
    used += utf8Length(heading(key) + bounded[key]) + SECTION_GAP.length;
  }
  const { conversation } = input;
  const transcript = transcriptSection(
    conversation.parts,
    conversation.totalPartCount,
    input.conversationUrl,
    tz,
    SUMMARY_MAX_BYTES - used,
  );
  const sections = { ...bounded, transcript: maskSensitive(transcript) };
  const text = render(sections);
  // The caps above already keep the text inside the bound; this is the guarantee, not the mechanism.
  return { text: utf8Length(text) > SUMMARY_MAX_BYTES ? truncateBytes(text, SUMMARY_MAX_BYTES) : text, sections };
}
