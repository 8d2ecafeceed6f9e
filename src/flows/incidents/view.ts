/**
 * The conversation's incident as the sidebar and the details screen show it, from our store only (a warm view
 * makes no Intercom call): its standing link, the tracker's snapshot and, once resolved, the follow-ups' progress.
 */
import type { IncidentVM } from '../../../canvases/view-models';
import { followUpProgress } from '../../services/incidents';
import type { IncidentLink } from '../../store';
import type { FlowDeps } from '../deps';

export async function incidentView(
  deps: Pick<FlowDeps, 'store' | 'ticketUrl'>,
  workspaceId: string,
  conversationId: string,
): Promise<IncidentVM | null> {
  const link = await deps.store.incidentLinks.getStanding(workspaceId, conversationId);
  if (!link) return null;
  return viewOf(deps, link);
}

export async function viewOf(deps: Pick<FlowDeps, 'store' | 'ticketUrl'>, link: IncidentLink): Promise<IncidentVM | null> {
  if (link.status !== 'linking' && link.status !== 'linked' && link.status !== 'unlinking') return null;
  const incident = link.trackerId ? await deps.store.incidents.get(link.workspaceId, link.trackerId) : null;
  const followUps = incident && link.status === 'linked' ? await followUpProgress(deps.store, incident) : null;
  return {
    linkId: link.id,
    trackerId: link.trackerId,
    number: incident?.ticketNumber ?? null,
    title: incident?.title ?? 'New incident from this conversation',
    stateLabel: incident?.stateLabel ?? (incident ? incident.stateCategory : 'Being created'),
    linkedCount: incident?.linkedCount ?? 1,
    status: link.status,
    followUps,
    url: link.trackerId ? deps.ticketUrl(link.workspaceId, link.trackerId) : null,
  };
}
