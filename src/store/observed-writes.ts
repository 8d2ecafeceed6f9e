/**
 * The repository methods that write rows the sidebar shows, and the wrapper that reports each such write to the
 * change feed (src/store/change-feed.ts). Every one of them takes the workspace id first (see README.md).
 * A method missing here would let the sidebar reuse a canvas built before its write: the contract test
 * `test/store/observed-writes.test.ts` checks every write method is either listed or known not to matter.
 */
import type { ClocksRepo } from './repos/clocks';
import type { CustomerSideRepo } from './repos/customer-side';
import type { EscalationsRepo } from './repos/escalations';
import type { IncidentLinksRepo } from './repos/incident-links';
import type { IncidentsRepo } from './repos/incidents';
import type { OutboxRepo } from './repos/outbox';
import type { SettingsRepo } from './repos/settings';
import type { TicketsRepo } from './repos/tickets';
import type { TriageAiRepo } from './repos/triage-ai';
import type { TriageFeedbackRepo } from './repos/triage-feedback';
import type { WorkspacesRepo } from './repos/workspaces';

export const SIDEBAR_WRITES = {
  workspaces: ['upsert', 'setToken', 'markUninstalled', 'purge'],
  settings: ['save'],
  tickets: ['upsert', 'markSynced'],
  escalations: ['reserve', 'updateStatus'],
  clocks: ['upsert'],
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
};

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
