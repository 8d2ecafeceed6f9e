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
import { MAX_CANVAS_BYTES } from '../../canvases/kit';
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

interface Entry extends Omit<CanvasReuse, 'restamp'> {
  body: Buffer;
  /** Another instance's render: its stamp is a place in the commit order (staleCause's `inCommitOrder`). */
  shared: boolean;
  /** The body around its "As of" line, to draw that line anew past `until` (see CanvasReuse.restamp). */
  restamp?: Restamp;
}

interface Restamp {
  before: Buffer;
  after: Buffer;
  until: number;
  lineAt: NonNullable<CanvasReuse['restamp']>['lineAt'];
}

/**
 * Where the "As of" line sits in the kept body, when it can be found without doubt: its exact JSON (an object, so
 * never inside a string, where every quote is escaped) occurring once. Anything else keeps the minute bound.
 */
function restampOf(reuse: CanvasReuse, body: Buffer): Restamp | undefined {
  const terms = reuse.restamp;
  if (!terms || !(terms.until > reuse.until)) return undefined;
  const line = terms.lineAt(terms.renderedAt)?.json;
  if (line === undefined) return undefined;
  const at = body.indexOf(line);
  if (at < 0 || body.lastIndexOf(line) !== at) return undefined;
  const after = body.subarray(at + Buffer.byteLength(line));
  return { before: body.subarray(0, at), after, until: terms.until, lineAt: terms.lineAt };
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
      const now = clock.now();
      if (!(now < entry.until || now < (entry.restamp?.until ?? 0))) {
        misses.expired += 1;
        drop(signature);
        return null;
      }
      const stale = changes.staleCause(entry.workspaceId, entry.stamp, entry.subjects, entry.shared);
      if (stale !== null) {
        misses[`${stale.kind}_${stale.notified ? 'notified' : 'local'}`] += 1;
        drop(signature);
        return null;
      }
      const answer = now < entry.until ? entry : restamped(signature, entry, now);
      if (answer === null) {
        misses.expired += 1;
        drop(signature);
        return null;
      }
      if (entry.shared) sharedHits += 1;
      return answer.body;
    },
    keep(signature, reuse, body) {
      const { workspaceId, stamp, until, subjects } = reuse;
      const restamp = restampOf(reuse, body);
      if (put(signature, { workspaceId, stamp, until, subjects, body, shared: false, ...(restamp ? { restamp } : {}) })) {
        changes.shareView(
          { key: signature, workspaceId: reuse.workspaceId, subjects: reuse.subjects, until: reuse.until, body },
          reuse.stamp,
        );
      }
    },
    misses: () => ({ ...misses }),
    sharedHits: () => sharedHits,
  };

  /**
   * Past its minute, a canvas whose "As of" line is all that moved with it gets that line drawn for `now`: what a
   * fresh render would print, since nothing else on it can have changed before `restamp.until` (and the change feed
   * still vouches for its rows). The new body stays until the line's next turn.
   */
  function restamped(signature: string, entry: Entry, now: number): Entry | null {
    const restamp = entry.restamp;
    const line = restamp && now < restamp.until ? restamp.lineAt(now) : null;
    if (!restamp || line === null) return null;
    const lineBytes = Buffer.from(line.json);
    const body = Buffer.concat([restamp.before, lineBytes, restamp.after]);
    // The content's 64 KB limit, checked on the whole body that holds it (a longer stamp could only just cross it).
    if (body.length > MAX_CANVAS_BYTES) return null;
    // The parts point into the new body, so the old one is let go and `bytes` stays what is held.
    const start = restamp.before.length;
    const parts = { before: body.subarray(0, start), after: body.subarray(start + lineBytes.length) };
    const next = { ...entry, body, until: Math.min(line.until, restamp.until), restamp: { ...restamp, ...parts } };
    // Same key, so it keeps its place in the eviction order.
    entries.set(signature, next);
    bytes += body.length - entry.body.length;
    return next;
  }

  function put(signature: string, entry: Entry): boolean {
    if (!(clock.now() < Math.max(entry.until, entry.restamp?.until ?? 0)) || entry.body.length > maxBytes) return false;
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
