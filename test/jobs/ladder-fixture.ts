/**
 * Shared set-up for the SLA ladder tests: a linked back-office ticket that exists at the fake Intercom, its
 * snapshot in our store, and clocks started through the app's own SlaService; settings tuned for readable maths.
 *
 * Clocks count calendar time here (the default is business time, which the service tests cover), and the ticket
 * is P1 × enterprise: a 4 h resolution target, so warn = +3 h, escalate = +3 h 36 min, breach = +4 h. The ticket
 * starts `in_progress`, which is its first response: only the resolution clock climbs the ladder.
 */
import type { Priority } from '../../src/domain/model';
import type { LadderSettings } from '../../src/domain/settings';
import type { SlaScheduler } from '../../src/jobs/sla-scheduler';
import type { RecordedRequest } from '../../src/sandbox/fake-intercom';
import type { AccountFacts } from '../../src/services/sla/sla-service';
import { type Harness, useHarness } from '../support/app-harness';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const WARN_AFTER = 3 * HOUR;
export const ESCALATE_AFTER = 3 * HOUR + 36 * MIN;
export const BREACH_AFTER = 4 * HOUR;

export const enterprise: AccountFacts = { tier: 'enterprise', renewalInDays: null, highRisk: false };

export interface LadderOptions {
  /** Overrides of the ladder settings; `configured: false` keeps the defaults (no lead, manager or breach team). */
  ladder?: Partial<LadderSettings>;
  configured?: boolean;
  calendar?: boolean;
}

/** A fresh harness for each test of the file, with the ladder configured as below before the test runs. */
export function useLadderHarness(onStarted: (h: Harness) => void): void {
  useHarness(async (started) => {
    await configureLadder(started);
    onStarted(started);
  });
}

/** Saves settings through the store (as the settings page would) and drops the app's cached copy. */
export async function configureLadder(h: Harness, options: LadderOptions = {}): Promise<void> {
  const ws = h.demo.workspaceId;
  const record = await h.application.store.settings.get(ws);
  const { settings } = record;
  const staff =
    options.configured === false
      ? {}
      : { leadAdminId: h.demo.admins.lead, managerAdminId: h.demo.admins.manager, breachTeamId: h.demo.teams.vip };
  const calendar = options.calendar ?? true;
  const saved = await h.application.store.settings.save(ws, {
    settings: {
      ...settings,
      sla: { ...settings.sla, ...(calendar ? { responseCounts: 'calendar', resolutionCounts: 'calendar' } : {}) },
      ladder: { ...settings.ladder, ...staff, ...options.ladder },
    },
    expectedVersion: record.version,
    adminId: null,
    now: h.clock.now(),
  });
  if (!saved.ok) throw new Error('settings save conflicted');
  h.application.deps.settings.invalidate(ws);
}

/** A ticket at the fake (owned by the agent, in the Billing team), linked in our store, with both clocks started. */
export async function linkedTicket(h: Harness, account: AccountFacts = enterprise, priority: Priority = 'P1'): Promise<string> {
  const ws = h.demo.workspaceId;
  const { store, deps } = h.application;
  const now = h.clock.now();
  const ticket = h.fake.seed.ticket(ws, {
    ticketTypeId: h.demo.backOffice.ticketTypeId,
    contactId: h.demo.contacts.standard,
    conversationId: h.demo.conversations.refund,
    state: 'in_progress',
    adminAssigneeId: h.demo.admins.agent,
    teamAssigneeId: h.demo.teams.billing_legal,
    createdAt: now,
  });
  await store.tickets.upsert(
    ws,
    {
      ticketId: ticket.id,
      ticketNumber: String(ticket.ticketNumber),
      conversationId: h.demo.conversations.refund,
      contactId: h.demo.contacts.standard,
      title: 'Double charge on invoice INV-2041',
      ticketTypeId: h.demo.backOffice.ticketTypeId,
      stateCategory: 'in_progress',
      stateLabel: null,
      priority,
      queue: 'billing_legal',
      teamId: h.demo.teams.billing_legal,
      adminAssigneeId: h.demo.admins.agent,
      ownerName: 'Alex Agent',
      teamName: 'Billing / Legal',
      isOpen: true,
      intercomUpdatedAt: now,
    },
    now,
  );
  await store.transaction(async (tx) => {
    await deps.sla.startClocks(tx, ws, { ticketId: ticket.id, createdAt: now, priority, account }, now);
    await deps.sla.onTicketState(tx, ws, ticket.id, 'in_progress', now);
  });
  return ticket.id;
}

export function schedulerOf(h: Harness): SlaScheduler {
  const job = h.application.jobs.find((candidate) => candidate.name === 'sla-scheduler');
  if (!job || !('lagMs' in job)) throw new Error('the SLA scheduler is not registered in wiring');
  return job as SlaScheduler;
}

/**
 * One scheduler tick, then the outbox until it is empty. Jobs that wait (a retry, an earlier step still queued)
 * need the clock to move: it advances `retryStepMs` per round, far less than any gap between ladder steps.
 */
export async function tickAndDrain(h: Harness, retryStepMs = 5_000, maxRounds = 30): Promise<void> {
  await schedulerOf(h).runOnce();
  for (let round = 0; round < maxRounds; round += 1) {
    await h.application.outbox.runOnce();
    if ((await h.application.store.outbox.pendingCount(h.demo.workspaceId)) === 0) return;
    h.clock.advance(retryStepMs);
  }
  throw new Error('the outbox did not drain');
}

/** The requests the ladder made about one ticket, in order (the names of people come from a cached directory). */
export function ladderRequests(h: Harness, ticketId: string): RecordedRequest[] {
  return h.fake.requests.filter((r) => r.path.startsWith(`/tickets/${ticketId}`));
}

export const summary = (requests: readonly RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path} ${r.status}`);

export function notesOn(requests: readonly RecordedRequest[]) {
  return requests
    .filter((r) => r.method === 'POST' && r.path.endsWith('/reply') && r.status === 200)
    .map((r) => r.body as Record<string, unknown>);
}
