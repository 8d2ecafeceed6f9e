/**
 * The repository methods that write rows the sidebar shows, and the wrapper that reports each such write to the
 * change feed (src/store/change-feed.ts). Every one of them takes the workspace id first (see README.md).
 * A method missing here would let the sidebar reuse a canvas built before its write: the contract test
 * `test/store/observed-writes.test.ts` checks every write method is either listed or known not to matter.
 */
import {
  type ChangeScope,
  type ChangeSubject,
  conversationSubject,
  escalationSubject,
  incidentSubject,
  ticketSubject,
} from './change-feed';
import type { AttachmentRef, AttachRequest, CaseAttachmentsRepo } from './repos/case-attachments';
import type { ClocksRepo, SlaClockWrite } from './repos/clocks';
import type { CustomerSideRepo, CustomerUpdate } from './repos/customer-side';
import type { EscalationsRepo, ReserveInput } from './repos/escalations';
import type { FollowedUpLink, IncidentLinksRepo, LinkRequest } from './repos/incident-links';
import type { IncidentsRepo } from './repos/incidents';
import type { OutboxRepo } from './repos/outbox';
import type { SettingsRepo } from './repos/settings';
import type { TicketSnapshot, TicketsRepo } from './repos/tickets';
import type { TriageAiCacheEntry, TriageAiRepo } from './repos/triage-ai';
import type { TriageFeedbackRepo } from './repos/triage-feedback';
import type { WorkspacesRepo } from './repos/workspaces';

export const SIDEBAR_WRITES = {
  workspaces: ['upsert', 'setToken', 'markUninstalled', 'purge'],
  settings: ['save'],
  tickets: ['upsert', 'upsertMany', 'markSynced'],
  escalations: ['reserve', 'updateStatus'],
  clocks: ['upsert', 'upsertMany'],
  // A new AI answer, or the provider switched off, changes the recommendation the sidebar shows.
  triageAi: ['saveSettings', 'putCached'],
  // Learnt from on the next recommendation, which the sidebar shows.
  triageFeedback: ['record'],
  // A ticket card says when its work went dead (and stops saying so once it is retried).
  outbox: ['deadLetter', 'revive'],
  // The incident block: its state, how many conversations it has, how far its follow-ups are.
  incidents: ['upsert'],
  incidentLinks: ['reserve', 'setStatus', 'attachTracker', 'markFollowedUp'],
  // A ticket card lists the updates sent to the customer.
  customerSide: ['recordUpdate'],
  // A shared ticket's card, in every conversation that has it: attached here, and "shared with N conversations".
  caseAttachments: ['reserve', 'detach'],
} as const satisfies {
  workspaces: readonly (keyof WorkspacesRepo)[];
  settings: readonly (keyof SettingsRepo)[];
  tickets: readonly (keyof TicketsRepo)[];
  escalations: readonly (keyof EscalationsRepo)[];
  clocks: readonly (keyof ClocksRepo)[];
  triageAi: readonly (keyof TriageAiRepo)[];
  triageFeedback: readonly (keyof TriageFeedbackRepo)[];
  outbox: readonly (keyof OutboxRepo)[];
  incidents: readonly (keyof IncidentsRepo)[];
  incidentLinks: readonly (keyof IncidentLinksRepo)[];
  customerSide: readonly (keyof CustomerSideRepo)[];
  caseAttachments: readonly (keyof CaseAttachmentsRepo)[];
};

/**
 * What a listed write touched, from its arguments after the workspace id, for the writes that can say: the change
 * feed then keeps every other conversation's sidebar reusable. A write not named here reaches the whole workspace.
 * A ticket's snapshot names its conversation too (a ticket newly linked there changes that conversation's list).
 */
const SUBJECTS_OF: {
  [R in keyof typeof SIDEBAR_WRITES]?: { [M in (typeof SIDEBAR_WRITES)[R][number]]?: (...args: never[]) => ChangeSubject[] };
} = {
  tickets: {
    upsert: (snapshot: TicketSnapshot) => [ticketSubject(snapshot.ticketId), conversationSubject(snapshot.conversationId)],
    upsertMany: (links: readonly TicketSnapshot[]) =>
      links.flatMap((link) => [ticketSubject(link.ticketId), conversationSubject(link.conversationId)]),
    markSynced: (ticketId: string) => [ticketSubject(ticketId)],
  },
  clocks: {
    upsert: (clock: SlaClockWrite) => [ticketSubject(clock.ticketId)],
    upsertMany: (clocks: readonly SlaClockWrite[]) => clocks.map((clock) => ticketSubject(clock.ticketId)),
  },
  escalations: {
    reserve: (input: ReserveInput) => [conversationSubject(input.conversationId)],
    updateStatus: (escalationId: string) => [escalationSubject(escalationId)],
  },
  triageAi: { putCached: (entry: TriageAiCacheEntry) => [conversationSubject(entry.conversationId)] },
  // A link being reserved belongs to one conversation. Its later steps (linked, unlinked, failed) are addressed by
  // link id and reach the workspace: rare, human-paced writes that also change other conversations' hints (which
  // incident their neighbours are linked to). A follow-up's progress shows only where the incident is shown, and a
  // fan-out writes it ten times a second for minutes: it names the conversation and the incident.
  incidentLinks: {
    reserve: (request: LinkRequest) => [conversationSubject(request.conversationId)],
    markFollowedUp: (link: FollowedUpLink) => [conversationSubject(link.conversationId), incidentSubject(link.trackerId)],
  },
  customerSide: { recordUpdate: (update: CustomerUpdate) => [conversationSubject(update.conversationId), ticketSubject(update.ticketId)] },
  // The ticket reaches every conversation showing it (the one that opened it and every attached one: their views
  // name the ticket), the conversation the one attached or detached.
  caseAttachments: {
    reserve: (request: AttachRequest) => [ticketSubject(request.ticketId), conversationSubject(request.conversationId)],
    detach: (ref: AttachmentRef) => [ticketSubject(ref.ticketId), conversationSubject(ref.conversationId)],
  },
};

/** The scope and subjects a listed write reports (see change-feed.ts). */
export function writeReport(
  repo: keyof typeof SIDEBAR_WRITES,
  method: string,
  args: readonly unknown[],
): { scope: ChangeScope; subjects: ChangeSubject[] | null } {
  if (repo === 'settings' || repo === 'workspaces') return { scope: 'settings', subjects: null };
  if (repo === 'outbox') return { scope: 'dead', subjects: null };
  const subjectsOf = (SUBJECTS_OF[repo] as Record<string, ((...args: unknown[]) => ChangeSubject[]) | undefined> | undefined)?.[method];
  return { scope: 'rows', subjects: subjectsOf ? subjectsOf(...args) : null };
}

export type AsyncMethod = (workspaceId: string, ...rest: never[]) => Promise<unknown>;

/**
 * `repo` with each listed method replaced by `wrap(original)`. The wrapper decides how the write is reported
 * (after it, inside the caller's transaction, or in a transaction of its own: see store.ts).
 */
export function observeWrites<T extends object>(
  repo: T,
  methods: readonly (keyof T & string)[],
  wrap: (method: keyof T & string, original: AsyncMethod) => AsyncMethod,
): T {
  const observed = { ...repo };
  for (const name of methods) {
    const original = (repo[name] as AsyncMethod).bind(repo);
    observed[name] = wrap(name, original) as T[keyof T & string];
  }
  return observed;
}
