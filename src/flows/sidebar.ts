/**
 * The first canvas: linked tickets (its own, and shared cases it is attached to), queued escalations and the triage
 * recommendation for this conversation.
 * Reads only our store and the request body: a warm view makes no Intercom call (the benchmark counts them).
 * The recommendation is computed from the conversation the request carries (Intercom sends its parts with the
 * initialize request), with the workspace's learnt adjustments from memory; the engine's budget is ≤ 5 ms.
 */
import { asOfLineAt } from '../../canvases/shared-blocks';
import { sidebarCanvas } from '../../canvases/sidebar';
import { ticketListCanvas } from '../../canvases/ticket-list';
import type { RecommendationVM, SidebarVM, TimeZoneVM } from '../../canvases/view-models';
import { parseContact, parseConversation } from '../domain/conversation';
import { describeRecommendation, triageInputFrom } from '../domain/recommendation';
import type { WorkspaceSettings } from '../domain/settings';
import { analyseSignals } from '../domain/signals';
import type { Recommended } from '../services/triage';
import type { CanvasRequest } from './types';
import { AppError } from '../util/app-error';
import { deadWorkByTicket, deadWorkLine } from '../services/dead-work';
import {
  type ChangeSubject,
  conversationSubject,
  escalationSubject,
  incidentSubject,
  type SidebarEscalation,
  type OutboxJob,
  type SidebarRows,
  ticketSubject,
  type Workspace,
} from '../store';
import type { FlowDeps } from './deps';
import { incidentHint } from './incidents/notice';
import { incidentVM } from './incidents/view';
import { ticketCardView } from './ticket-card-model';
import type { CanvasResponse, FlowContext } from './types';

export function timeZoneOf(workspace: Workspace | null): TimeZoneVM {
  // Canvas Kit requests carry no teammate time zone, so the workspace's (from /me at install) is the best we have.
  return workspace?.timezone ? { zone: workspace.timezone, source: 'workspace' } : { zone: 'UTC', source: 'utc' };
}

/** What the sidebar is drawn from: the conversation's rows, and the workspace's (kept in memory until they change). */
interface SidebarInputs {
  rows: SidebarRows;
  workspace: Workspace | null;
  settings: WorkspaceSettings;
  dead: readonly OutboxJob[];
}

/**
 * Everything in one go: the conversation's rows in one statement (src/store/repos/sidebar-read.ts), beside the
 * workspace row, settings and dead work, which the change feed keeps in memory until they change.
 */
async function readInputs(deps: FlowDeps, workspaceId: string, conversationId: string): Promise<SidebarInputs> {
  const [rows, workspace, settings, dead] = await Promise.all([
    deps.store.sidebar.read(workspaceId, conversationId),
    deps.directory.get(workspaceId),
    deps.settings.get(workspaceId),
    deps.deadWork.list(workspaceId),
  ]);
  return { rows, workspace, settings, dead };
}

/** The cards of the conversation's tickets: its own, and those of the shared cases attached here. */
function linkedTicketCards(deps: FlowDeps, request: CanvasRequest, now: number, { rows, settings, dead }: SidebarInputs) {
  const { workspaceId, conversationId } = request;
  const sharing = new Map(
    rows.shared.map((s) => [s.ticket.ticketId, { conversations: s.attachedCount + 1, attachmentId: s.attachmentId }]),
  );
  const tickets = [
    ...rows.tickets,
    ...rows.shared.filter((s) => s.attachmentId !== null && s.ticket.conversationId !== conversationId).map((s) => s.ticket),
  ];
  const failed = deadWorkByTicket(
    dead,
    tickets.map((t) => t.ticketId),
    rows.escalations,
  );
  const views = tickets.map((ticket) => {
    const clocks = rows.clocks.filter((clock) => clock.ticketId === ticket.ticketId);
    const url = deps.ticketUrl(workspaceId, ticket.ticketId);
    const view = ticketCardView(ticket, clocks, settings, now, url, deadWorkLine(failed.get(ticket.ticketId) ?? []));
    const customerUpdates = rows.sentUpdates
      .filter((update) => update.ticketId === ticket.ticketId)
      .map((update) => ({ state: update.state, sentAt: update.decidedAt }))
      .reverse();
    return { ...view, card: { ...view.card, customerUpdates, shared: sharing.get(ticket.ticketId) ?? null } };
  });
  const stableUntil = Math.min(Number.POSITIVE_INFINITY, ...views.map((v) => v.stableUntil));
  return { cards: views.map((v) => v.card), stableUntil, ticketIds: tickets.map((t) => t.ticketId) };
}

