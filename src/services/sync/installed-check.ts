/**
 * "Is Handoff installed in this workspace?", asked for every webhook. A positive answer is kept for a few
 * seconds so a burst costs one insert per notification instead of a read and an insert. Being briefly wrong
 * after an uninstall is harmless: the processor checks again (per batch) before applying anything.
 */
import type { Store } from '../../store';
import type { Clock } from '../../util/clock';

const MAX_ENTRIES = 10_000;

export function installedCheck(store: Store, clock: Clock, ttlMs = 5_000): (workspaceId: string) => Promise<boolean> {
  const installedUntil = new Map<string, number>();
  return async (workspaceId) => {
    const now = clock.now();
    const until = installedUntil.get(workspaceId);
    if (until !== undefined && until > now) return true;
    const workspace = await store.workspaces.get(workspaceId);
    const installed = workspace !== null && workspace.uninstalledAt === null;
    if (installedUntil.size >= MAX_ENTRIES) installedUntil.clear();
    if (installed) installedUntil.set(workspaceId, now + ttlMs);
    else installedUntil.delete(workspaceId);
    return installed;
  };
}
