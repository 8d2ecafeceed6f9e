/** Small factories with overrides for the contract suite's rows. */
import type { AttachRequest, EscalationRequest, ReserveInput, SlaClockWrite, TicketSnapshot } from '../../../src/store';
import { T0 } from './harness';

export function ticketSnapshot(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    ticketId: 'tk-1',
    ticketNumber: '1042',
    conversationId: 'conv-1',
    contactId: 'contact-1',
    title: 'Checkout returns 500',
    ticketTypeId: 'type-backoffice',
    stateCategory: 'submitted',
    stateLabel: 'New',
    priority: 'P2',
    queue: 'technical',
    teamId: 'team-7',
    adminAssigneeId: null,
    ownerName: null,
    teamName: 'Tier 2',
    isOpen: true,
    intercomUpdatedAt: T0,
    ...overrides,
  };
}

export function escalationRequest(overrides: Partial<EscalationRequest> = {}): EscalationRequest {
  return {
    ticketTypeId: 'type-backoffice',
    priority: 'P2',
    queue: 'technical',
    reason: 'Outage reported',
    summary: 'Summary text',
    ...overrides,
  };
}

export function reserveInput(overrides: Partial<ReserveInput> = {}): ReserveInput {
  return {
    idempotencyKey: 'idem-1',
    conversationId: 'conv-1',
    contactId: 'contact-1',
    adminId: 'admin-1',
    request: escalationRequest(),
    force: false,
    now: T0,
    ...overrides,
  };
}

export function clockWrite(overrides: Partial<SlaClockWrite> = {}): SlaClockWrite {
  return {
    ticketId: 'tk-1',
    kind: 'response',
    cycle: 0,
    state: { spentMs: 0, events: [] },
    status: 'running',
    nextFireAt: T0 + 60_000,
    nextStep: 'warn',
    ...overrides,
  };
}

/** A teammate's request to add conversation conv-2 to the shared case tk-1. */
export function attachRequest(overrides: Partial<AttachRequest> = {}): AttachRequest {
  return {
    requestKey: 'conv-2:nonce-1',
    ticketId: 'tk-1',
    conversationId: 'conv-2',
    adminId: 'admin-1',
    note: null,
    now: T0,
    ...overrides,
  };
}
