/** View-model factories with overrides, and small readers for canvas responses. */
import type { CanvasResponse, Component } from '../../canvases/kit/types';
import type { EscalateFormVM, SidebarVM, SlaClockVM, TicketCardVM } from '../../canvases/view-models';

/** Nov 21, 2026, 4:05 PM UTC. */
export const NOW = Date.UTC(2026, 10, 21, 16, 5);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function clock(overrides: Partial<SlaClockVM> = {}): SlaClockVM {
  return {
    kind: 'resolution',
    status: 'on_track',
    remainingMs: 2 * HOUR + 14 * MINUTE,
    dueAt: NOW + 2 * HOUR + 14 * MINUTE,
    pausedSince: null,
    ...overrides,
  };
}

export function ticket(overrides: Partial<TicketCardVM> = {}): TicketCardVM {
  return {
    ticketId: '215',
    ticketNumber: '1042',
    title: 'Refund for duplicate charge',
    stateLabel: 'In progress',
    priority: 'P2',
    queueLabel: 'Billing / Legal',
    ownerName: 'Dana Ops',
    teamName: 'Billing',
    url: 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/215',
    clocks: [clock()],
    ...overrides,
  };
}

export function sidebarVM(overrides: Partial<SidebarVM> = {}): SidebarVM {
  return {
    now: NOW,
    tz: { zone: 'UTC', source: 'utc' },
    tickets: [],
    pending: [],
    recommendation: null,
    settingsUrl: null,
    contactMissing: false,
    ...overrides,
  };
}

export function escalateVM(overrides: Partial<EscalateFormVM> = {}): EscalateFormVM {
  return {
    nonce: 'n0nce-abc123',
    conversationId: '1295',
    ticketTypes: [
      { id: '11', label: 'Back-office escalation' },
      { id: '12', label: 'Billing dispute' },
    ],
    ticketTypeId: '11',
    priority: 'P2',
    queues: [
      { id: 'vip', label: 'VIP / High-Tier' },
      { id: 'technical', label: 'Technical / Bugs' },
      { id: 'account_risk', label: 'Account Risk' },
      { id: 'billing_legal', label: 'Billing / Legal' },
      { id: 'default', label: 'General escalations' },
    ],
    queue: 'billing_legal',
    reason: 'Keyword: refund\nTier: Enterprise',
    shareAllowed: true,
    shareWithCustomer: false,
    summaryPreview: 'Customer was charged twice for order 4411 and asks for a refund.',
    ...overrides,
  };
}

export function components(res: CanvasResponse): readonly Component[] {
  return res.canvas.content.components;
}

export function byId(res: CanvasResponse, id: string): Component {
  const found = components(res).find((c) => 'id' in c && c.id === id);
  if (!found) throw new Error(`no component ${id}; ids: ${ids(res).join(', ')}`);
  return found;
}

export function ids(res: CanvasResponse): string[] {
  return components(res).flatMap((c) => ('id' in c && c.id ? [c.id] : []));
}

export function texts(res: CanvasResponse): string[] {
  return components(res).flatMap((c) => (c.type === 'text' ? [c.text] : []));
}

export function buttons(res: CanvasResponse) {
  return components(res).flatMap((c) => (c.type === 'button' ? [c] : []));
}
