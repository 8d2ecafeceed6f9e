/**
 * The conversation's incident as the sidebar and the details screen show it, from our store only (a warm view
 * makes no Intercom call): its standing link, the tracker's snapshot and, once resolved, the follow-ups' progress.
 * The sidebar reads all three in its one statement (src/store/repos/sidebar-read.ts); the details screen reads them
 * here. Both draw them with `incidentVM`.
 */
import type { IncidentVM } from '../../../canvases/view-models';
import { followUpProgress } from '../../services/incidents';
import type { SidebarIncident } from '../../store';
import type { FlowDeps } from '../deps';

type ViewDeps = Pick<FlowDeps, 'store' | 'ticketUrl'>;

export async function incidentView(deps: ViewDeps, workspaceId: string, conversationId: string): Promise<IncidentVM | null> {
  const link = await deps.store.incidentLinks.getStanding(workspaceId, conversationId);
  if (!link) return null;
  const tracker = link.trackerId ? await deps.store.incidents.get(workspaceId, link.trackerId) : null;
  const progress = tracker && showsFollowUps(link, tracker) ? await followUpProgress(deps.store, tracker) : null;
  return incidentVM(deps, workspaceId, { link, tracker, followUps: progress ?? { done: 0, total: 0 } });
}

/** Only a linked conversation of a resolved incident shows how far the follow-ups got. */
function showsFollowUps(link: SidebarIncident['link'], tracker: { resolvedAt: number | null }): boolean {
  return link.status === 'linked' && tracker.resolvedAt !== null;
}

/** The incident block: null once the link no longer stands (failed or unlinked). */
export function incidentVM(deps: Pick<FlowDeps, 'ticketUrl'>, workspaceId: string, read: SidebarIncident): IncidentVM | null {
  const { link, tracker } = read;
  if (link.status !== 'linking' && link.status !== 'linked' && link.status !== 'unlinking') return null;
  return {
    linkId: link.id,
    trackerId: link.trackerId,
    number: tracker?.ticketNumber ?? null,
    title: tracker?.title ?? 'New incident from this conversation',
    stateLabel: tracker?.stateLabel ?? (tracker ? tracker.stateCategory : 'Being created'),
    linkedCount: tracker?.linkedCount ?? 1,
    status: link.status,
    followUps: tracker && showsFollowUps(link, tracker) ? read.followUps : null,
    url: link.trackerId ? deps.ticketUrl(workspaceId, link.trackerId) : null,
  };
}
