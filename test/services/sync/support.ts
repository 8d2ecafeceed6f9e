/**
 * Sync test set-up over the app harness: a linked back-office ticket (in the fake, in our store, with running
 * SLA clocks), the app listening on a loopback port so the fake's back-office can send it signed webhooks, and
 * helpers that drive the background jobs one pass at a time (no real-time waiting).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Priority, QueueKey, StateCategory } from '../../../src/domain/model';
import { TicketSchema } from '../../../src/intercom/ticket-schemas';
import type { BackgroundJob } from '../../../src/jobs/background-job';
import { ticketJson } from '../../../src/sandbox/fake-intercom/serialize-tickets';
import { toTicketSnapshot } from '../../../src/services/ticket-snapshot';
import { type Harness, type HarnessOptions, startHarness, TEST_CLIENT_SECRET } from '../../support/app-harness';
import { perTest } from '../../support/per-test';
import { signBody } from '../../../src/http/signature';

export interface SyncHarness extends Harness {
  /** http://127.0.0.1:<port>/intercom/webhooks */
  webhookUrl: string;
  job(name: 'webhooks' | 'reconcile' | 'outbox'): BackgroundJob;
  /** Runs the webhook processor and the outbox until neither has anything due. */
  drain(): Promise<void>;
  workspaceId: string;
}

export type SyncHarnessOptions = HarnessOptions & { webhooks?: boolean };

/** A fresh sync harness for each test of the file (see `perTest`); `onStarted` may be async, for the file's own set-up. */
export function useSyncHarness(onStarted: (h: SyncHarness) => void | Promise<void>, options: SyncHarnessOptions = {}): void {
  perTest(() => startSyncHarness(options), onStarted);
}

export async function startSyncHarness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const h = await startHarness(options);
  const server: Server = await new Promise((resolve) => {
    const listening = h.application.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/intercom/webhooks`;
  if (options.webhooks !== false) h.fake.configureWebhooks({ url: webhookUrl, clientSecret: TEST_CLIENT_SECRET });
  const job = (name: string) => {
    const found = h.application.jobs.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no job ${name}`);
    return found;
  };
  return {
    ...h,
    webhookUrl,
    workspaceId: h.demo.workspaceId,
    job,
    async drain() {
      for (let round = 0; round < 50; round++) {
        const handled = (await job('webhooks').runOnce()) + (await job('outbox').runOnce());
        if (handled === 0) return;
      }
      throw new Error('jobs did not settle');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await h.close();
    },
  };
}

export interface LinkOptions {
  priority?: Priority;
  queue?: QueueKey;
  state?: StateCategory;
  conversationId?: string;
  title?: string;
}

/** A back-office ticket in the fake, linked to the conversation, mirrored in our store with its clocks started. */
export async function linkTicket(h: SyncHarness, options: LinkOptions = {}) {
  const { demo, fake, application, clock } = h;
  const priority = options.priority ?? 'P2';
  const queue = options.queue ?? 'billing_legal';
  const fakeTicket = fake.seed.ticket(demo.workspaceId, {
    ticketTypeId: demo.backOffice.ticketTypeId,
    contactId: demo.contacts.standard,
    conversationId: options.conversationId ?? h.context.conversationId,
    attributes: {
      _default_title_: options.title ?? 'Double charge on invoice INV-2041',
      Priority: demo.backOffice.priorityAttribute.options[priority],
      Queue: demo.backOffice.queueAttribute.options[queue],
    },
    teamAssigneeId: demo.teams[queue],
    ...(options.state ? { state: options.state } : {}),
  });
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  const ticket = TicketSchema.parse(ticketJson(workspace, fakeTicket));
  const settings = await application.deps.settings.get(demo.workspaceId);
  const snapshot = toTicketSnapshot(ticket, { settings });
  if (!snapshot) throw new Error('seeded ticket did not map to a snapshot');
  const now = clock.now();
  await application.store.tickets.upsert(demo.workspaceId, snapshot, now);
  const account = { tier: 'standard' as const, renewalInDays: null, highRisk: false };
  await application.deps.sla.startClocks(
    application.store,
    demo.workspaceId,
    { ticketId: ticket.id, createdAt: now, priority, account },
    now,
  );
  fake.clearLog();
  return { ticketId: ticket.id, ticketNumber: ticket.ticket_id ?? ticket.id, fakeTicket };
}

export async function storedTicket(h: SyncHarness, ticketId: string) {
  const ticket = await h.application.store.tickets.get(h.workspaceId, ticketId);
  if (!ticket) throw new Error(`ticket ${ticketId} is not in the store`);
  return ticket;
}

/** Requests the fake saw, as `METHOD /path`, optionally only those matching. */
export function calls(h: Harness, pattern?: RegExp): string[] {
  const all = h.fake.requests.map((r) => `${r.method} ${r.path}`);
  return pattern ? all.filter((line) => pattern.test(line)) : all;
}

export function canvasText(body: { canvas: { content: { components: unknown[] } } }): string {
  return JSON.stringify(body.canvas.content.components);
}

/** Over the loopback port the app listens on, signed as Intercom would deliver it. */
export function deliverWebhook(h: SyncHarness, id: string, topic: string, item: unknown): Promise<Response> {
  const raw = JSON.stringify({ type: 'notification_event', app_id: h.workspaceId, id, topic, data: { item }, created_at: 1 });
  const headers = { 'Content-Type': 'application/json', 'X-Hub-Signature': signBody('webhook', raw, TEST_CLIENT_SECRET) };
  return fetch(h.webhookUrl, { method: 'POST', headers, body: raw });
}

/** A ticket as a `ticket.state.updated` webhook carries it, linked to the harness's conversation. */
export function ticketStateItem(h: SyncHarness, ticketId: string, category: string, updatedAt: number, title: string) {
  return {
    type: 'ticket',
    id: ticketId,
    ticket_state: { type: 'ticket_state', id: category, category, internal_label: category, external_label: null },
    ticket_attributes: { _default_title_: title },
    linked_objects: { type: 'list', data: [{ type: 'conversation', id: h.context.conversationId }] },
    updated_at: updatedAt,
  };
}
