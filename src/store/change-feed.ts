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
import type { ExternalChanges } from './database';

/**
 * `rows`: anything the sidebar shows. `settings`: the workspace's settings or install (its time zone sets the
 * defaults), which is also a change of `rows`. The settings cache asks about `settings` only, so a flood of ticket
 * webhooks does not make every sidebar view parse the settings again.
 */
export type ChangeScope = 'rows' | 'settings';

export interface ChangeFeed {
  /** Take before reading; later, `unchangedSince(workspace, stamp)` says whether what was read still stands. */
  stamp(): number;
  unchangedSince(workspaceId: string, stamp: number, scope?: ChangeScope): boolean;
  /** A write to the workspace's sidebar-visible rows (called by the store; twice for a transaction). */
  written(workspaceId: string, scope?: ChangeScope): void;
  /** Stops listening (PostgreSQL); called when the store closes. */
  close(): Promise<void>;
}

export function createChangeFeed(external: ExternalChanges): ChangeFeed {
  let sequence = 1;
  /** Sequence number of the last change seen per workspace and scope; `everythingAt` covers changes of unknown scope. */
  const changedAt = { rows: new Map<string, number>(), settings: new Map<string, number>() };
  let everythingAt = 0;
  const bump = () => ++sequence;
  const invalidateAll = () => {
    everythingAt = bump();
    changedAt.rows.clear();
    changedAt.settings.clear();
  };

  let lastDataVersion = external.kind === 'sqlite' ? external.dataVersion() : 0;
  // Connected on first use: a store nobody asks (jobs, scripts, most tests) never holds a listening connection.
  let listener: ReturnType<typeof createListener> | null = null;

  function markChanged(workspaceId: string, scope: ChangeScope = 'rows'): void {
    const at = bump();
    changedAt.rows.set(workspaceId, at);
    if (scope === 'settings') changedAt.settings.set(workspaceId, at);
  }

  function pollOtherConnections(): void {
    if (external.kind !== 'sqlite') return;
    const version = external.dataVersion();
    if (version !== lastDataVersion) {
      lastDataVersion = version;
      invalidateAll();
    }
  }

  return {
    stamp() {
      // Fold in what other connections committed already, so a stamp taken now is not spoilt by it later.
      pollOtherConnections();
      return sequence;
    },
    unchangedSince(workspaceId, stamp, scope = 'rows') {
      pollOtherConnections();
      if (external.kind === 'postgres') {
        listener ??= createListener(external, markChanged, invalidateAll);
        if (!listener.listening()) return false;
      }
      return everythingAt <= stamp && (changedAt[scope].get(workspaceId) ?? 0) <= stamp;
    },
    written: markChanged,
    close: async () => {
      await listener?.close();
    },
  };
}

type PostgresChanges = Extract<ExternalChanges, { kind: 'postgres' }>;

/**
 * One dedicated connection LISTENing for other instances' writes. Connected at once and again after any loss
 * (a second later); every loss invalidates everything, since notifications sent meanwhile are gone.
 */
function createListener(external: PostgresChanges, onChange: (workspaceId: string, scope: ChangeScope) => void, onLost: () => void) {
  let connection: { close(): Promise<void> } | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = () => {
    retry = null;
    external
      .listen(
        (payload) => onChange(...decodeNotification(payload)),
        () => {
          connection = null;
          onLost();
          if (!closed) retry = setTimeout(connect, 1_000).unref();
        },
      )
      .then(
        async (opened) => {
          if (closed) {
            await opened.close();
            return;
          }
          // Anything written before LISTEN took effect was not heard: start from nothing cached.
          onLost();
          connection = opened;
        },
        () => {
          if (!closed) retry = setTimeout(connect, 1_000).unref();
        },
      );
  };
  connect();

  return {
    listening: () => connection !== null,
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      await connection?.close();
      connection = null;
    },
  };
}

/** The NOTIFY payload: `<scope>:<workspace id>` (workspace ids never contain a colon at the start). */
export function encodeNotification(workspaceId: string, scope: ChangeScope): string {
  return `${scope}:${workspaceId}`;
}

function decodeNotification(payload: string): [string, ChangeScope] {
  const colon = payload.indexOf(':');
  const scope = payload.slice(0, colon);
  // Anything unexpected counts as a settings change: the wider of the two.
  return [payload.slice(colon + 1), scope === 'rows' ? 'rows' : 'settings'];
}
