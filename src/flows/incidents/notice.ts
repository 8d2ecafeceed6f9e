/**
 * Noticing it first: this conversation's problem signature (src/domain/incidents) is kept, and compared with the
 * workspace's conversations of the last hours. When at least two others report the same problem the sidebar says
 * so, and names the open incident they are linked to (or whose title names what they share), so the next link is
 * one click: "4 other conversations since 09:10 mention E_PAYMENT_502 — incident #88 is open".
 * Reads only, bounded: two indexed reads of at most `RECENT_LIMIT` rows. The signature is handed to `noteSignature`,
 * which keeps it in memory for a background write (src/services/incidents/signature-recorder.ts): a view changes nothing.
 */
import type { IncidentHintVM } from '../../../canvases/view-models';
import { noticeSimilar } from '../../domain/incidents/grouping';
import { problemSignature } from '../../domain/incidents/signature';
import { clockTime } from '../../domain/recommendation/clock-time';
import type { TriageMessage } from '../../domain/triage/types';
import type { Incident, Store } from '../../store';

export const NOTICE_WINDOW_MS = 6 * 60 * 60_000;
export const RECENT_LIMIT = 500;
/** Two others make three reports of one problem: fewer is a coincidence more often than an outage. */
export const MIN_OTHERS = 2;

/**
 * The hint, or null; `mayAppear`: whether a null hint may turn into one with no write to this conversation's views
 * (other conversations' signatures are recorded in the background, unobserved, and the window slides with time).
 * A conversation with no problem signature never gets a hint.
 */
export async function incidentHint(
  store: Store,
  request: { workspaceId: string; conversationId: string; messages: readonly TriageMessage[]; now: number; zone: string },
  /** Keeps this conversation's signature for the others to notice (memory only: a view writes nothing itself). */
  noteSignature?: (keys: readonly string[]) => void,
): Promise<{ hint: IncidentHintVM | null; mayAppear: boolean }> {
  const keys = problemSignature(request.messages);
  noteSignature?.(keys);
  if (keys.length === 0) return { hint: null, mayAppear: false };
  return { hint: await hintFor(store, request, keys), mayAppear: true };
}

async function hintFor(
  store: Store,
  request: { workspaceId: string; conversationId: string; now: number; zone: string },
  keys: readonly string[],
): Promise<IncidentHintVM | null> {
  const { workspaceId, conversationId, now } = request;
  const recent = (await store.conversationSignals.listSince(workspaceId, now - NOTICE_WINDOW_MS, RECENT_LIMIT)).filter(
    (other) => other.conversationId !== conversationId,
  );
  const noticed = noticeSimilar(keys, recent, MIN_OTHERS);
  if (!noticed) return null;
  const incident = await incidentOf(store, workspaceId, noticed.conversationIds, noticed.shared);
  const n = noticed.conversationIds.length;
  const what = keys.includes(`code:${noticed.shared}`) ? noticed.shared : `“${noticed.shared}”`;
  const lead = `${n} other conversation${n === 1 ? '' : 's'} since ${clockTime(noticed.since, request.zone)} mention ${what}`;
  if (!incident) return { text: `${lead}. Link them to one incident?`, trackerId: null };
  const number = incident.ticketNumber ? `#${incident.ticketNumber}` : incident.title;
  return { text: `${lead} — incident ${number} is open`, trackerId: incident.trackerId };
}

/** The open incident most of the related conversations are linked to, else one whose title names what they share. */
async function incidentOf(store: Store, workspaceId: string, conversationIds: readonly string[], shared: string): Promise<Incident | null> {
  const links = await store.incidentLinks.listLinkedFor(workspaceId, conversationIds);
  const votes = new Map<string, number>();
  for (const link of links) votes.set(link.trackerId, (votes.get(link.trackerId) ?? 0) + 1);
  for (const [trackerId] of [...votes].sort((a, b) => b[1] - a[1])) {
    const incident = await store.incidents.get(workspaceId, trackerId);
    if (incident?.open) return incident;
  }
  const needle = shared.toLowerCase();
  return (await store.incidents.listOpen(workspaceId, 20)).find((incident) => incident.title.toLowerCase().includes(needle)) ?? null;
}
