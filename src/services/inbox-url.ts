/**
 * Links into Intercom's Inbox. A ticket opens at the same Inbox address as a conversation, so one builder serves the
 * ticket card's "Open in Intercom" and the handoff summary's link back to the chat. The sandbox swaps both for links
 * to its simulator (src/sandbox/boot.ts passes its own `ticketUrl` and `conversationUrl`).
 */
export function intercomInboxUrl(workspaceId: string, conversationOrTicketId: string): string {
  return `https://app.intercom.com/a/inbox/${encodeURIComponent(workspaceId)}/inbox/conversation/${encodeURIComponent(conversationOrTicketId)}`;
}
