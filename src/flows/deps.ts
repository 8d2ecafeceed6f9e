/** What the flows need from the rest of the app; built once in src/wiring/services.ts. */
import type { AppServices } from '../services/app-services';

export interface FlowDeps extends AppServices {
  /** Link to a ticket in the Intercom Inbox (the sandbox points at its simulator). */
  ticketUrl: (workspaceId: string, ticketId: string) => string;
  /** The settings page link for this teammate, or null when they may not change settings. */
  settingsUrlFor: (workspaceId: string, admin: { id: string; raw: Record<string, unknown> }) => Promise<string | null>;
}
