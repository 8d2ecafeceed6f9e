/**
 * Builds Canvas Kit request bodies from the fake Intercom's state, shaped as
 * Intercom sends them to an Inbox app (canvas-kit.md §2): the workspace, the
 * teammate viewing, the REST conversation and the selected contact. The
 * sandbox simulator and the HTTP tests both speak to the app through these.
 */
import type { FakeIntercom } from './fake-intercom';
import { conversationJson } from './fake-intercom/serialize-conversations';
import { adminJson, contactJson } from './fake-intercom/serialize-people';

export interface CanvasKitContext {
  workspaceId: string;
  conversationId: string;
  adminId: string;
  /** The person selected in the details panel; default the conversation's first contact; null = none. */
  contactId?: string | null;
}

export interface SubmitFields {
  componentId: string;
  inputValues?: Record<string, unknown>;
  /** The canvas the app last returned (its stored_data comes back to the app). */
  currentCanvas?: unknown;
}

export function initializeBody(fake: FakeIntercom, context: CanvasKitContext): Record<string, unknown> {
  const workspace = fake.state.workspaces.get(context.workspaceId);
  if (!workspace) throw new Error(`unknown workspace ${context.workspaceId}`);
  const conversation = workspace.conversations.get(context.conversationId);
  if (!conversation) throw new Error(`unknown conversation ${context.conversationId}`);
  const admin = workspace.admins.get(context.adminId);
  if (!admin) throw new Error(`unknown admin ${context.adminId}`);
  const contactId = context.contactId === undefined ? (conversation.contactIds[0] ?? null) : context.contactId;
  const contact = contactId ? workspace.contacts.get(contactId) : undefined;
  return {
    workspace_id: workspace.id,
    workspace_region: workspace.region,
    admin: adminJson(admin),
    conversation: conversationJson(workspace, conversation),
    contact: contact ? contactJson(workspace, contact) : null,
  };
}

export function submitBody(fake: FakeIntercom, context: CanvasKitContext, fields: SubmitFields): Record<string, unknown> {
  const canvas = (fields.currentCanvas as { canvas?: unknown } | undefined)?.canvas ??
    fields.currentCanvas ?? { content: { components: [] } };
  return {
    ...initializeBody(fake, context),
    component_id: fields.componentId,
    input_values: fields.inputValues ?? {},
    current_canvas: canvas,
  };
}
