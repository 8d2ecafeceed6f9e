/**
 * Scenes the fault, crash and race tests start from, built with Intercom healthy: a workspace whose SLA ladder
 * names a lead, a manager and a breach team, and a conversation escalated into a linked ticket.
 */
import { defaultSettings } from '../../../src/domain/settings';
import { runJobsUntilIdle } from './drive';
import { DEFAULT_VALUES, ESCALATED, canvasText, escalateWhileHealthy } from './escalate';
import type { WiredApp } from './wired-app';

/** The ladder acts on real people: lead on escalate, the manager and the breach team on breach. */
export async function configureLadder(app: WiredApp): Promise<void> {
  const { application, demo, clock } = app.harness;
  const record = await application.store.settings.get(demo.workspaceId);
  const settings = defaultSettings(record.settings.sla.businessHours.timezone);
  const saved = await application.store.settings.save(demo.workspaceId, {
    settings: {
      ...settings,
      ladder: {
        ...settings.ladder,
        leadAdminId: demo.admins.lead,
        managerAdminId: demo.admins.manager,
        breachTeamId: demo.teams.account_risk,
        escalateAction: 'assign',
      },
    },
    expectedVersion: record.version,
    adminId: demo.admins.manager,
    now: clock.now(),
  });
  if (!saved.ok) throw new Error('could not save the ladder settings');
  application.deps.settings.invalidate(demo.workspaceId);
}

/** Escalates the harness's conversation at `priority`, lets the outbox finish, and returns the ticket id. */
export async function linkedTicket(app: WiredApp, priority = 'P1'): Promise<string> {
  const { harness, wire } = app;
  const { response } = await escalateWhileHealthy(wire, harness.fake, harness.context, { ...DEFAULT_VALUES, priority });
  if (!ESCALATED.test(canvasText(response))) throw new Error(`escalation failed: ${canvasText(response).slice(0, 200)}`);
  await runJobsUntilIdle(harness.application, harness.clock, { workspaceId: harness.demo.workspaceId });
  const tickets = await harness.application.store.tickets.listByConversation(harness.demo.workspaceId, harness.context.conversationId);
  if (tickets.length !== 1) throw new Error(`expected one linked ticket, found ${tickets.length}`);
  return tickets[0]!.ticketId;
}
