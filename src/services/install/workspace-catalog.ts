/**
 * What the settings page offers as choices: the workspace's ticket types (and
 * their attribute names), teams and admins, read with the workspace's own
 * client. Cached briefly per workspace so a save-and-reload does not ask again;
 * a resource Intercom cannot give right now comes back as null and the page
 * falls back to plain id fields instead of failing.
 */
import type { Clock } from '../../util/clock';
import type { WorkspaceDirectory } from '../workspace-directory';

export interface CatalogTicketType {
  id: string;
  name: string;
  category: string | null;
  attributes: string[];
}

export interface Catalog {
  ticketTypes: CatalogTicketType[] | null;
  teams: { id: string; name: string }[] | null;
  admins: { id: string; name: string }[] | null;
}

export interface WorkspaceCatalog {
  get(workspaceId: string): Promise<Catalog>;
  forget(workspaceId: string): void;
}

export function createWorkspaceCatalog(directory: WorkspaceDirectory, clock: Clock, ttlMs = 60_000): WorkspaceCatalog {
  const cache = new Map<string, { catalog: Catalog; expiresAt: number }>();
  return {
    forget: (workspaceId) => {
      cache.delete(workspaceId);
    },
    async get(workspaceId) {
      const hit = cache.get(workspaceId);
      if (hit && hit.expiresAt > clock.now()) return hit.catalog;
      const catalog = await load(directory, workspaceId);
      // Only a complete answer is cached, so a passing Intercom hiccup is retried on the next view.
      if (catalog.ticketTypes && catalog.teams && catalog.admins) cache.set(workspaceId, { catalog, expiresAt: clock.now() + ttlMs });
      return catalog;
    },
  };
}

async function load(directory: WorkspaceDirectory, workspaceId: string): Promise<Catalog> {
  let client: Awaited<ReturnType<WorkspaceDirectory['clientFor']>>;
  try {
    client = await directory.clientFor(workspaceId);
  } catch {
    return { ticketTypes: null, teams: null, admins: null };
  }
  const [types, teams, admins] = await Promise.allSettled([client.ticketTypes.list(), client.teams.list(), client.admins.list()]);
  const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));
  return {
    ticketTypes:
      types.status === 'fulfilled'
        ? types.value
            .filter((type) => type.archived !== true)
            .map((type) => ({
              id: type.id,
              name: type.name,
              category: type.category,
              attributes: type.ticket_type_attributes.filter((a) => a.archived !== true).map((a) => a.name),
            }))
        : null,
    teams: teams.status === 'fulfilled' ? byName(teams.value.map((t) => ({ id: t.id, name: t.name ?? `Team ${t.id}` }))) : null,
    admins: admins.status === 'fulfilled' ? byName(admins.value.map((a) => ({ id: a.id, name: a.name ?? `Admin ${a.id}` }))) : null,
  };
}
