/** What the escalation service needs; built once in src/wiring/services.ts. */
import type { Store } from '../../store';
import type { Clock } from '../../util/clock';
import type { SettingsService } from '../settings-service';
import type { SlaService } from '../sla/sla-service';
import type { TicketSnapshotter } from '../ticket-snapshot';
import type { TicketTypeCache } from '../ticket-types';
import type { TriageService } from '../triage';
import type { WorkspaceDirectory } from '../workspace-directory';
import type { FormCompanies } from './form-companies';

export interface EscalationBudgets {
  /** The reads a submit or the form needs (conversation, companies, ticket types). */
  readMs: number;
  /** The inline `POST /tickets`; past it the escalation is queued. */
  createMs: number;
  /**
   * How long after the inline attempt starts the outbox job may run: past the client's own timeout, so a create
   * we stopped waiting for has settled (done or failed) before the job looks for it.
   */
  settleMs: number;
}

export const DEFAULT_BUDGETS: Readonly<Omit<EscalationBudgets, 'settleMs'>> = Object.freeze({ readMs: 2_500, createMs: 2_500 });

/** The slice of a pino logger used here; never given reasons, summaries or names. */
export interface EscalationLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface EscalationDeps {
  store: Store;
  clock: Clock;
  settings: SettingsService;
  directory: WorkspaceDirectory;
  ticketTypes: TicketTypeCache;
  /** The contact's companies as the escalate form read them, for its submit. */
  formCompanies: FormCompanies;
  snapshots: TicketSnapshotter;
  sla: SlaService;
  triage: TriageService;
  ticketUrl(workspaceId: string, ticketId: string): string;
  conversationUrl(workspaceId: string, conversationId: string): string;
  /** Wakes the outbox worker after new jobs were committed. */
  pokeOutbox(): void;
  budgets: EscalationBudgets;
  logger: EscalationLogger;
}
