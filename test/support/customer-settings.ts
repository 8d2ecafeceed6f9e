/** Saves a change to a workspace's customer-side settings (and optionally other top-level fields), as a saved form would. */
import type { CustomerSettings } from '../../src/domain/customer-updates/settings';
import type { WorkspaceSettings } from '../../src/domain/settings';
import type { Harness } from './app-harness';

export async function saveCustomerSettings(
  h: Harness,
  workspaceId: string,
  change: Partial<CustomerSettings>,
  other: Partial<Omit<WorkspaceSettings, 'customer'>> = {},
): Promise<void> {
  const record = await h.application.store.settings.get(workspaceId);
  const saved = await h.application.store.settings.save(workspaceId, {
    settings: { ...record.settings, ...other, customer: { ...record.settings.customer, ...change } },
    expectedVersion: record.version,
    adminId: null,
    now: h.clock.now(),
  });
  if (!saved.ok) throw new Error('settings changed underneath the test');
  h.application.deps.settings.invalidate(workspaceId);
}
