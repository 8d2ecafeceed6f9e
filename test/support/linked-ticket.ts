/**
 * A back-office ticket linked to the harness's conversation, written straight to the store as a webhook or an
 * escalation would leave it, with a running 4-hour calendar resolution clock: what most sidebar tests start from.
 */
import { startClock } from '../../src/domain/sla';
import type { Store, TicketSnapshot } from '../../src/store';
import type { Harness } from './app-harness';

/** The snapshot such a ticket has: In progress, P2, Billing / Legal, owned by Lee Lead, unless overridden. */
export function linkedSnapshot(
  h: Pick<Harness, 'demo' | 'context' | 'clock'>,
  ticketId: string,
  overrides: Partial<TicketSnapshot> = {},
): TicketSnapshot {
  return {
    ticketId,
    ticketNumber: ticketId,
    conversationId: h.context.conversationId,
    contactId: null,
    title: 'Double charge on invoice INV-2041',
    ticketTypeId: h.demo.backOffice.ticketTypeId,
    stateCategory: 'in_progress',
    stateLabel: null,
    priority: 'P2',
    queue: 'billing_legal',
    teamId: h.demo.teams.billing_legal,
    adminAssigneeId: null,
    ownerName: 'Lee Lead',
    teamName: 'Billing / Legal',
    isOpen: true,
    intercomUpdatedAt: h.clock.now(),
    ...overrides,
  };
}

export async function linkTicketWithClock(
  h: Pick<Harness, 'demo' | 'context' | 'clock'>,
  ticketId: string,
  overrides: Partial<TicketSnapshot> = {},
  store?: Store,
): Promise<void> {
  const target = store ?? (h as Harness).application.store;
  const now = h.clock.now();
  await target.tickets.upsert(h.demo.workspaceId, linkedSnapshot(h, ticketId, overrides), now);
  const state = startClock({
    kind: 'resolution',
    ticketCreatedAt: now,
    targetMs: 4 * 3_600_000,
    tightening: null,
    meterMode: 'calendar',
    now,
  });
  await target.clocks.upsert(
    h.demo.workspaceId,
    { ticketId, kind: 'resolution', cycle: state.cycle, state, status: 'running', nextFireAt: null, nextStep: null },
    now,
  );
}
