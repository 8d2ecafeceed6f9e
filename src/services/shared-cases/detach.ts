/**
 * Detach a conversation from a shared case: the attachment stops standing, who and when are recorded, and the
 * sidebars of every conversation on the ticket hear of it (the write names the ticket). Nothing was linked in
 * Intercom, so there is nothing to undo there; a follow-up already queued finds the attachment detached and skips.
 */
import type { CaseAttachment, Store } from '../../store';
import { AppError } from '../../util/app-error';

export const NOT_ATTACHED = 'This conversation is not attached to that case any more. Refresh to see the current view.';

export async function detachFromCase(
  store: Store,
  input: { workspaceId: string; conversationId: string; attachmentId: string; adminId: string; now: number },
): Promise<CaseAttachment> {
  return store.transaction(async (tx) => {
    const attachment = await tx.caseAttachments.get(input.workspaceId, input.attachmentId);
    // The canvas names the attachment it showed: another conversation's, or one detached since, is not this one's to undo.
    if (!attachment || attachment.conversationId !== input.conversationId || !attachment.attached)
      throw new AppError('stale_canvas', NOT_ATTACHED);
    return (await tx.caseAttachments.detach(input.workspaceId, attachment, input.adminId, input.now)) ?? attachment;
  });
}
