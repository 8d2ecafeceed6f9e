/**
 * Part 3 (Intercom faults), note posting and reconciliation. A teammate adds a cross-posted note from the
 * sidebar while Intercom fails: one note on the ticket and one copy in the conversation in the end, and a
 * canvas that said "added" or "queued". A ticket resolved while its webhook was lost is found by
 * reconciliation while Intercom fails: once it clears, the resolution is applied and its follow-ups (the
 * conversation note, reopening the closed conversation) happen exactly once.
 */
import { randomUUID } from 'node:crypto';
import { submitBody } from '../../src/sandbox/canvas-kit-body';
import { BUDGET } from '../support/reliability/budget';
import { conversationPartsContaining, ticketNotes } from '../support/reliability/effects';
import { casesFor, type FaultStep, runFaultCase, warmUp } from '../support/reliability/fault-matrix';
import { FigureSheet } from '../support/reliability/figures';
import { linkedTicket } from '../support/reliability/scenes';
import { startWiredApp, type WiredApp } from '../support/reliability/wired-app';

const figures = new FigureSheet('Intercom faults · notes and reconciliation');
afterAll(() => figures.print());

interface NoteScene {
  ticketId: string;
  text: string;
  body: string;
}

const noteStep = (route: string, answerLostFirst: boolean): FaultStep<NoteScene> => ({
  name: `sidebar note: ${route}${answerLostFirst ? ' (after a first answer was lost)' : ''}`,
  route,
  prepare: async (app) => {
    const { fake, context } = app.harness;
    const ticketId = await linkedTicket(app, 'P4');
    const form = await app.wire.postCanvas(
      '/intercom/submit',
      JSON.stringify(submitBody(fake, context, { componentId: `ticket_note_open:${ticketId}` })),
    );
    const text = `Customer called again ${randomUUID()}`;
    const inputValues = { note_body: text, cross_post: ['cross_post'] };
    const body = JSON.stringify(
      submitBody(fake, context, { componentId: `ticket_note_submit:${ticketId}`, currentCanvas: form.json, inputValues }),
    );
    return { ticketId, text, body };
  },
  act: async (app, scene) => {
    // The inline post reaches Intercom but its answer is lost, so the job must look before it posts again.
    if (answerLostFirst) app.harness.fake.faults.add({ route: 'POST /tickets/{id}/reply', phase: 'after', effect: { type: 'drop' } });
    return [await app.wire.postCanvas('/intercom/submit', scene.body)];
  },
  count: (app, scene) => {
    const { fake, demo, context } = app.harness;
    return {
      onTicket: ticketNotes(fake, demo.workspaceId, scene.ticketId, scene.text).length,
      inConversation: conversationPartsContaining(fake, demo.workspaceId, context.conversationId, scene.text).length,
    };
  },
  expected: { onTicket: 1, inConversation: 1 },
});

/**
 * Times the conversation went from closed to open. Not the number of "open" parts: reopening is a state change
 * the client may repeat (an update, retried after a lost answer), and the fake logs a part even for a repeat.
 */
function reopenings(partTypes: string[]): number {
  let closed = false;
  let count = 0;
  for (const type of partTypes) {
    if (type === 'close' || type === 'snoozed') closed = true;
    if (type === 'open' && closed) {
      count += 1;
      closed = false;
    }
  }
  return count;
}

interface ResolveScene {
  ticketId: string;
}

/** Intercom resolves the ticket and the webhook never arrives; the conversation was closed meanwhile. */
const reconcileStep = (route: string): FaultStep<ResolveScene> => ({
  name: `reconciliation of a lost webhook: ${route}`,
  route,
  prepare: async (app) => {
    const { fake, demo, context } = app.harness;
    const ticketId = await linkedTicket(app, 'P4');
    const conversation = fake.state.workspaces.get(demo.workspaceId)!.conversations.get(context.conversationId)!;
    conversation.state = 'closed';
    conversation.parts.push({ ...conversation.parts[0]!, id: 'closed-by-agent', partType: 'close', body: null });
    await fake.backOffice.setState(ticketId, 'resolved', { adminId: demo.admins.lead });
    return { ticketId };
  },
  act: async (app) => {
    // Past the snapshot's maximum age (15 minutes by default): reconciliation re-reads the ticket.
    app.harness.clock.advance(16 * 60_000);
    return [];
  },
  count: async (app, scene) => {
    const { fake, demo, context, application } = app.harness;
    const stored = await application.store.tickets.get(demo.workspaceId, scene.ticketId);
    const conversation = fake.state.workspaces.get(demo.workspaceId)!.conversations.get(context.conversationId)!;
    return {
      resolvedNote: conversationPartsContaining(fake, demo.workspaceId, context.conversationId, 'resolved').length,
      reopened: reopenings(conversation.parts.map((part) => part.partType)),
      open: conversation.state === 'open' ? 1 : 0,
      resolvedInStore: stored?.stateCategory === 'resolved' ? 1 : 0,
    };
  },
  expected: { resolvedNote: 1, reopened: 1, open: 1, resolvedInStore: 1 },
  roundsDuringFault: 3,
});

const steps = [
  noteStep('POST /tickets/{id}/reply', false),
  noteStep('GET /tickets/{id}', true),
  reconcileStep('GET /tickets/{id}'),
  reconcileStep('POST /conversations/{id}/reply'),
  reconcileStep('GET /conversations/{id}'),
  reconcileStep('POST /conversations/{id}/parts'),
] as FaultStep<unknown>[];

beforeAll(() => warmUp(steps), BUDGET.testTimeoutMs);

describe.each(steps.map((step) => [step.name, step] as const))('%s', (_name, step) => {
  it.concurrent.each(casesFor(step))(
    'under %s: every effect exactly once once the fault clears',
    async (_kind, kind) => {
      for (let round = 0; round < BUDGET.faultRounds; round += 1) await runFaultCase(step, kind, figures);
    },
    BUDGET.testTimeoutMs,
  );
});

it('keeps the stored ticket unresolved while reconciliation cannot read it, and resolves it once it can', async () => {
  const app: WiredApp = await startWiredApp();
  try {
    const { fake, demo, application, clock } = app.harness;
    const ticketId = await linkedTicket(app, 'P4');
    await fake.backOffice.setState(ticketId, 'resolved', { adminId: demo.admins.lead });
    fake.faults.failNext(Number.POSITIVE_INFINITY, 503, 'GET /tickets/{id}');
    clock.advance(16 * 60_000);
    for (const job of application.jobs) await job.runOnce();
    expect((await application.store.tickets.get(demo.workspaceId, ticketId))?.stateCategory).not.toBe('resolved');
    fake.faults.clear();
    clock.advance(60_000);
    for (const job of application.jobs) await job.runOnce();
    expect((await application.store.tickets.get(demo.workspaceId, ticketId))?.stateCategory).toBe('resolved');
  } finally {
    await app.close();
  }
});
