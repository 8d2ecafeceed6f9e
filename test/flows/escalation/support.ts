/**
 * Helpers for the escalate-flow HTTP tests: open the form and submit it as Intercom would (the canvas we
 * returned comes back as `current_canvas`), drive the outbox, and read what reached the fake Intercom.
 */
import { parseConversation } from '../../../src/domain/conversation';
import type { QueueKey } from '../../../src/domain/model';
import { triageInputFrom } from '../../../src/domain/recommendation';
import { triage } from '../../../src/domain/triage';
import type { CanvasKitContext } from '../../../src/sandbox/canvas-kit-body';
import type { FakeTicket } from '../../../src/sandbox/fake-intercom';
import { conversationJson } from '../../../src/sandbox/fake-intercom/serialize-conversations';
import type { Harness } from '../../support/app-harness';
import { assertValidCanvasResponse } from '../../support/canvas-schema';

export interface CanvasBody {
  canvas: { content: { components: Array<Record<string, unknown>> }; stored_data?: Record<string, unknown> };
}

export function texts(body: CanvasBody): string[] {
  return body.canvas.content.components.flatMap((c) => (c['type'] === 'text' ? [String(c['text'])] : []));
}

export function component(body: CanvasBody, id: string): Record<string, unknown> | undefined {
  return body.canvas.content.components.find((c) => c['id'] === id);
}

export async function openForm(h: Harness, context: Partial<CanvasKitContext> = {}): Promise<CanvasBody> {
  const res = await h.submit(
    { componentId: 'escalate_open', currentCanvas: { content: { components: [] }, stored_data: { v: 1, flow: 'home' } } },
    context,
  );
  expect(res.status).toBe(200);
  assertValidCanvasResponse(res.body, 'submit');
  return res.body as CanvasBody;
}

/** What the Inbox would send for the form as shown: every field's current value, with `changes` applied. */
export function formValues(form: CanvasBody, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const c of form.canvas.content.components) {
    if (['dropdown', 'single-select', 'textarea', 'input', 'checkbox'].includes(String(c['type'])))
      values[String(c['id'])] = c['value'] ?? null;
  }
  return { ...values, ...changes };
}

export async function submitForm(
  h: Harness,
  form: CanvasBody,
  changes: Record<string, unknown> = {},
  options: { componentId?: string; context?: Partial<CanvasKitContext> } = {},
): Promise<CanvasBody> {
  const res = await h.submit(
    { componentId: options.componentId ?? 'escalate_submit', inputValues: formValues(form, changes), currentCanvas: form.canvas },
    options.context,
  );
  expect(res.status).toBe(200);
  assertValidCanvasResponse(res.body, 'submit');
  return res.body as CanvasBody;
}

/** Runs the outbox until nothing is due (each pass may enqueue the next step, e.g. the note after the ticket). */
export async function drain(h: Harness, passes = 10): Promise<number> {
  let total = 0;
  for (let i = 0; i < passes; i++) {
    const n = await h.application.outbox.runOnce();
    total += n;
    if (n === 0) break;
  }
  return total;
}

/** Past every retry delay a test can produce (the outbox backs off up to minutes). */
export function afterRetries(h: Harness, minutes = 20): void {
  h.clock.advance(minutes * 60_000);
}

export function fakeTickets(h: Harness): FakeTicket[] {
  return [...h.fake.state.workspaces.get(h.demo.workspaceId)!.tickets.values()];
}

export function handoffNotes(h: Harness, conversationId = h.context.conversationId): string[] {
  const conversation = h.fake.state.workspaces.get(h.demo.workspaceId)!.conversations.get(conversationId)!;
  return conversation.parts.filter((p) => p.partType === 'note' && (p.body ?? '').includes('Handoff note ref:')).map((p) => p.body ?? '');
}

export function createTicketRequests(h: Harness) {
  return h.fake.requests.filter((r) => r.method === 'POST' && r.path === '/tickets');
}

export function queueTeams(h: Harness): Record<QueueKey, string> {
  return h.demo.teams;
}

/** Maps every queue to its demo team, as an admin would on the settings page. */
export async function assignQueueTeams(h: Harness): Promise<void> {
  const { store } = h.application;
  const record = await store.settings.get(h.demo.workspaceId);
  const queues = Object.fromEntries(
    Object.entries(record.settings.queues).map(([key, queue]) => [key, { ...queue, teamId: h.demo.teams[key as QueueKey] }]),
  ) as typeof record.settings.queues;
  const saved = await store.settings.save(h.demo.workspaceId, {
    settings: { ...record.settings, queues },
    expectedVersion: record.version,
    adminId: h.demo.admins.manager,
    now: h.clock.now(),
  });
  expect(saved.ok).toBe(true);
  h.application.deps.settings.invalidate(h.demo.workspaceId);
}

/**
 * The engine's case title for a sandbox conversation, through the app's own input mapping: the ticket title the
 * submit must send (the engine's wording is tri-engine's to improve, the wiring is what these tests check).
 */
export function engineCaseTitle(h: Harness, conversationId = h.context.conversationId): string {
  const workspace = h.fake.state.workspaces.get(h.demo.workspaceId)!;
  const conversation = parseConversation(conversationJson(workspace, workspace.conversations.get(conversationId)!));
  const { input } = triageInputFrom(conversation, { tier: 'standard', isVip: false, renewalInDays: null });
  return triage(input).caseTitle;
}
