/** A harness with a tracker type, trackers to link to, and helpers to drive the incident screens. */
import type { FakeConversation, FakeTicket } from '../../../src/sandbox/fake-intercom';
import { type Harness, type HarnessOptions, startHarness } from '../../support/app-harness';
import { assertValidCanvasResponse } from '../../support/canvas-schema';
import { perTest } from '../../support/per-test';

export type Body = { canvas: { content: { components: unknown[] }; stored_data?: Record<string, unknown> } };

export interface IncidentHarness extends Harness {
  trackerTypeId: string;
  /** A tracker created `minutesAgo` before the harness's start, open, with `linked` other conversations. */
  tracker(title: string, options?: { minutesAgo?: number; linked?: number }): FakeTicket;
  conversation(id: string): FakeConversation;
  ticket(id: string): FakeTicket;
  screen(
    componentId: string,
    options?: { inputValues?: Record<string, unknown>; currentCanvas?: unknown; conversationId?: string },
  ): Promise<Body>;
  /** Runs the outbox until nothing is due, advancing the clock by `stepMs` between rounds. */
  drain(stepMs?: number): Promise<number>;
}

export function text(body: Body): string {
  return JSON.stringify(body.canvas.content.components);
}

/** `trackerTypeId`: a second instance over the same fake reuses the first one's type. */
export async function startIncidentHarness(options: HarnessOptions & { trackerTypeId?: string } = {}): Promise<IncidentHarness> {
  const h = await startHarness(options);
  const { workspaceId } = h.demo;
  const trackerTypeId = options.trackerTypeId ?? h.fake.seed.ticketType(workspaceId, { name: 'Incident', category: 'Tracker' }).id;
  const workspace = () => h.fake.state.workspaces.get(workspaceId)!;
  let extra = 0;
  return {
    ...h,
    trackerTypeId,
    tracker(title, options = {}) {
      const ticket = h.fake.seed.ticket(workspaceId, {
        ticketTypeId: trackerTypeId,
        contactId: h.demo.contacts.standard,
        attributes: { _default_title_: title },
        createdAt: Math.floor(h.clock.now() / 1000) - (options.minutesAgo ?? 0) * 60,
      });
      for (let i = 0; i < (options.linked ?? 0); i += 1)
        ticket.links.push({ type: 'conversation', id: `other-${extra++}`, category: null });
      return ticket;
    },
    conversation: (id) => workspace().conversations.get(id)!,
    ticket: (id) => workspace().tickets.get(id)!,
    async screen(componentId, options = {}) {
      const res = await h.submit(
        { componentId, inputValues: options.inputValues ?? {}, currentCanvas: options.currentCanvas },
        options.conversationId ? { conversationId: options.conversationId } : {},
      );
      expect(res.status).toBe(200);
      assertValidCanvasResponse(res.body, 'submit');
      return res.body as Body;
    },
    async drain(stepMs = 1_000) {
      let total = 0;
      for (let round = 0; round < 10_000; round += 1) {
        const ran = await h.application.outbox.runOnce();
        total += ran;
        if (ran === 0) {
          const pending = await h.application.store.outbox.pendingCount(workspaceId);
          if (pending === 0) return total;
          h.clock.advance(stepMs);
        }
      }
      throw new Error('outbox did not drain');
    },
  };
}

/** A fresh incident harness for each test of the file (see `perTest`). */
export function useIncidentHarness(onStarted: (h: IncidentHarness) => void): void {
  perTest(() => startIncidentHarness(), onStarted);
}
