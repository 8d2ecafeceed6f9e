/**
 * Ninety days of escalations for the demo workspace, so its reports (linked from the sidebar and the simulator)
 * look like a real team's: about twelve tickets a working day, answered and resolved around the demo's SLA targets.
 * Triage suggestions are left to the demo's own feedback. Written straight into the sandbox's fresh database after the demo settings, before any job runs.
 */
import { QUEUE_KEYS, type QueueKey } from '../domain/model';
import type { WorkspaceSettings } from '../domain/settings';
import type { Database } from '../store';
import type { SandboxDemo } from './demo-data';
import { buildHistory, insertHistory } from './report-history';

export const DEMO_HISTORY_DAYS = 90;

export async function seedDemoReports(database: Database, demo: SandboxDemo, settings: WorkspaceSettings, now: number): Promise<number> {
  const teams = Object.fromEntries(QUEUE_KEYS.map((q) => [q, { id: demo.teams[q], name: settings.queues[q].label }])) as Record<
    QueueKey,
    { id: string; name: string }
  >;
  const rows = buildHistory({
    workspaceId: demo.workspaceId,
    now,
    days: DEMO_HISTORY_DAYS,
    tickets: DEMO_HISTORY_DAYS * 9,
    policy: settings.sla,
    teams,
    closedOnly: true,
    feedback: false,
    idPrefix: 'demo',
  });
  await insertHistory(database.db, rows);
  return rows.ticket_links.length;
}
