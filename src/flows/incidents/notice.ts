/**
 * Noticing it first: this conversation's problem signature (src/domain/incidents) is kept, and compared with the
 * workspace's conversations of the last hours. When at least two others report the same problem the sidebar says
 * so, and names the open incident they are linked to (or whose title names what they share), so the next link is
 * one click: "4 other conversations since 09:10 mention E_PAYMENT_502 — incident #88 is open".
 * Store only, bounded: at most one upsert (see `putSignature`) and two indexed reads of at most `RECENT_LIMIT` rows.
 */
import type { IncidentHintVM } from '../../../canvases/view-models';
import { noticeSimilar } from '../../domain/incidents/grouping';
import { problemSignature } from '../../domain/incidents/signature';
import { clockTime } from '../../domain/recommendation/clock-time';
import type { TriageMessage } from '../../domain/triage/types';
import type { Incident, Store } from '../../store';
import { BoundedMemo } from '../../util/bounded-memo';

export const NOTICE_WINDOW_MS = 6 * 60 * 60_000;
export const RECENT_LIMIT = 500;
/** Two others make three reports of one problem: fewer is a coincidence more often than an outage. */
export const MIN_OTHERS = 2;

/**
 * A view writes the signature only when it changed or its last write is older than `REWRITE_MS`: the sidebar is
 * viewed far more often than a conversation changes, and a write per view would cost every fresh render a write.
 * Per store (each open database), bounded; a restart simply writes again.
 */
export const REWRITE_MS = 10 * 60_000;
const written = new WeakMap<Store, BoundedMemo<string, Promise<void>>>();

function putSignature(store: Store, workspaceId: string, conversationId: string, keys: readonly string[], now: number): Promise<void> {
  let memo = written.get(store);
  if (!memo) {
    memo = new BoundedMemo(10_000);
    written.set(store, memo);
  }
  const key = `${workspaceId}\u0000${conversationId}\u0000${keys.join(' ')}\u0000${Math.floor(now / REWRITE_MS)}`;
  const write = memo.get(key, () => store.conversationSignals.put(workspaceId, conversationId, keys, now));
  // A failed write is not remembered: the next view tries again.
  return write.catch((error: unknown) => {
    memo?.clear();
    throw error;
  });
}

export async function incidentHint(
  store: Store,
  request: { workspaceId: string; conversationId: string; messages: readonly TriageMessage[]; now: number; zone: string },
): Promise<IncidentHintVM | null> {
  const { workspaceId, conversationId, now } = request;
  const keys = problemSignature(request.messages);
  await putSignature(store, workspaceId, conversationId, keys, now);
  if (keys.length === 0) return null;
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
