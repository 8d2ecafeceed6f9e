/** What the flows need from the rest of the app; built once in src/wiring.ts. */
import type { SettingsService } from '../services/settings-service';
import type { SlaService } from '../services/sla-service';
import type { WorkspaceDirectory } from '../services/workspace-directory';
import type { Store } from '../store';
import type { Clock } from '../util/clock';

export interface FlowDeps {
  store: Store;
  clock: Clock;
  settings: SettingsService;
  directory: WorkspaceDirectory;
  /** SLA clocks: escalation starts them, ticket events move them (see src/services/sla-service.ts). */
  sla: SlaService;
  /** Link to a ticket in the Intercom Inbox (the sandbox points at its simulator). */
  ticketUrl: (workspaceId: string, ticketId: string) => string;
  /** The settings page link for this teammate, or null when they may not change settings. */
  settingsUrlFor: (workspaceId: string, admin: { id: string; raw: Record<string, unknown> }) => Promise<string | null>;
}

/** Intercom's Inbox URL for a ticket (tickets open in the Inbox like conversations). */
export function intercomTicketUrl(workspaceId: string, ticketId: string): string {
  return `https://app.intercom.com/a/inbox/${encodeURIComponent(workspaceId)}/inbox/conversation/${encodeURIComponent(ticketId)}`;
}
