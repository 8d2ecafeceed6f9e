/**
 * Rendered views shared between instances on one PostgreSQL, without a shared clock or a version table: the order in
 * which PostgreSQL delivers notifications (the order their transactions committed, the same on every listening
 * connection) is the position every instance can compare.
 *
 * A view rendered on instance A from reads that began at A's stamp T0 is offered in two steps:
 * 1. A sends a marker M on the views channel. Its place in the notification order is the view's position P.
 * 2. When A hears M come back, it has heard, in order, every change committed before M, its own included. If none of
 *    them touched the view since T0, nothing committed before P made the view wrong, and A sends the view itself
 *    (a confirmation naming M). Otherwise it sends nothing: the view is not offered.
 * Instance B notes its own change-feed stamp when it hears M, and keeps the view when the confirmation arrives,
 * stamped with that note: every change committed after P reaches B after M, so B's feed (its own writes included,
 * counted in the order B heard their echo, see change-feed.ts) says whether the view is still right, exactly as for a
 * view B rendered itself. A confirmation without its marker (B was not listening then) is ignored.
 *
 * Markers batch the views kept in a few milliseconds: two notification statements per batch, whatever it holds.
 * A view too large for one notification (PostgreSQL refuses 8,000 bytes) is not offered, and no view is sent before
 * another instance's marker has been heard (an instance alone would only be talking to itself).
 */
import type { ChangeSubject } from './change-feed';

export interface SharedView {
  /** The request's verified signature: the same body gets the same key on every instance. */
  key: string;
  workspaceId: string;
  subjects: readonly ChangeSubject[];
  /** Epoch ms, exclusive: the view's own bound (its "As of" minute, an SLA step, …). */
  until: number;
  /** The answer's bytes (a canvas, JSON in UTF-8); turned into text only when a view is actually sent. */
  body: Buffer;
}

export interface SharedViewsOptions {
  origin: string;
  /** Sends payloads on the views channel, in order, in one statement. */
  send(payloads: readonly string[]): Promise<void>;
  /** Whether a change heard so far (in commit order, this instance's own included) reached the view since `stamp`. */
  stale(view: SharedView, stamp: number): boolean;
  /** This instance's change-feed position now: a change heard after this moment is newer. */
  position(): number;
  /** Gets another instance's view, with the stamp to check it against. */
  receive(view: SharedView, stamp: number): void;
  /** How long views wait to share one marker (ms). */
  batchMs?: number;
}

/** PostgreSQL refuses a payload of 8,000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_900;
/** Batches whose marker has not come back yet, and other instances' markers waiting for their confirmation. */
const MAX_OUTSTANDING = 256;

export interface SharedViews {
  /** Offers a view this instance rendered from reads that began at `stamp`. */
  offer(view: SharedView, stamp: number): void;
  /** A payload heard on the views channel (in notification order with the changes). */
  heard(payload: string): void;
  /** Anything not yet heard back is void: the connection that would hear it was lost. */
  reset(): void;
}

export function createSharedViews(options: SharedViewsOptions): SharedViews {
  const { origin, send, stale, position, receive } = options;
  const batchMs = options.batchMs ?? 10;
  /** This instance's batches by marker id, each view with its stamp. */
  const sent = new Map<number, { view: SharedView; stamp: number }[]>();
  /** Other instances' markers heard: `origin:id` → this instance's position when heard. */
  const marks = new Map<string, number>();
  let next: { view: SharedView; stamp: number }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let batchId = 0;

  const bounded = <K, V>(map: Map<K, V>) => {
    while (map.size > MAX_OUTSTANDING) map.delete(map.keys().next().value as K);
  };

  const flush = () => {
    timer = null;
    const batch = next;
    next = [];
    if (batch.length === 0) return;
    batchId += 1;
    const id = batchId;
    sent.set(id, batch);
    bounded(sent);
    // A lost marker only means these views are not shared.
    send([`m:${origin}:${id}`]).catch(() => sent.delete(id));
  };

  const confirm = (id: number) => {
    const batch = sent.get(id);
    sent.delete(id);
    // Views go out only once another instance has been heard offering its own: one instance alone sends markers only.
    if (!batch || marks.size === 0) return;
    const payloads: string[] = [];
    for (const { view, stamp } of batch) {
      if (stale(view, stamp)) continue;
      const payload = `v:${origin}:${id}:${JSON.stringify([view.key, view.workspaceId, view.until, view.subjects, view.body.toString('utf8')])}`;
      if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) payloads.push(payload);
    }
    if (payloads.length > 0) send(payloads).catch(() => {});
  };

  return {
    offer(view, stamp) {
      next.push({ view, stamp });
      timer ??= setTimeout(flush, batchMs);
      timer.unref?.();
    },
    heard(payload) {
      const [kind, from, idText] = payload.split(':', 3);
      if (from === undefined || idText === undefined) return;
      if (kind === 'm') {
        if (from === origin) confirm(Number(idText));
        else {
          marks.set(`${from}:${idText}`, position());
          bounded(marks);
        }
        return;
      }
      if (kind !== 'v' || from === origin) return;
      const stamp = marks.get(`${from}:${idText}`);
      if (stamp === undefined) return;
      const view = decodeView(payload.slice(kind.length + from.length + idText.length + 3));
      if (view) receive(view, stamp);
    },
    reset() {
      sent.clear();
      marks.clear();
    },
  };
}

function decodeView(json: string): SharedView | null {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value) || value.length !== 5) return null;
    const [key, workspaceId, until, subjects, body] = value as unknown[];
    if (typeof key !== 'string' || typeof workspaceId !== 'string' || typeof until !== 'number' || typeof body !== 'string') return null;
    if (!Array.isArray(subjects) || !subjects.every((subject) => typeof subject === 'string')) return null;
    return { key, workspaceId, until, subjects: subjects as ChangeSubject[], body: Buffer.from(body, 'utf8') };
  } catch {
    return null;
  }
}
