/**
 * The change feed's PostgreSQL side (change-feed.ts): one LISTEN connection per instance, hearing other instances'
 * writes, the echo of its own, and the views they share (shared-views.ts), all in the order they committed.
 */
import type { ChangeSubject } from './change-feed';
import { type ChangeScope, decodeNotification } from './change-notification';
import type { ExternalChanges } from './database';

type PostgresChanges = Extract<ExternalChanges, { kind: 'postgres' }>;

export interface ListenerHandlers {
  /** Another instance's write. */
  changed(workspaceId: string, scope: ChangeScope, subjects: readonly ChangeSubject[] | null, notified: true): void;
  /** The echo of this database's own subject write. */
  echoed(workspaceId: string, subjects: readonly ChangeSubject[]): void;
  /** A payload on the views channel (shared-views.ts). */
  views(payload: string): void;
  lost(): void;
}

/**
 * One dedicated connection LISTENing for other instances' writes. Connected at once and again after any loss
 * (a second later); every loss invalidates everything, since notifications sent meanwhile are gone.
 */
export function createListener(external: PostgresChanges, handlers: ListenerHandlers) {
  const onLost = handlers.lost;
  let connection: { close(): Promise<void> } | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = () => {
    retry = null;
    external
      .listen(
        (payload, on) => {
          if (on === 'views') {
            handlers.views(payload);
            return;
          }
          const change = decodeNotification(payload);
          // Our own write, heard back: already counted when it was written and when it committed; noted apart, at
          // its place in the commit order, for views shared between instances only.
          if (change?.origin === external.origin) handlers.echoed(change.workspaceId, change.subjects ?? []);
          // A payload we cannot read (a newer instance's?) may have named any workspace.
          else if (change) handlers.changed(change.workspaceId, change.scope, change.subjects, true);
          else onLost();
        },
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
