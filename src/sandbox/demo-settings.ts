/**
 * The demo workspace's Handoff settings, saved through the store like the settings page would: each queue owned
 * by its demo team, the Back-office type as the default, and a ladder with a lead, a manager and a breach team.
 * The demo support org works around the clock, so moving sandbox time always moves the SLA clocks (a Monday–Friday
 * calendar would freeze the demo on a weekend); the settings page can switch it back to office hours.
 */
import { QUEUE_KEYS } from '../domain/model';
import { defaultSettings, type WorkspaceSettings } from '../domain/settings';
import type { Store } from '../store';
import type { SandboxDemo } from './demo-data';

const allDay = [{ start: '00:00', end: '24:00' }];

export function demoSettings(demo: SandboxDemo, timezone: string): WorkspaceSettings {
  const base = defaultSettings(timezone);
  const queues = { ...base.queues };
  for (const queue of QUEUE_KEYS) queues[queue] = { ...base.queues[queue], teamId: demo.teams[queue] };
  return {
    ...base,
    ticketTypeId: demo.backOffice.ticketTypeId,
    queues,
    sla: {
      ...base.sla,
      businessHours: {
        timezone,
        weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        holidays: [],
      },
    },
    ladder: {
      ...base.ladder,
      leadAdminId: demo.admins.lead,
      managerAdminId: demo.admins.manager,
      breachTeamId: demo.teams.breach,
    },
  };
}

export async function saveDemoSettings(
  store: Store,
  demo: SandboxDemo,
  timezone: string,
  now: number,
  /** Further demo choices made at boot (the customer view's origin is known only once the server listens). */
  adjust: (settings: WorkspaceSettings) => WorkspaceSettings = (settings) => settings,
): Promise<void> {
  const current = await store.settings.get(demo.workspaceId);
  const result = await store.settings.save(demo.workspaceId, {
    settings: adjust(demoSettings(demo, timezone)),
    expectedVersion: current.version,
    adminId: demo.admins.manager,
    now,
  });
  if (!result.ok) throw new Error('could not save the sandbox settings (someone saved at the same moment)');
}
