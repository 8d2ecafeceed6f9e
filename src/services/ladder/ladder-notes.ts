/**
 * The notes the SLA ladder posts. Pure: (payload, names, zone) → HTML. Each note says which clock, which step,
 * when the step fell due (absolute, in the workspace's zone) and why, what was done (or what is missing from the
 * settings for it to be done), and ends with the marker that makes the note safe to retry.
 */
import { escapeHtml, formatAbsolute, formatDuration } from '../../domain/text';
import { type LadderPayload, ladderMarker } from './ladder-payload';

/** Later than this after its due time, a note says it was posted late (the scheduler ticks every few seconds). */
const LATE_AFTER_MS = 60_000;

export interface LadderNoteInput {
  payload: LadderPayload;
  /** The workspace's IANA zone. */
  zone: string;
  /** Display names; null = nobody (owner) or not configured (lead, manager, breach team). */
  owner: string | null;
  lead: string | null;
  manager: string | null;
  breachTeam: string | null;
  escalateAction: 'assign' | 'mention';
  /** The ticket was resolved by the time the step ran: assignments were left alone. */
  resolved: boolean;
}

const HEADLINES = { warn: 'SLA warning', escalate: 'SLA escalation', breach: 'SLA breached' } as const;

export function ladderNote(input: LadderNoteInput): string {
  const { payload } = input;
  const pct = Math.round(payload.fraction * 100);
  const lines = [
    `<b>${HEADLINES[payload.step]}: ${payload.kind} clock at ${pct} %</b>`,
    ...stepLines(input, pct),
    clockLine(payload),
    dueLine(input),
    `ref: ${ladderMarker(payload)}`,
  ];
  return lines.map((line) => `<p>${line}</p>`).join('');
}

function stepLines(input: LadderNoteInput, pct: number): string[] {
  const { payload, zone } = input;
  const used = `${pct} % of the ${payload.kind} target is used`;
  const runsOut = payload.deadlineAt === null ? '' : ` It runs out ${at(payload.deadlineAt, zone)}.`;
  const resolvedLine = 'The ticket was already resolved when this step ran, so its assignment was left unchanged.';
  if (payload.step === 'warn') {
    const to = input.owner === null ? 'For the ticket owner (nobody is assigned yet)' : `For ${escapeHtml(input.owner)}`;
    return [`${to}: ${used}.${runsOut}`];
  }
  if (payload.step === 'escalate') {
    if (input.lead === null) {
      return [
        `${used}. No team lead is configured in Handoff's settings (SLA ladder → team lead), so nobody was ${input.escalateAction === 'assign' ? 'assigned' : 'mentioned'}. Configure one so this step reaches a lead.${runsOut}`,
      ];
    }
    const lead = escapeHtml(input.lead);
    if (input.escalateAction === 'mention') return [`@${lead} (team lead): ${used}; please take a look.${runsOut}`];
    if (input.resolved) return [`${used}.${runsOut}`, resolvedLine];
    return [`Assigned to ${lead} (team lead) because ${used}.${runsOut}`];
  }
  const lines = [`The ${payload.kind} target ran out at ${at(payload.dueAt, zone)}.`];
  if (input.resolved) return [...lines, resolvedLine];
  lines.push(
    input.manager === null
      ? "No manager is configured in Handoff's settings (SLA ladder → manager), so the ticket was not reassigned."
      : `Reassigned to ${escapeHtml(input.manager)} (manager).`,
    input.breachTeam === null
      ? 'No SLA Breach team is configured (SLA ladder → breach team), so the team is unchanged.'
      : `Moved to the ${escapeHtml(input.breachTeam)} team.`,
  );
  return lines;
}

function clockLine(payload: LadderPayload): string {
  const counted = payload.meterMode === 'business' ? 'business time' : 'calendar time';
  const basis = payload.basis ? ` (${payload.basis.priority}, ${payload.basis.tier} tier)` : '';
  const tightened = payload.tightenedReason ? `; tightened: ${escapeHtml(payload.tightenedReason)}` : '';
  return `Clock: ${payload.kind}, target ${formatDuration(payload.targetMs)} of ${counted}${basis}${tightened}.`;
}

function dueLine({ payload, zone }: LadderNoteInput): string {
  const due = `Step due ${at(payload.dueAt, zone)}.`;
  if (payload.firedAt - payload.dueAt <= LATE_AFTER_MS) return due;
  return `${due} Fired late, at ${at(payload.firedAt, zone)}, the first time Handoff checked the clock after it fell due (was the app stopped?).`;
}

function at(epochMs: number, zone: string): string {
  return formatAbsolute(epochMs, zone);
}
