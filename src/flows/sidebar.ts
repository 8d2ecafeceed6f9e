/**
 * The first canvas: linked tickets, queued escalations and the signals the
 * app sees in this conversation. Reads only our store and the request body:
 * a warm view makes no Intercom call (the benchmark counts them).
 */
import { sidebarCanvas } from '../../canvases/sidebar';
import { ticketListCanvas } from '../../canvases/ticket-list';
import type { SidebarVM, TimeZoneVM } from '../../canvases/view-models';
import { parseContact, parseConversation } from '../domain/conversation';
import { analyseSignals } from '../domain/signals';
import type { CanvasRequest } from '../http/canvas-request';
import { AppError } from '../http/errors';
import type { Escalation, Workspace } from '../store';
import type { FlowDeps } from './deps';
import { ticketCard } from './ticket-card';
import type { CanvasResponse } from './types';

export function timeZoneOf(workspace: Workspace | null): TimeZoneVM {
  // Canvas Kit requests carry no teammate time zone, so the workspace's (from /me at install) is the best we have.
  return workspace?.timezone ? { zone: workspace.timezone, source: 'workspace' } : { zone: 'UTC', source: 'utc' };
}

async function linkedTicketCards(deps: FlowDeps, request: CanvasRequest, now: number) {
  const { workspaceId, conversationId } = request;
  const [settings, tickets] = await Promise.all([
    deps.settings.get(workspaceId),
    deps.store.tickets.listByConversation(workspaceId, conversationId),
  ]);
  const cards = await Promise.all(
    tickets.map(async (ticket) => {
      const clocks = await deps.store.clocks.listByTicket(workspaceId, ticket.ticketId);
      return ticketCard(ticket, clocks, settings, now, deps.ticketUrl(workspaceId, ticket.ticketId));
    }),
  );
  return { settings, cards };
}

export async function sidebarModel(deps: FlowDeps, request: CanvasRequest): Promise<SidebarVM> {
  const now = deps.clock.now();
  const { workspaceId, conversationId } = request;
  const [workspace, { settings, cards }, active, settingsUrl, history] = await Promise.all([
    deps.directory.get(workspaceId),
    linkedTicketCards(deps, request, now),
    deps.store.escalations.listActiveByConversation(workspaceId, conversationId),
    deps.settingsUrlFor(workspaceId, request.admin),
    deps.store.escalations.listByConversation(workspaceId, conversationId),
  ]);
  const { signals } = analyseSignals({
    conversation: parseConversation(request.conversation),
    contact: request.contact ? parseContact(request.contact) : null,
    company: null,
    settings: settings.signals,
    now,
  });
  if (!workspace || workspace.uninstalledAt !== null) {
    throw new AppError('not_installed', 'Handoff is not installed in this workspace.');
  }
  return {
    now,
    tz: timeZoneOf(workspace),
    tickets: cards,
    pending: active
      .filter((e) => e.status === 'queued' || e.status === 'creating')
      .map((e) => ({
        escalationId: e.id,
        createdAt: e.createdAt,
        message: `${e.request.priority} · ${settings.queues[e.request.queue].label}`,
      })),
    signals: signals.map((s) => ({ label: s.label })),
    settingsUrl,
    contactMissing: request.contact === null,
    failedEscalation: latestFailure(history),
  };
}

/** The conversation's most recent escalation, when it failed for good (a later one, of any outcome, supersedes it). */
function latestFailure(history: readonly Escalation[]): { message: string } | null {
  const rank = (e: Escalation) => (e.status === 'failed' ? 0 : 1);
  const latest = [...history].sort((a, b) => b.createdAt - a.createdAt || rank(b) - rank(a))[0];
  return latest?.status === 'failed' ? { message: latest.lastError ?? 'Intercom refused the ticket.' } : null;
}

export async function sidebar(deps: FlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  return sidebarCanvas(await sidebarModel(deps, request));
}

/** "Show all N tickets", when the first canvas could not fit them. */
export async function allTickets(deps: FlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const now = deps.clock.now();
  const [workspace, { cards }] = await Promise.all([deps.directory.get(request.workspaceId), linkedTicketCards(deps, request, now)]);
  return ticketListCanvas({ now, tz: timeZoneOf(workspace), tickets: cards });
}
