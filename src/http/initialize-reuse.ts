/**
 * Answers a repeated Canvas Kit initialize with the canvas rendered for it before, when nothing it shows can
 * have changed. Intercom sends initialize every time a teammate opens the conversation, and the sidebar is the
 * app's hottest path; most opens repeat an earlier one exactly (same teammate, same conversation, same state).
 *
 * Exact, not approximate:
 * - the key is the request's verified signature: an HMAC of the exact body bytes, so a hit means the very same
 *   body (teammate, conversation, contact and all), checked before any lookup;
 * - the flow says how long its canvas stays right for that body (`CanvasReuse.until`: the "As of" minute, the next
 *   SLA countdown step, …), from which store state (`stamp`) and from which rows (`subjects`: the conversation, its
 *   tickets and escalations); the change feed (src/store/change-feed.ts) says whether any of those, or anything
 *   workspace-wide, changed since, here or in another instance. A webhook for one ticket evicts only the sidebars
 *   of that ticket's conversation.
 * Anything else, or any doubt, renders afresh. Entries are bounded in number and in bytes; the oldest go first.
 *
 * On PostgreSQL every instance also offers what it keeps to the others, and keeps what they offer: the load balancer
 * deals a conversation's views to any instance, and each would otherwise see it 1/N as often. A shared view carries
 * a place in the commit order instead of a local stamp (src/store/shared-views.ts says why that is exact), and is
 * checked against this instance's own writes in that order too.
 */
import type { CanvasReuse } from '../flows/types';
import type { ChangeFeed, StaleCause } from '../store';
import type { Clock } from '../util/clock';

export interface InitializeReuse {
  /** The body answered before for the request with this (verified) signature, if still right. */
  lookup(signature: string): Buffer | null;
  /** Keeps `body` as the answer to this signature on the terms the flow gave. */
  keep(signature: string, reuse: CanvasReuse, body: Buffer): void;
  /** Why lookups found nothing to answer with, counted since start (for /metrics). */
  misses(): ReuseMisses;
  /** Lookups answered with another instance's render, counted since start (for /metrics). */
  sharedHits(): number;
}

/**
 * Lookups that rendered afresh, by reason: nothing kept for that body (never seen here, or pushed out by the
 * bounds), kept but past its `until`, or kept but stale by a change the feed reports (see StaleCause), split by
 * whether the write was counted here or heard through NOTIFY.
 */
export type ReuseMisses = Record<'none' | 'expired' | `${StaleCause['kind']}_${'local' | 'notified'}`, number>;

function noMisses(): ReuseMisses {
  const misses = { none: 0, expired: 0 } as ReuseMisses;
  for (const kind of ['unheard', 'everything', 'workspace', 'subject'] as const) {
    misses[`${kind}_local`] = 0;
    misses[`${kind}_notified`] = 0;
  }
  return misses;
}

export interface InitializeReuseOptions {
  changes: ChangeFeed;
  clock: Clock;
  /** At most this many canvases are kept (a sidebar is a few KB)… */
  maxEntries?: number;
  /** …taking at most this many bytes in all (a canvas may be up to 64 KB). */
  maxBytes?: number;
}

interface Entry extends CanvasReuse {
  body: Buffer;
  /** Another instance's render: its stamp is a place in the commit order (staleCause's `inCommitOrder`). */
  shared: boolean;
}

/**
 * A busy workspace's Inbox has thousands of conversations open over a minute (a canvas lives at most until its
 * minute turns): room for 20,000 of them; a sidebar is 2–4 KB, so the byte bound is what holds in practice.
 */
export const DEFAULT_REUSE_ENTRIES = 20_000;
export const DEFAULT_REUSE_BYTES = 64 * 1024 * 1024;

export function createInitializeReuse(options: InitializeReuseOptions): InitializeReuse {
  const { changes, clock } = options;
  const maxEntries = options.maxEntries ?? DEFAULT_REUSE_ENTRIES;
  const maxBytes = options.maxBytes ?? DEFAULT_REUSE_BYTES;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const misses = noMisses();
  let sharedHits = 0;
  changes.receiveSharedViews((view, stamp) => {
    const { key, workspaceId, subjects, until } = view;
    put(key, { workspaceId, subjects, until, stamp, body: view.body, shared: true });
  });

  const drop = (signature: string) => {
    const entry = entries.get(signature);
    if (!entry) return;
    entries.delete(signature);
    bytes -= entry.body.length;
  };

  return {
    lookup(signature) {
      const entry = entries.get(signature);
      if (!entry) {
        misses.none += 1;
        return null;
      }
      if (clock.now() < entry.until) {
        const stale = changes.staleCause(entry.workspaceId, entry.stamp, entry.subjects, entry.shared);
        if (stale === null) {
          if (entry.shared) sharedHits += 1;
          return entry.body;
        }
        misses[`${stale.kind}_${stale.notified ? 'notified' : 'local'}`] += 1;
      } else {
        misses.expired += 1;
      }
      drop(signature);
      return null;
    },
    keep(signature, reuse, body) {
      if (put(signature, { ...reuse, body, shared: false })) {
        changes.shareView(
          { key: signature, workspaceId: reuse.workspaceId, subjects: reuse.subjects, until: reuse.until, body },
          reuse.stamp,
        );
      }
    },
    misses: () => ({ ...misses }),
    sharedHits: () => sharedHits,
  };

  function put(signature: string, entry: Entry): boolean {
    if (!(clock.now() < entry.until) || entry.body.length > maxBytes) return false;
    drop(signature);
    // Map keeps insertion order: the first key is the oldest kept.
    while (entries.size > 0 && (entries.size >= maxEntries || bytes + entry.body.length > maxBytes)) {
      drop(entries.keys().next().value as string);
    }
    entries.set(signature, entry);
    bytes += entry.body.length;
    return true;
  }
}

/** The map key for a signature header that has already been verified (verification accepts any hex case). */
export function reuseKey(signatureHeader: string): string {
  return signatureHeader.trim().toLowerCase();
}
