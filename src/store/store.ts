/**
 * The Store facade: every repository over one connection (or one transaction).
 * `store.transaction(fn)` hands `fn` a Store whose repositories all write in
 * that transaction; use only that one inside `fn` (on SQLite the outer store
 * would wait for the transaction's connection and deadlock).
 */
import { sql } from 'kysely';
import { type ChangeFeed, type ChangeScope, type ChangeSubject, createChangeFeed } from './change-feed';
import { encodeNotification } from './change-notification';
import type { Database, DialectName } from './database';
import { waitForWriteLock } from './lock-wait';
import { WITH_COMMIT } from './pg-prepared';
import { type AsyncMethod, observeWrites, SIDEBAR_WRITES, writeReport } from './observed-writes';
import { type Db, inTransaction, type RepoContext } from './repos/repo-helpers';
import { type CaseAttachmentsRepo, createCaseAttachmentsRepo } from './repos/case-attachments';
import { type ClocksRepo, createClocksRepo } from './repos/clocks';
import { type ConversationSignalsRepo, createConversationSignalsRepo } from './repos/conversation-signals';
import { createCustomerSideRepo, type CustomerSideRepo } from './repos/customer-side';
import { createEscalationsRepo, type EscalationsRepo } from './repos/escalations';
import { createIncidentLinksRepo, type IncidentLinksRepo } from './repos/incident-links';
import { createIncidentsRepo, type IncidentsRepo } from './repos/incidents';
import { createInstallEventsRepo, type InstallEventsRepo } from './repos/install-events';
import { createLadderRepo, type LadderRepo } from './repos/ladder';
import { createLinkUsesRepo, type LinkUsesRepo } from './repos/link-uses';
import { createOutboxRepo, type OutboxRepo } from './repos/outbox';
import { createReportsRepo, type ReportsRepo } from './repos/reports';
import { createSettingsRepo, type SettingsRepo } from './repos/settings';
import { createSidebarReadRepo, type SidebarReadRepo } from './repos/sidebar-read';
import { createTicketsRepo, type TicketsRepo } from './repos/tickets';
import { createTriageAiRepo, type TriageAiRepo } from './repos/triage-ai';
import { createTriageFeedbackRepo, type TriageFeedbackRepo } from './repos/triage-feedback';
import { createWebhooksRepo, type WebhooksRepo } from './repos/webhooks';
import { createWorkspacesRepo, type WorkspacesRepo } from './repos/workspaces';

export interface Store {
  readonly dialect: DialectName;
  readonly workspaces: WorkspacesRepo;
  readonly settings: SettingsRepo;
  readonly tickets: TicketsRepo;
  readonly escalations: EscalationsRepo;
  readonly clocks: ClocksRepo;
  readonly ladder: LadderRepo;
  readonly outbox: OutboxRepo;
  readonly webhooks: WebhooksRepo;
  readonly linkUses: LinkUsesRepo;
  /** The optional AI triage's provider settings and cached answers (migration 0005). */
  readonly triageAi: TriageAiRepo;
  /** Suggestions beside the agents' choices: the sidebar's recommendation learns from them, so writes are observed. */
  readonly triageFeedback: TriageFeedbackRepo;
  readonly installEvents: InstallEventsRepo;
  /** Tracker tickets Handoff knows and the conversations linked to them (migration 0009): the sidebar shows both. */
  readonly incidents: IncidentsRepo;
  readonly incidentLinks: IncidentLinksRepo;
  /** Conversations attached to another conversation's back-office ticket (migration 0012): both sidebars show it. */
  readonly caseAttachments: CaseAttachmentsRepo;
  /** Recent conversations' problem signatures, for noticing an incident (not observed: see the repository). */
  readonly conversationSignals: ConversationSignalsRepo;
  /** What the customer sees of their cases, the automatic updates decided, the sealed Messenger secret (migration 0010). */
  readonly customerSide: CustomerSideRepo;
  /** The reports' reads, conversations seen and ticket resolutions (migration 0008); nothing the sidebar shows. */
  readonly reports: ReportsRepo;
  /** Everything a conversation's sidebar shows from the store, in one statement (read-only: not observed). */
  readonly sidebar: SidebarReadRepo;
  /** Which workspaces' sidebar-visible rows changed, here or in another process (shared by every transaction store). */
  readonly changes: ChangeFeed;
  /** One trivial round trip (`select 1`): whether the database answers, at a cost that does not grow with the data. */
  ping(): Promise<void>;
  /** Runs `fn` atomically; nested calls join the outer transaction. Throwing rolls everything back. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Closes the database; only the top-level store may. */
  close(): Promise<void>;
}

/** One feed per open database, however many stores wrap it: a write through any of them is a write for all. */
const feeds = new WeakMap<Database, ChangeFeed>();

export function createStore(database: Database): Store {
  let changes = feeds.get(database);
  if (!changes) {
    changes = createChangeFeed(database.external);
    feeds.set(database, changes);
  }
  const channel = database.external.kind === 'postgres' ? { name: database.external.channel, origin: database.external.origin } : null;
  const feed = changes;
  const close = async () => {
    await feed.close();
    await database.close();
  };
  return build(database.db, database.dialect, close, { changes, channel, committed: null }, database.writeLockWaitMs ?? 0);
}

