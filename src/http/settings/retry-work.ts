/**
 * The Retry button of the settings page's "Failed work" list: puts one dead outbox job of the admin's workspace
 * back in the queue. The store's `revive` only takes a job that is dead, in one statement, so a double click or
 * two admins racing queue it once; the loser is told it was already retried. Session, role and CSRF are checked
 * by the route first, as for a save.
 */
import { z } from 'zod';
import type { SettingsSession } from '../../services/install';
import type { Workspace } from '../../store';
import type { Notice } from './page';
import type { SettingsPageDeps } from './page-deps';
import { FAILED_WORK_SECTION } from './render-failed-work';

/** Outbox ids are UUIDs; anything else is not one of ours. */
const jobIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export type RetryAnswer = { status: 303; location: string } | { status: 400 };

export async function retryFailedWork(
  page: SettingsPageDeps,
  workspace: Workspace,
  session: SettingsSession,
  rawJobId: unknown,
): Promise<RetryAnswer> {
  const parsed = jobIdSchema.safeParse(rawJobId);
  if (!parsed.success) return { status: 400 };
  const jobId = parsed.data;
  const revived = await page.store.outbox.revive(workspace.id, jobId, page.clock.now());
  page.logger.info(
    { workspaceId: workspace.id, adminId: session.a, jobId },
    revived ? 'failed work put back in the queue' : 'retry ignored: the job is not failed (already retried, or unknown)',
  );
  return { status: 303, location: `/settings?retry=${revived ? 'queued' : 'stale'}#section-${FAILED_WORK_SECTION}` };
}

/** The notice the page shows after a retry (from the redirect's query). */
export function retryNotice(value: unknown): Notice | null {
  if (value === 'queued')
    return { kind: 'success', title: 'Retry queued', text: 'Handoff will try the work again within a minute; it leaves this list now.' };
  if (value === 'stale')
    return {
      kind: 'warning',
      title: 'Nothing to retry',
      text: 'That work was already retried (or is no longer failed); nothing was queued twice.',
    };
  return null;
}
