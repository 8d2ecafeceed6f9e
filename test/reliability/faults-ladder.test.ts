/**
 * Part 3 (Intercom faults), SLA ladder: a P1 ticket's response clock passes 75, 90 and 100 % while Intercom
 * fails the calls the ladder makes (reading the ticket for its markers, the assignments, the notes). Once the
 * fault clears each step has acted exactly once: one note per step, the breach note cross-posted once, and
 * the ticket with the manager and the breach team.
 */
import { BUDGET } from '../support/reliability/budget';
import { conversationPartsContaining, ticketNotes } from '../support/reliability/effects';
import { casesFor, type FaultStep, runFaultCase, warmUp } from '../support/reliability/fault-matrix';
import { FigureSheet } from '../support/reliability/figures';
import { configureLadder, linkedTicket } from '../support/reliability/scenes';
import type { WiredApp } from '../support/reliability/wired-app';

const figures = new FigureSheet('Intercom faults · SLA ladder');
afterAll(() => figures.print());

/** P1, standard tier: the response target is 120 business minutes, and the test starts at 10:00 on a Wednesday. */
const PAST_BREACH_MS = 125 * 60_000;

function count(app: WiredApp, ticketId: string) {
  const { fake, demo, context } = app.harness;
  const notes = (step: string) => ticketNotes(fake, demo.workspaceId, ticketId, `handoff-sla:response:0:${step}`).length;
  const ticket = fake.state.workspaces.get(demo.workspaceId)!.tickets.get(ticketId)!;
  return {
    warn: notes('warn'),
    escalate: notes('escalate'),
    breach: notes('breach'),
    breachInConversation: conversationPartsContaining(fake, demo.workspaceId, context.conversationId, 'handoff-sla:response:0:breach')
      .length,
    ownedByManager: ticket.adminAssigneeId === demo.admins.manager ? 1 : 0,
    inBreachTeam: ticket.teamAssigneeId === demo.teams.account_risk ? 1 : 0,
  };
}

const ladderStep = (route: string): FaultStep<string> => ({
  name: `ladder: ${route}`,
  route,
  prepare: async (app) => {
    await configureLadder(app);
    return linkedTicket(app, 'P1');
  },
  act: async (app) => {
    app.harness.clock.advance(PAST_BREACH_MS);
    return [];
  },
  count,
  expected: { warn: 1, escalate: 1, breach: 1, breachInConversation: 1, ownedByManager: 1, inBreachTeam: 1 },
  roundsDuringFault: 4,
});

const steps = [ladderStep('GET /tickets/{id}'), ladderStep('PUT /tickets/{id}'), ladderStep('POST /tickets/{id}/reply')];

beforeAll(() => warmUp(steps), BUDGET.testTimeoutMs);

describe.each(steps.map((step) => [step.name, step] as const))('%s', (_name, step) => {
  it.concurrent.each(casesFor(step))(
    'under %s: each step acts exactly once once the fault clears',
    async (_kind, kind) => {
      for (let round = 0; round < BUDGET.faultRounds; round += 1) await runFaultCase(step, kind, figures);
    },
    BUDGET.testTimeoutMs,
  );
});
