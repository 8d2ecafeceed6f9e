/** What the flows need from the rest of the app; built once in src/wiring/services.ts. */
import type { AppServices } from '../services/app-services';
import type { DeadWorkCache } from '../services/dead-work-cache';

export interface FlowDeps extends AppServices {
  /** Link to a ticket in the Intercom Inbox (the sandbox points at its simulator). */
  ticketUrl: (workspaceId: string, ticketId: string) => string;
  /** The settings page link for this teammate, or null when they may not change settings. */
  /** The workspace's dead outbox work, read again only after it changed (src/services/dead-work-cache.ts). */
  deadWork: DeadWorkCache;
  settingsUrlFor: (workspaceId: string, admin: { id: string; raw: Record<string, unknown> }) => Promise<string | null>;
  /** The reports page link for this teammate, or null when they may not read the reports (absent: no link). */
  reportsUrlFor?: (workspaceId: string, admin: { id: string; raw: Record<string, unknown> }) => Promise<string | null>;
  /**
   * The settings and reports links carry a token that expires (the sandbox's one-use links): a canvas holding one is
   * never answered past its minute. Elsewhere the links are fixed sign-in pages.
   */
  pageLinksExpire?: boolean;
  /** Notes that the sidebar was shown in a conversation (memory only; src/services/reports/seen-recorder.ts). */
  conversationSeen?: (workspaceId: string, conversationId: string) => void;
  /** Notes a conversation's problem signature for noticing incidents (memory only; src/services/incidents/signature-recorder.ts). */
  problemSeen?: (workspaceId: string, conversationId: string, keys: readonly string[], now: number) => void;
}
