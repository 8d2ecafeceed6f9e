/**
 * Which workspaces' sidebar-visible rows (install, settings, ticket snapshots, escalations, SLA clocks) may have
 * changed since a reader looked. The sidebar reuses a rendered canvas only while nothing it was built from has
 * changed (src/http/initialize-reuse.ts); this is how it knows, without a query per view.
 *
 * Three sources of change, all folded into one sequence number:
 * - writes through this process's Store, reported by the repositories (src/store/observed-writes.ts): when the
 *   write is made, and again once its transaction commits (a reader that looked in between must not keep what it saw);
 * - on SQLite, commits by any other connection to the same file (another process): `PRAGMA data_version`, which
 *   SQLite changes exactly then, is read on every check; any change invalidates every workspace;
 * - on PostgreSQL, other app instances' commits, heard through LISTEN/NOTIFY (the writer's NOTIFY is part of its
 *   transaction, so it arrives only after the commit). While the listening connection is not up, nothing counts
 *   as unchanged: the sidebar just renders afresh every time until it is back.
 */
import { createListener } from './change-listener';
import { CHANGE_SCOPES, type ChangeScope } from './change-notification';
import type { ExternalChanges } from './database';
import { createSharedViews, type SharedView, type SharedViews } from './shared-views';

export type { ChangeScope } from './change-notification';
export type { SharedView } from './shared-views';

/**
 * What a write touched, finer than its workspace: one ticket, one conversation, one escalation, one incident. A view built from
 * a few of them (one conversation's sidebar) stays right while none of them, and nothing workspace-wide, changed:
 * a webhook for one ticket leaves every other conversation's sidebar reusable. Built by the helpers below only.
 */
export type ChangeSubject = string & { readonly __subject: unique symbol };
export const ticketSubject = (ticketId: string) => `t:${ticketId}` as ChangeSubject;
export const conversationSubject = (conversationId: string) => `c:${conversationId}` as ChangeSubject;
export const escalationSubject = (escalationId: string) => `e:${escalationId}` as ChangeSubject;
/** An incident (a tracker ticket): what every conversation linked to it shows of it, such as its follow-ups' progress. */
export const incidentSubject = (trackerId: string) => `i:${trackerId}` as ChangeSubject;

/**
 * Why a kept view may no longer be right (for /metrics: which writes cost reuse): the feed could not vouch for
 * anything (`unheard`: PostgreSQL's listening connection down or reconnected), everything was invalidated, a
 * workspace-wide write, or a write to one of the view's subjects. `notified`: the latest such write was heard through
 * NOTIFY (another instance's; an instance also hears its own writes there, after it has counted them locally).
 */
export interface StaleCause {
  kind: 'unheard' | 'everything' | 'workspace' | 'subject';
  notified: boolean;
}

export interface ChangeFeed {
  /** Take before reading; later, `unchangedSince(workspace, stamp)` says whether what was read still stands. */
  stamp(): number;
  /** Whether no write of at least `scope` reached the workspace since `stamp` (default: any write at all). */
  unchangedSince(workspaceId: string, stamp: number, scope?: ChangeScope): boolean;
  /**
   * Whether nothing that could change a view built from `subjects` was written since `stamp`: no write to one of
   * them and no workspace-wide write (settings, install, dead work, learning, a write that named no subject).
   * With no subjects: whether only subject writes happened.
   */
  subjectsUnchangedSince(workspaceId: string, stamp: number, subjects: readonly ChangeSubject[]): boolean;
  /**
   * The same question, answered with the reason when the answer is no; null when nothing changed. `inCommitOrder`:
   * for a view shared between instances (shared-views.ts), this instance's own subject writes count also when their
   * echo is heard, i.e. at their place in the commit order, not only when they were made.
   */
  staleCause(workspaceId: string, stamp: number, subjects: readonly ChangeSubject[], inCommitOrder?: boolean): StaleCause | null;
  /** PostgreSQL: offers a view rendered here from reads that began at `stamp` to the other instances; elsewhere nothing. */
  shareView(view: SharedView, stamp: number): void;
  /** Hands over other instances' views, each with the stamp to check it against (`staleCause(…, true)`). */
  receiveSharedViews(receive: (view: SharedView, stamp: number) => void): void;
  /**
   * A write to the workspace (called by the store; twice for a transaction). `subjects`: what it touched, when
   * the write can say; null (the default) means anything in the workspace may show it.
   */
  written(workspaceId: string, scope?: ChangeScope, subjects?: readonly ChangeSubject[] | null): void;
  /** Stops listening (PostgreSQL); called when the store closes. */
  close(): Promise<void>;
}

/**
 * Subjects remembered at most: each one is a map entry, and a busy instance writes to many tickets. The oldest are
 * forgotten first, and a forgotten subject counts as changed when it was forgotten (never as unchanged).
 */
export const MAX_SUBJECTS_REMEMBERED = 200_000;

