/**
 * The conversation the sidebar benchmark opens: the fake's refund conversation with two linked back-office
 * tickets, each with running SLA clocks (one still waiting for its first response), as two escalations leave it.
 */
import type { Priority, QueueKey, StateCategory } from '../../src/domain/model';
import { defaultSettings } from '../../src/domain/settings';
import { meterForClock, nextLadderStep, resolveTarget, startClock } from '../../src/domain/sla';
import type { Store } from '../../src/store';

interface LinkedTicket {
  ticketId: string;
  title: string;
  state: StateCategory;
  priority: Priority;
  queue: QueueKey;
  ageMs: number;
}

const TICKETS: readonly LinkedTicket[] = [
  {
    ticketId: '694821',
    title: 'Double charge on invoice INV-2041',
    state: 'in_progress',
    priority: 'P2',
    queue: 'billing_legal',
    ageMs: 95 * 60_000,
  },
  { ticketId: '694822', title: 'Refund not received after 10 days', state: 'submitted', priority: 'P1', queue: 'vip', ageMs: 12 * 60_000 },
];

export async function linkSidebarTickets(store: Store, workspaceId: string, conversationId: string, now: number): Promise<string[]> {
  const { sla, ladder } = defaultSettings('UTC');
  const meter = meterForClock(sla, { meterMode: 'business' });
  for (const t of TICKETS) {
    const createdAt = now - t.ageMs;
    await store.tickets.upsert(
      workspaceId,
      {
        ticketId: t.ticketId,
        ticketNumber: t.ticketId.slice(-4),
        conversationId,
        contactId: null,
        title: t.title,
        ticketTypeId: null,
        stateCategory: t.state,
        stateLabel: null,
        priority: t.priority,
        queue: t.queue,
        teamId: null,
        adminAssigneeId: null,
        ownerName: t.state === 'submitted' ? null : 'Lee Lead',
        teamName: 'Billing / Legal',
        isOpen: true,
        intercomUpdatedAt: createdAt,
      },
      createdAt,
    );
    const target = resolveTarget(sla, t.priority, 'standard');
    const kinds = t.state === 'submitted' ? (['response', 'resolution'] as const) : (['resolution'] as const);
    for (const kind of kinds) {
      const targetMs = kind === 'response' ? target.responseMs : target.resolutionMs;
      const state = startClock({ kind, ticketCreatedAt: createdAt, targetMs, tightening: null, meterMode: 'business', now });
      const next = nextLadderStep(state, ladder, [], meter);
      await store.clocks.upsert(
        workspaceId,
        { ticketId: t.ticketId, kind, cycle: 0, state, status: 'running', nextFireAt: next?.dueAt ?? null, nextStep: next?.step ?? null },
        now,
      );
    }
  }
  return TICKETS.map((t) => `#${t.ticketId.slice(-4)}`);
}
