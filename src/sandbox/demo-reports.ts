/**
 * Ninety days of escalations for the demo workspace, so its reports (linked from the sidebar and the simulator)
 * look like a real team's: about nine tickets a day, answered and resolved around the demo's SLA targets, and an
 * open backlog of every age (the last two days' tickets, and a tail the team never closed) that exists in the fake
 * Intercom too (src/sandbox/demo-backlog.ts). Triage suggestions are left to the demo's own feedback. Written
 * straight into the sandbox's fresh database after the demo settings, before any job runs.
 */
import { QUEUE_KEYS, type QueueKey } from '../domain/model';
import type { WorkspaceSettings } from '../domain/settings';
import type { Database } from '../store';
import { seedBacklogInFake } from './demo-backlog';
import type { SandboxDemo } from './demo-data';
import type { FakeIntercom } from './fake-intercom';
import { buildHistory, type HistoryRows, insertHistory } from './report-history';

export const DEMO_HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The demo's history (deterministic: the browser test rebuilds it to know the figures to expect). Its open tickets
 * carry made-up ids here; `seedDemoReports` gives them the fake Intercom's.
 */
export function demoHistory(demo: SandboxDemo, settings: WorkspaceSettings, now: number): HistoryRows {
  const teams = Object.fromEntries(QUEUE_KEYS.map((q) => [q, { id: demo.teams[q], name: settings.queues[q].label }])) as Record<
    QueueKey,
    { id: string; name: string }
  >;
  const named = (id: string) => ({ id, name: demo.names[id] ?? id });
  return buildHistory({
    workspaceId: demo.workspaceId,
    now,
    // Twice the longest preset, so the 90-day view has a previous period to compare with.
    days: 2 * DEMO_HISTORY_DAYS,
    tickets: 2 * DEMO_HISTORY_DAYS * 9,
    policy: settings.sla,
    teams,
    openFrom: now - 2 * DAY_MS,
    lingering: 0.04,
    ladderOwners: { lead: named(demo.admins.lead), manager: named(demo.admins.manager), breachTeam: named(demo.teams.breach) },
    feedback: false,
    idPrefix: 'demo',
  });
}

/** Writes the history, its open tickets first seeded into the fake Intercom; returns how many tickets (and how many open). */
export async function seedDemoReports(
  database: Database,
  fake: FakeIntercom,
  demo: SandboxDemo,
  settings: WorkspaceSettings,
  now: number,
): Promise<{ tickets: number; open: number }> {
  const rows = demoHistory(demo, settings, now);
  const open = seedBacklogInFake(fake, demo, rows, now);
  await insertHistory(database.db, rows);
  return { tickets: rows.ticket_links.length, open };
}
