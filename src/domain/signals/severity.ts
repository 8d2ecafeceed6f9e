/**
 * How urgent a signal keyword is on its own, as a priority: it only orders the detected signals, so the handoff
 * summary lists first what matters most (the escalate form's priority comes from the triage engine). Keywords a
 * workspace adds that are not listed here still count as escalation signals, at the everyday level (P3).
 */
import type { Priority } from '../model';

const KEYWORD_PRIORITY: Readonly<Record<string, Priority>> = Object.freeze({
  // Service or data at stake right now.
  outage: 'P1',
  'data loss': 'P1',
  'data breach': 'P1',
  security: 'P1',
  'security breach': 'P1',
  hacked: 'P1',
  // Legal exposure and disputed payments run on deadlines someone else sets.
  legal: 'P2',
  lawyer: 'P2',
  attorney: 'P2',
  lawsuit: 'P2',
  gdpr: 'P2',
  dsgvo: 'P2',
  chargeback: 'P2',
  // Money back or leaving: important, but nothing breaks if it waits for the normal queue.
  refund: 'P3',
  cancel: 'P3',
  'not working': 'P3',
});

export function keywordPriority(keyword: string): Priority {
  return KEYWORD_PRIORITY[keyword.trim().toLowerCase()] ?? 'P3';
}
