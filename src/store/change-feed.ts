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

export interface ChangeFeed {
  /** Take before reading; later, `unchangedSince(workspace, stamp)` says whether what was read still stands. */
  stamp(): number;
  unchangedSince(workspaceId: string, stamp: number): boolean;
  /** A write to the workspace's sidebar-visible rows (called by the store; twice for a transaction). */
  written(workspaceId: string): void;
  /** Stops listening (PostgreSQL); called when the store closes. */
  close(): Promise<void>;
}

export function createChangeFeed(external: ExternalChanges): ChangeFeed {
  let sequence = 1;
  /** Sequence number of the last change seen per workspace; `everythingAt` covers changes of unknown scope. */
  const changedAt = new Map<string, number>();
  let everythingAt = 0;
  const bump = () => ++sequence;
  const invalidateAll = () => {
    everythingAt = bump();
    changedAt.clear();
  };

  let lastDataVersion = external.kind === 'sqlite' ? external.dataVersion() : 0;
  // Connected on first use: a store nobody asks (jobs, scripts, most tests) never holds a listening connection.
  let listener: ReturnType<typeof createListener> | null = null;

  function markChanged(workspaceId: string): void {
    changedAt.set(workspaceId, bump());
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
    unchangedSince(workspaceId, stamp) {
      pollOtherConnections();
      if (external.kind === 'postgres') {
        listener ??= createListener(external, markChanged, invalidateAll);
        if (!listener.listening()) return false;
      }
      return everythingAt <= stamp && (changedAt.get(workspaceId) ?? 0) <= stamp;
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
function createListener(external: PostgresChanges, onChange: (workspaceId: string) => void, onLost: () => void) {
  let connection: { close(): Promise<void> } | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = () => {
    retry = null;
    external
      .listen(onChange, () => {
        connection = null;
        onLost();
        if (!closed) retry = setTimeout(connect, 1_000).unref();
      })
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