export interface SidebarView {
  vm: SidebarVM;
  /**
   * Until this instant (exclusive) the same request renders the same canvas, unless the store changes: the
   * "As of" minute, each SLA clock's next visible change, the renewal signal's next day. A settings link minted
   * now (sandbox) is reused for at most that minute of its 15-minute life.
   */
  stableUntil: number;
  /**
   * When nothing but the "As of" line moves with the minute: until when the rest of the canvas reads the same
   * (the clocks' and the renewal's bounds), for answering it again with that line drawn anew. Null otherwise.
   */
  asOfBoundOnly: number | null;
  /**
   * What the view was built from, finer than the workspace: the conversation, its tickets, its escalations and its
   * incident.
   * A write to none of them (and to nothing workspace-wide) leaves the canvas as it is (src/store/change-feed.ts).
   */
  subjects: ChangeSubject[];
}

export async function sidebarView(deps: FlowDeps, request: CanvasRequest): Promise<SidebarView> {
  const now = deps.clock.now();
  const { workspaceId, conversationId } = request;
  const [inputs, settingsUrl, reportsUrl] = await Promise.all([
    readInputs(deps, workspaceId, conversationId),
    deps.settingsUrlFor(workspaceId, request.admin),
    deps.reportsUrlFor ? deps.reportsUrlFor(workspaceId, request.admin) : null,
  ]);
  const { rows, workspace, settings } = inputs;
  const { cards, stableUntil: cardsStableUntil, ticketIds } = linkedTicketCards(deps, request, now, inputs);
  const history = rows.escalations;
  const incident = rows.incident && incidentVM(deps, workspaceId, rows.incident);
  if (!workspace || workspace.uninstalledAt !== null) {
    throw new AppError('not_installed', 'Handoff is not installed in this workspace.');
  }
  // The escalation rate's denominator; memory only here, written in batches by a background job.
  deps.conversationSeen?.(workspaceId, conversationId);
  // Only worth computing while there is no ticket: with one linked, the canvas shows the ticket instead, and nothing
  // read from the conversation's parts (signals, the renewal count, the incident hint) is on it. Most fresh views in
  // a busy Inbox are of conversations with a ticket; reading their parts was a sixth of such a view's CPU
  // (bench/profile-fresh.ts). A conversation's problem signature is kept by the views before it is escalated.
  const triage = cards.length === 0 ? await recommendFor(deps, request, settings, now) : null;
  const recommended = triage?.recommended ?? null;
  const noticed =
    triage && !incident
      ? await incidentHint(
          deps.store,
          { workspaceId, conversationId, messages: triage.messages, now, zone: timeZoneOf(workspace).zone },
          (keys) => deps.problemSeen?.(workspaceId, conversationId, keys, now),
        )
      : null;
  const hint = noticed?.hint ?? null;
  const vm: SidebarVM = {
    now,
    tz: timeZoneOf(workspace),
    tickets: cards,
    // Still on their way to a ticket, oldest first (the history is in creation order).
    pending: history
      .filter((e) => e.status === 'queued' || e.status === 'creating')
      .map((e) => ({
        escalationId: e.id,
        createdAt: e.createdAt,
        message: `${e.priority} · ${settings.queues[e.queue].label}`,
      })),
    recommendation: recommended ? recommendationVM(recommended, settings, timeZoneOf(workspace).zone) : null,
    settingsUrl,
    reportsUrl,
    contactMissing: request.contact === null,
    failedEscalation: latestFailure(history),
    incident,
    incidentHint: hint,
  };
  // What moves with time alone, besides the "As of" minute: the clocks' lines and the renewal count.
  const timeBound = Math.min(
    cardsStableUntil,
    triage ? renewalStableUntil(triage.renewalAt, triage.renewalInDays) : Number.POSITIVE_INFINITY,
  );
  // The incident hint comes from other conversations' signatures, recorded unobserved, in a window that slides with
  // time; an expiring link must not be handed out past its minute. Those views keep the minute bound.
  const minuteBound = Boolean(noticed?.mayAppear || deps.pageLinksExpire);
  return {
    vm,
    stableUntil: Math.min(nextMinute(now), timeBound),
    asOfBoundOnly: minuteBound ? null : timeBound,
    subjects: [
      conversationSubject(conversationId),
      ...ticketIds.map(ticketSubject),
      ...history.map((e) => escalationSubject(e.id)),
      // The incident block shows the follow-ups' progress, written under the incident for all its conversations.
      ...(incident?.trackerId ? [incidentSubject(incident.trackerId)] : []),
    ],
  };
}

