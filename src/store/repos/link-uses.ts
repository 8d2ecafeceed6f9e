/**
 * Sidebar settings links are single-use: opening one records its nonce here, and a second opening finds it.
 * The insert is the check (primary key), so two tabs opening the same link at once cannot both get in.
 */
import type { RepoContext } from './repo-helpers';

export interface LinkUse {
  nonce: string;
  adminId: string;
  now: number;
  /** When the link itself expires; the row is kept until then (and pruned by a later use). */
  expiresAt: number;
}

export interface LinkUsesRepo {
  /** True for the first use of this link, false for every later one. Prunes the workspace's expired rows. */
  claim(workspaceId: string, use: LinkUse): Promise<boolean>;
}

export function createLinkUsesRepo({ db }: RepoContext): LinkUsesRepo {
  return {
    async claim(workspaceId, use) {
      await db.deleteFrom('settings_link_uses').where('workspace_id', '=', workspaceId).where('expires_at', '<', use.now).execute();
      const inserted = await db
        .insertInto('settings_link_uses')
        .values({ workspace_id: workspaceId, nonce: use.nonce, admin_id: use.adminId, used_at: use.now, expires_at: use.expiresAt })
        .onConflict((oc) => oc.columns(['workspace_id', 'nonce']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },
  };
}
