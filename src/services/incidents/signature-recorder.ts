/**
 * Keeps each conversation's problem signature (src/domain/incidents/signature.ts) for noticing an incident,
 * without a write on the sidebar's path: a sidebar view is a read, and a refused one must change nothing. `note`
 * only touches memory (the latest signature per conversation); a background pass (src/jobs/view-notes-flush.ts) writes
 * the pending ones in one transaction. A signature already written within `rewriteMs` is not written again: the
 * sidebar is viewed far more often than a conversation changes.
 *
 * Others notice a conversation one flush interval after its view at the latest, a delay no outage outruns; a crash
 * loses at most one interval of signatures, which the conversations' next views write again.
 */
import type { Store } from '../../store';

export interface SignatureRecorder {
  /** Memory only; never throws, never waits. */
  note(workspaceId: string, conversationId: string, keys: readonly string[], now: number): void;
  /** Writes what is pending; resolves with how many signatures it wrote. */
  flush(): Promise<number>;
}

export interface SignatureRecorderOptions {
  store: Store;
  /** A signature unchanged since its last write is written again only after this long (default 10 minutes). */
  rewriteMs?: number;
  /** Pending signatures beyond this are dropped until the next flush (default 20,000): a flood cannot grow memory. */
  pendingMax?: number;
  /** Conversations remembered as written (default 100,000). */
  rememberMax?: number;
  onError?: (error: unknown) => void;
}

interface Pending {
  workspaceId: string;
  conversationId: string;
  keys: readonly string[];
  now: number;
}

export const SIGNATURE_REWRITE_MS = 10 * 60_000;

export function createSignatureRecorder(options: SignatureRecorderOptions): SignatureRecorder {
  const rewriteMs = options.rewriteMs ?? SIGNATURE_REWRITE_MS;
  const pendingMax = options.pendingMax ?? 20_000;
  const rememberMax = options.rememberMax ?? 100_000;
  /** conversation → the signature last written and when. */
  const written = new Map<string, { signature: string; at: number }>();
  let pending = new Map<string, Pending>();

  return {
    note(workspaceId, conversationId, keys, now) {
      const key = `${workspaceId}\u0000${conversationId}`;
      const signature = keys.join(' ');
      const last = written.get(key);
      if (last && last.signature === signature && now - last.at < rewriteMs) return;
      if (!pending.has(key) && pending.size >= pendingMax) return;
      pending.set(key, { workspaceId, conversationId, keys: [...keys], now });
    },

    async flush() {
      if (pending.size === 0) return 0;
      const batch = pending;
      pending = new Map();
      try {
        await options.store.transaction(async (tx) => {
          for (const s of batch.values()) await tx.conversationSignals.put(s.workspaceId, s.conversationId, s.keys, s.now);
        });
      } catch (error) {
        // Put back what a newer view has not replaced, so a database blip loses nothing; the next pass tries again.
        for (const [key, s] of batch) if (!pending.has(key) && pending.size < pendingMax) pending.set(key, s);
        options.onError?.(error);
        return 0;
      }
      if (written.size + batch.size > rememberMax) written.clear();
      for (const [key, s] of batch) written.set(key, { signature: s.keys.join(' '), at: s.now });
      return batch.size;
    },
  };
}