/** The triage recommendation for the conversation the request carries, and the renewal count its reasons may show. */
async function recommendFor(deps: FlowDeps, request: CanvasRequest, settings: WorkspaceSettings, now: number) {
  const conversation = parseConversation(request.conversation);
  const { facts } = analyseSignals({
    conversation,
    contact: request.contact ? parseContact(request.contact) : null,
    company: null,
    settings: settings.signals,
    now,
  });
  const recommended = await deps.triage.recommend(request.workspaceId, conversation, facts);
  // The same reading of the messages the triage engine gets: the incident hint's problem signature comes from it.
  const { messages } = triageInputFrom(conversation, { tier: facts.tier, isVip: facts.isVip, renewalInDays: facts.renewalInDays }).input;
  return { recommended, messages, renewalAt: facts.renewalAt, renewalInDays: facts.renewalInDays };
}

function recommendationVM(recommended: Recommended, settings: WorkspaceSettings, zone: string): RecommendationVM {
  const view = describeRecommendation(recommended.recommendation, recommended.mapped.input.messages, (q) => settings.queues[q].label, zone);
  return {
    kind: view.kind,
    headline: view.headline,
    reasons: view.reasons.map(({ text, source }) => ({ text, source })),
    closeCall: view.closeCall,
  };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** "As of 4:05 PM": every zone in use is offset by whole minutes, so the stamp turns with the UTC minute. */
function nextMinute(now: number): number {
  return (Math.floor(now / MINUTE) + 1) * MINUTE;
}

/** "Renewal in N days" counts whole days up to the renewal (readRenewal), so it drops a day at renewal − (N − 1) days. */
export function renewalStableUntil(renewalAt: number | null, inDays: number | null): number {
  if (renewalAt === null || inDays === null) return Number.POSITIVE_INFINITY;
  return inDays >= 1 ? renewalAt - (inDays - 1) * DAY : renewalAt + 1;
}

/** The conversation's most recent escalation, when it failed for good (a later one, of any outcome, supersedes it). */
function latestFailure(history: readonly SidebarEscalation[]): { message: string } | null {
  const rank = (e: SidebarEscalation) => (e.status === 'failed' ? 0 : 1);
  const latest = [...history].sort((a, b) => b.createdAt - a.createdAt || rank(b) - rank(a))[0];
  return latest?.status === 'failed' ? { message: latest.lastError ?? 'Intercom refused the ticket.' } : null;
}

export async function sidebar(deps: FlowDeps, request: CanvasRequest, ctx?: FlowContext): Promise<CanvasResponse> {
  // Stamped before reading: a write landing while we read makes the canvas unfit for reuse (src/store/change-feed.ts).
  const stamp = deps.store.changes.stamp();
  const { vm, stableUntil, asOfBoundOnly, subjects } = await sidebarView(deps, request);
  ctx?.offerReuse?.({
    workspaceId: request.workspaceId,
    stamp,
    until: stableUntil,
    subjects,
    ...(asOfBoundOnly !== null && asOfBoundOnly > stableUntil
      ? { restamp: { renderedAt: vm.now, until: asOfBoundOnly, lineAt: asOfLineAt(vm.now, vm.tz) } }
      : {}),
  });
  return sidebarCanvas(vm);
}

/** "Show all N tickets", when the first canvas could not fit them. */
export async function allTickets(deps: FlowDeps, request: CanvasRequest): Promise<CanvasResponse> {
  const now = deps.clock.now();
  const inputs = await readInputs(deps, request.workspaceId, request.conversationId);
  const { cards } = linkedTicketCards(deps, request, now, inputs);
  return ticketListCanvas({ now, tz: timeZoneOf(inputs.workspace), tickets: cards });
}
