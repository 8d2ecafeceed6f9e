/**
 * Records each conversation the sidebar is shown in, once, without slowing the sidebar: `note` only touches
 * memory (a set of conversations already written, and a pending batch), and a background pass writes the batch in
 * one insert per workspace. Conversations already recorded cost nothing again; the set is bounded, and a
 * conversation forgotten by it is only re-inserted and ignored by the database (its first sighting stands).
 *
 * A pending batch lost to a crash loses at most one interval of sightings: the rate's denominator is a count of
 * views, not a record anyone acts on, so this is the trade for keeping writes off the sidebar's path.
 */
import type { Store } from '../../store';
import type { Clock } from '../../util/clock';

export interface SeenRecorder {
  /** Memory only; never throws, never waits. */
  note(workspaceId: string, conversationId: string): void;
  /** Writes what is pending; resolves with how many sightings it wrote. */
  flush(): Promise<number>;
}

export interface SeenRecorderOptions {
  store: Store;
  clock: Clock;
  /** Conversations remembered as written (default 100,000, about 10 MB). */
  rememberMax?: number;
  /** Pending sightings beyond this are dropped until the next flush (default 50,000): a flood cannot grow memory. */
  pendingMax?: number;
  onError?: (error: unknown) => void;
}

const key = (workspaceId: string, conversationId: string) => `${workspaceId}\u0000${conversationId}`;

export function createSeenRecorder(options: SeenRecorderOptions): SeenRecorder {
  const rememberMax = options.rememberMax ?? 100_000;
  const pendingMax = options.pendingMax ?? 50_000;
  const written = new Set<string>();
  let pending = new Map<string, { workspaceId: string; conversationId: string; at: number }>();

  return {
    note(workspaceId, conversationId) {
      const k = key(workspaceId, conversationId);
      if (written.has(k) || pending.has(k) || pending.size >= pendingMax) return;
      pending.set(k, { workspaceId, conversationId, at: options.clock.now() });
    },

    async flush() {
      if (pending.size === 0) return 0;
      const batch = pending;
      pending = new Map();
      const byWorkspace = new Map<string, { conversationId: string; at: number }[]>();
      for (const s of batch.values()) {
        const list = byWorkspace.get(s.workspaceId) ?? [];
        list.push({ conversationId: s.conversationId, at: s.at });
        byWorkspace.set(s.workspaceId, list);
      }
      try {
        await options.store.transaction(async (tx) => {
          for (const [workspaceId, seen] of byWorkspace) await tx.reports.recordSeen(workspaceId, seen);
        });
      } catch (error) {
        // Put the batch back (what fits) so a database blip loses nothing; the next pass tries again.
        for (const [k, s] of batch) if (pending.size < pendingMax && !pending.has(k)) pending.set(k, s);
        options.onError?.(error);
        return 0;
      }
      if (written.size + batch.size > rememberMax) written.clear();
      for (const k of batch.keys()) written.add(k);
      return batch.size;
    },
  };
}
