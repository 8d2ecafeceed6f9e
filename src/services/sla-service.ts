/**
 * The seam between ticket events and SLA clocks. Escalation starts the clocks;
 * webhooks, refreshes and sidebar actions report what happened to the ticket;
 * the SLA scheduler fires the ladder. Every method takes the Store it should
 * write through, so callers run it inside their own transaction.
 */
import type { Priority, StateCategory, Tier } from '../domain/model';
import type { Store } from '../store';

export interface AccountFacts {
  tier: Tier;
  renewalInDays: number | null;
  highRisk: boolean;
}

export interface SlaService {
  /** Starts the response and resolution clocks of a newly linked ticket (idempotent per ticket). */
  startClocks(
    tx: Store,
    workspaceId: string,
    input: { ticketId: string; createdAt: number; priority: Priority; account: AccountFacts },
    now: number,
  ): Promise<void>;
  /** The ticket's state category changed at `at` (pause / resume / stop / reopen; leaving `submitted` is a first response). */
  onTicketState(tx: Store, workspaceId: string, ticketId: string, category: StateCategory, at: number): Promise<void>;
  /** The back-office team first acted (a note, or assignment to a person): stops the response clock. */
  onFirstResponse(tx: Store, workspaceId: string, ticketId: string, at: number): Promise<void>;
  /** Priority changed: due times are recomputed from the time already spent. */
  onPriorityChange(tx: Store, workspaceId: string, ticketId: string, priority: Priority, at: number): Promise<void>;
}