interface WriteReporting {
  changes: ChangeFeed;
  /** PostgreSQL NOTIFY channel for other instances, and this database's origin; null on SQLite (they read `data_version` instead). */
  channel: { name: string; origin: string } | null;
  /** In a transaction store: what was written so far, per workspace, reported again once it commits. */
  committed: Map<string, WorkspaceWrites> | null;
}

/** A transaction's writes to one workspace: the widest scope, and the subjects (null once one write named none). */
interface WorkspaceWrites {
  scope: ChangeScope;
  subjects: Set<ChangeSubject> | null;
}

const SCOPE_WIDTH: Record<ChangeScope, number> = { rows: 0, dead: 1, settings: 2 };

function merge(
  into: Map<string, WorkspaceWrites>,
  workspaceId: string,
  scope: ChangeScope,
  subjects: readonly ChangeSubject[] | null,
): void {
  const seen = into.get(workspaceId);
  if (!seen) {
    into.set(workspaceId, { scope, subjects: subjects && new Set(subjects) });
    return;
  }
  if (SCOPE_WIDTH[scope] > SCOPE_WIDTH[seen.scope]) seen.scope = scope;
  if (subjects === null) seen.subjects = null;
  else for (const subject of subjects) seen.subjects?.add(subject);
}

/**
 * The transaction's NOTIFYs, one per workspace and all in one statement, sent as its last statement: they reach
 * other instances exactly when it commits, and cost no round trip of their own (they travel with the COMMIT).
 */
async function announce(db: Db, channel: { name: string; origin: string }, written: Map<string, WorkspaceWrites>): Promise<void> {
  if (written.size === 0) return;
  const payloads = [...written].map(([workspaceId, w]) =>
    encodeNotification(workspaceId, w.scope, w.subjects && [...w.subjects], channel.origin),
  );
  // Sent with the COMMIT, in its round trip (pg-prepared.ts).
  await sql`${sql.raw(WITH_COMMIT)}select ${sql.join(payloads.map((payload) => sql`pg_notify(${channel.name}, ${payload})`))}`.execute(db);
}

function build(db: Db, dialect: DialectName, close: () => Promise<void>, reporting: WriteReporting, lockWaitMs = 0): Store {
  const ctx: RepoContext = { db, dialect };
  const { changes, channel, committed } = reporting;

  /** How a listed write is reported: see observed-writes.ts and change-feed.ts for why each step is there. */
  const observed = <K extends keyof typeof SIDEBAR_WRITES>(name: K, repo: Store[K]): Store[K] =>
    observeWrites(repo, SIDEBAR_WRITES[name] as unknown as readonly (keyof Store[K] & string)[], (method, original): AsyncMethod => {
      return async (workspaceId, ...rest) => {
        // On PostgreSQL a lone write gets a transaction of its own, so its NOTIFY goes out exactly when it commits.
        if (channel !== null && committed === null) {
          return store.transaction((tx) => (tx[name][method] as unknown as AsyncMethod)(workspaceId, ...rest));
        }
        const result = await original(workspaceId, ...rest);
        const { scope, subjects } = writeReport(name, method, rest);
        changes.written(workspaceId, scope, subjects);
        if (committed) merge(committed, workspaceId, scope, subjects);
        return result;
      };
    });

  const store: Store = {
    dialect,
    workspaces: observed('workspaces', createWorkspacesRepo(ctx)),
    settings: observed('settings', createSettingsRepo(ctx)),
    tickets: observed('tickets', createTicketsRepo(ctx)),
    escalations: observed('escalations', createEscalationsRepo(ctx)),
    clocks: observed('clocks', createClocksRepo(ctx)),
    ladder: createLadderRepo(ctx),
    outbox: observed('outbox', createOutboxRepo(ctx)),
    webhooks: createWebhooksRepo(ctx),
    linkUses: createLinkUsesRepo(ctx),
    triageAi: observed('triageAi', createTriageAiRepo(ctx)),
    triageFeedback: observed('triageFeedback', createTriageFeedbackRepo(ctx)),
    installEvents: createInstallEventsRepo(ctx),
    incidents: observed('incidents', createIncidentsRepo(ctx)),
    incidentLinks: observed('incidentLinks', createIncidentLinksRepo(ctx)),
    caseAttachments: observed('caseAttachments', createCaseAttachmentsRepo(ctx)),
    conversationSignals: createConversationSignalsRepo(ctx),
    customerSide: observed('customerSide', createCustomerSideRepo(ctx)),
    reports: createReportsRepo(ctx),
    sidebar: createSidebarReadRepo(ctx),
    changes,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    transaction: async (fn) => {
      if (db.isTransaction) return fn(store);
      const written = new Map<string, WorkspaceWrites>();
      try {
        return await waitForWriteLock(lockWaitMs, (began) =>
          inTransaction(db, async (tx) => {
            began();
            const value = await fn(build(tx, dialect, closeInTransaction, { changes, channel, committed: written }));
            if (channel !== null) await announce(tx, channel, written);
            return value;
          }),
        );
      } finally {
        // Committed: a reader that looked between the write and now must not keep what it saw. Also after a failure:
        // a commit whose answer was lost may have landed, and this instance ignores the echo of its own NOTIFY.
        for (const [workspaceId, w] of written) changes.written(workspaceId, w.scope, w.subjects && [...w.subjects]);
      }
    },
    close,
  };
  return Object.freeze(store);
}

async function closeInTransaction(): Promise<void> {
  throw new Error('close() called on a transaction store; close the top-level store instead');
}
