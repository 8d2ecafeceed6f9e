/**
 * Per-workspace caches of things Intercom rarely changes. `createWorkspaceCache` is the shared mechanism (TTL,
 * one load in flight per workspace, a stale value kept when a refresh fails); `createDirectoryCache` uses it for
 * admin and team names, which ticket snapshots show as owner and team.
 *
 * Names are cosmetic: when Intercom cannot be reached and nothing is cached, `names` answers with an empty
 * directory (every lookup null) rather than failing the escalation or webhook that asked.
 */
import type { IntercomClient } from '../intercom';
import type { Clock } from '../util/clock';

export const DIRECTORY_TTL_MS = 10 * 60_000;

export interface WorkspaceCache<T> {
  /** The cached value while fresh, else a new load; a failed load falls back to a stale value if there is one. */
  get(workspaceId: string): Promise<T>;
  /** Loads now, whatever the age of the cached value. */
  refresh(workspaceId: string): Promise<T>;
  invalidate(workspaceId: string): void;
}

export function createWorkspaceCache<T>(load: (workspaceId: string) => Promise<T>, clock: Clock, ttlMs: number): WorkspaceCache<T> {
  const entries = new Map<string, { value: T; loadedAt: number }>();
  const inFlight = new Map<string, Promise<T>>();

  function refresh(workspaceId: string): Promise<T> {
    const running = inFlight.get(workspaceId);
    if (running) return running;
    const loading = load(workspaceId)
      .then((value) => {
        entries.set(workspaceId, { value, loadedAt: clock.now() });
        return value;
      })
      .catch((error: unknown) => {
        const stale = entries.get(workspaceId);
        if (stale) return stale.value;
        throw error;
      })
      .finally(() => inFlight.delete(workspaceId));
    inFlight.set(workspaceId, loading);
    return loading;
  }

  return {
    async get(workspaceId) {
      const hit = entries.get(workspaceId);
      if (hit && clock.now() - hit.loadedAt < ttlMs) return hit.value;
      return refresh(workspaceId);
    },
    refresh,
    invalidate(workspaceId) {
      entries.delete(workspaceId);
    },
  };
}

export interface DirectoryNames {
  adminName(adminId: string | null): string | null;
  teamName(teamId: string | null): string | null;
}

export const EMPTY_DIRECTORY: DirectoryNames = Object.freeze({ adminName: () => null, teamName: () => null });

export interface DirectoryCache {
  /** Never rejects: without Intercom and without a cached copy, every name is null. */
  names(workspaceId: string): Promise<DirectoryNames>;
  invalidate(workspaceId: string): void;
}

export interface DirectoryCacheOptions {
  clientFor(workspaceId: string): Promise<IntercomClient>;
  clock: Clock;
  ttlMs?: number;
}

export function createDirectoryCache(options: DirectoryCacheOptions): DirectoryCache {
  const cache = createWorkspaceCache(
    async (workspaceId) => {
      const client = await options.clientFor(workspaceId);
      const [admins, teams] = await Promise.all([client.admins.list(), client.teams.list()]);
      const adminNames = new Map(admins.flatMap((a) => (a.name ? [[a.id, a.name] as const] : [])));
      const teamNames = new Map(teams.flatMap((t) => (t.name ? [[t.id, t.name] as const] : [])));
      return Object.freeze({
        adminName: (id: string | null) => (id === null ? null : (adminNames.get(id) ?? null)),
        teamName: (id: string | null) => (id === null ? null : (teamNames.get(id) ?? null)),
      });
    },
    options.clock,
    options.ttlMs ?? DIRECTORY_TTL_MS,
  );
  return {
    names: (workspaceId) => cache.get(workspaceId).catch(() => EMPTY_DIRECTORY),
    invalidate: (workspaceId) => cache.invalidate(workspaceId),
  };
}
