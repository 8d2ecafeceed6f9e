/**
 * What one instance's commit tells the others through PostgreSQL NOTIFY: how wide the write reached and, for
 * sidebar rows, which subjects it named and which database wrote it. The change feed (change-feed.ts) decodes what
 * it hears; the store (store.ts) encodes what it committed.
 */
import type { ChangeSubject } from './change-feed';

/**
 * How wide a write reaches, narrowest first; each implies the ones before it. `rows`: anything the sidebar shows.
 * `dead`: the workspace's dead outbox work (the sidebar's "failed work" line, src/services/dead-work-cache.ts).
 * `settings`: the workspace's settings or install (its time zone sets the defaults; a purge takes everything).
 * The settings cache asks about `settings` only, so a flood of ticket webhooks does not make every sidebar view
 * parse the settings again; the dead-work cache asks about `dead`, so it reads the dead list only after one changed.
 */
export type ChangeScope = 'rows' | 'dead' | 'settings';
export const CHANGE_SCOPES: readonly ChangeScope[] = ['rows', 'dead', 'settings'];

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; past this, a write is announced workspace-wide. */
const MAX_PAYLOAD_CHARS = 7_000;

/** The writer's origin rides among a payload's subjects: no subject helper makes this prefix, and an older reader takes it for a subject no view has. */
const ORIGIN_PREFIX = 'o:';

/**
 * The NOTIFY payload: `<scope>:<workspace id>` for a workspace-wide write (workspace ids never contain a colon at
 * the start), `rows+:<JSON [workspace id, ...subjects, o:origin]>` for one that named its subjects (ids arrive in
 * webhooks: JSON keeps any character they hold from splitting them).
 */
export function encodeNotification(
  workspaceId: string,
  scope: ChangeScope,
  subjects: readonly ChangeSubject[] | null = null,
  origin: string | null = null,
): string {
  if (subjects !== null && scope === 'rows') {
    const signed = origin === null ? subjects : [...subjects, `${ORIGIN_PREFIX}${origin}`];
    const named = `rows+:${JSON.stringify([workspaceId, ...signed])}`;
    if (named.length <= MAX_PAYLOAD_CHARS) return named;
  }
  return `${scope}:${workspaceId}`;
}

export interface DecodedChange {
  workspaceId: string;
  scope: ChangeScope;
  subjects: readonly ChangeSubject[] | null;
  /** The writing database's origin, when the payload carries it. */
  origin: string | null;
}

/** null: not a payload this version can read. */
export function decodeNotification(payload: string): DecodedChange | null {
  const colon = payload.indexOf(':');
  if (colon < 0) return null;
  const scope = payload.slice(0, colon);
  const rest = payload.slice(colon + 1);
  if (scope === 'rows+') {
    const named = parseSubjects(rest);
    if (!named) return null;
    const [workspaceId, ...items] = named;
    const origin = items.find((item) => item.startsWith(ORIGIN_PREFIX));
    const subjects = items.filter((item) => !item.startsWith(ORIGIN_PREFIX)) as ChangeSubject[];
    return { workspaceId, scope: 'rows', subjects, origin: origin === undefined ? null : origin.slice(ORIGIN_PREFIX.length) };
  }
  // Any other scope counts as a settings change: the widest.
  const known = (CHANGE_SCOPES as readonly string[]).includes(scope);
  return { workspaceId: rest, scope: known ? (scope as ChangeScope) : 'settings', subjects: null, origin: null };
}

function parseSubjects(json: string): [string, ...string[]] | null {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) return null;
    return value as [string, ...string[]];
  } catch {
    return null;
  }
}