export function createChangeFeed(external: ExternalChanges, maxSubjects = MAX_SUBJECTS_REMEMBERED): ChangeFeed {
  let sequence = 1;
  /** Sequence number of the last change seen per workspace and scope; `everythingAt` covers changes of unknown scope. */
  const changedAt: Record<ChangeScope, Map<string, number>> = { rows: new Map(), dead: new Map(), settings: new Map() };
  /** The last write per workspace that named no subject (it may show in any view of the workspace). */
  const wideAt = new Map<string, number>();
  /** The last write per workspace and subject, oldest first (a rewrite moves it to the end). */
  const subjectAt = new Map<string, number>();
  /** Which of those last writes were heard through NOTIFY (wide: per workspace; subjects: per key), for staleCause. */
  const wideNotified = new Set<string>();
  const subjectNotified = new Set<string>();
  /** This instance's own subject writes, by when their echo was heard (for views shared between instances). */
  const echoAt = new Map<string, number>();
  let forgottenAt = 0;
  let echoForgottenAt = 0;
  let everythingAt = 0;
  const bump = () => ++sequence;
  const invalidateAll = () => {
    everythingAt = bump();
    for (const scope of CHANGE_SCOPES) changedAt[scope].clear();
    wideAt.clear();
    subjectAt.clear();
    wideNotified.clear();
    subjectNotified.clear();
    echoAt.clear();
    sharing?.reset();
  };

  let lastDataVersion = external.kind === 'sqlite' ? external.dataVersion() : 0;
  // Connected on first use: a store nobody asks (jobs, scripts, most tests) never holds a listening connection.
  let listener: ReturnType<typeof createListener> | null = null;

  function markChanged(
    workspaceId: string,
    scope: ChangeScope = 'rows',
    subjects: readonly ChangeSubject[] | null = null,
    notified = false,
  ): void {
    const at = bump();
    for (const each of CHANGE_SCOPES.slice(0, CHANGE_SCOPES.indexOf(scope) + 1)) changedAt[each].set(workspaceId, at);
    if (subjects === null || scope !== 'rows') {
      wideAt.set(workspaceId, at);
      if (notified) wideNotified.add(workspaceId);
      else wideNotified.delete(workspaceId);
      return;
    }
    for (const subject of subjects) {
      const key = subjectKey(workspaceId, subject);
      subjectAt.delete(key);
      subjectAt.set(key, at);
      if (notified) subjectNotified.add(key);
      else subjectNotified.delete(key);
    }
    while (subjectAt.size > maxSubjects) {
      const [oldest, oldestAt] = subjectAt.entries().next().value as [string, number];
      subjectAt.delete(oldest);
      subjectNotified.delete(oldest);
      forgottenAt = Math.max(forgottenAt, oldestAt);
    }
  }

  /** Our own subject write's echo: the place of its commit among everyone's, which a shared view is checked against. */
  function echoed(workspaceId: string, subjects: readonly ChangeSubject[]): void {
    const at = bump();
    for (const subject of subjects) {
      const key = subjectKey(workspaceId, subject);
      echoAt.delete(key);
      echoAt.set(key, at);
    }
    while (echoAt.size > maxSubjects) {
      const [oldest, oldestAt] = echoAt.entries().next().value as [string, number];
      echoAt.delete(oldest);
      echoForgottenAt = Math.max(echoForgottenAt, oldestAt);
    }
  }

  function staleCause(workspaceId: string, stamp: number, subjects: readonly ChangeSubject[], inCommitOrder = false): StaleCause | null {
    if (!trusted()) return { kind: 'unheard', notified: false };
    if (everythingAt > stamp) return { kind: 'everything', notified: false };
    if ((wideAt.get(workspaceId) ?? 0) > stamp) return { kind: 'workspace', notified: wideNotified.has(workspaceId) };
    for (const subject of subjects) {
      const key = subjectKey(workspaceId, subject);
      if ((subjectAt.get(key) ?? forgottenAt) > stamp) return { kind: 'subject', notified: subjectNotified.has(key) };
      if (inCommitOrder && (echoAt.get(key) ?? echoForgottenAt) > stamp) return { kind: 'subject', notified: true };
    }
    return null;
  }

  let receiver: ((view: SharedView, stamp: number) => void) | null = null;
  const sharing: SharedViews | null =
    external.kind === 'postgres'
      ? createSharedViews({
          origin: external.origin,
          send: (payloads) => external.notifyViews(payloads),
          stale: (view, stamp) => staleCause(view.workspaceId, stamp, view.subjects, true) !== null,
          position: () => sequence,
          receive: (view, stamp) => receiver?.(view, stamp),
        })
      : null;

  function pollOtherConnections(): void {
    if (external.kind !== 'sqlite') return;
    const version = external.dataVersion();
    if (version !== lastDataVersion) {
      lastDataVersion = version;
      invalidateAll();
    }
  }

  /** Whether anything at all may be trusted now (PostgreSQL: only while another instance's writes can be heard). */
  function trusted(): boolean {
    pollOtherConnections();
    if (external.kind !== 'postgres') return true;
    listener ??= createListener(external, {
      changed: markChanged,
      echoed,
      views: (payload) => sharing?.heard(payload),
      lost: invalidateAll,
    });
    return listener.listening();
  }

  return {
    stamp() {
      // Fold in what other connections committed already, so a stamp taken now is not spoilt by it later.
      pollOtherConnections();
      return sequence;
    },
    unchangedSince(workspaceId, stamp, scope = 'rows') {
      return trusted() && everythingAt <= stamp && (changedAt[scope].get(workspaceId) ?? 0) <= stamp;
    },
    subjectsUnchangedSince: (workspaceId, stamp, subjects) => staleCause(workspaceId, stamp, subjects) === null,
    staleCause,
    shareView(view, stamp) {
      // Only what this instance can vouch for now: the marker's echo checks it again in commit order.
      if (sharing && staleCause(view.workspaceId, stamp, view.subjects, true) === null) sharing.offer(view, stamp);
    },
    receiveSharedViews(receive) {
      receiver = receive;
    },
    written: (workspaceId, scope, subjects) => markChanged(workspaceId, scope, subjects),
    close: async () => {
      await listener?.close();
    },
  };
}

function subjectKey(workspaceId: string, subject: ChangeSubject): string {
  // Workspace ids never contain a NUL; the subject may contain anything after its prefix.
  return `${workspaceId}\u0000${subject}`;
}
