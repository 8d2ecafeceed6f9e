/**
 * Ninety days of escalations for the demo workspace, so its reports (linked from the sidebar and the simulator)
 * look like a real team's: about twelve tickets a working day, answered and resolved around the demo's SLA targets.
 * Triage suggestions are left to the demo's own feedback. Written straight into the sandbox's fresh database after the demo settings, before any job runs.
 */
import { QUEUE_KEYS, type QueueKey } from '../domain/model';
import type { WorkspaceSettings } from '../domain/settings';
import type { Database } from '../store';
import type { SandboxDemo } from './demo-data';
import { buildHistory, type HistoryRows, insertHistory } from './report-history';

export const DEMO_HISTORY_DAYS = 90;

/** The demo's history (deterministic: the browser test rebuilds it to know the figures to expect). */
export function demoHistory(demo: SandboxDemo, settings: WorkspaceSettings, now: number): HistoryRows {
  const teams = Object.fromEntries(QUEUE_KEYS.map((q) => [q, { id: demo.teams[q], name: settings.queues[q].label }])) as Record<
    QueueKey,
    { id: string; name: string }
  >;
  return buildHistory({
    workspaceId: demo.workspaceId,
    now,
    // Twice the longest preset, so the 90-day view has a previous period to compare with.
    days: 2 * DEMO_HISTORY_DAYS,
    tickets: 2 * DEMO_HISTORY_DAYS * 9,
    policy: settings.sla,
    teams,
    closedOnly: true,
    feedback: false,
    idPrefix: 'demo',
  });
}

export async function seedDemoReports(database: Database, demo: SandboxDemo, settings: WorkspaceSettings, now: number): Promise<number> {
  const rows = demoHistory(demo, settings, now);
  await insertHistory(database.db, rows);
  return rows.ticket_links.length;
}
