/**
 * "Is Handoff installed in this workspace?", asked for every webhook. A positive answer is kept for a few
 * seconds so a burst costs one insert per notification instead of a read and an insert. Being briefly wrong
 * after an uninstall is harmless: the processor checks again (per batch) before applying anything.
 */
import type { Store } from '../../store';
import type { Clock } from '../../util/clock';
import { createExpiringCache } from '../../util/expiring-cache';

const MAX_ENTRIES = 10_000;

export function installedCheck(store: Store, clock: Clock, ttlMs = 5_000): (workspaceId: string) => Promise<boolean> {
  const installed = createExpiringCache<string, true>({ max: MAX_ENTRIES, ttlMs, clock });
  return async (workspaceId) => {
    if (installed.get(workspaceId)) return true;
    const workspace = await store.workspaces.get(workspaceId);
    const isInstalled = workspace !== null && workspace.uninstalledAt === null;
    if (isInstalled) installed.set(workspaceId, true);
    else installed.delete(workspaceId);
    return isInstalled;
  };
}
