/**
 * A storm of due SLA clocks on a contract-suite store: several workspaces (one uninstalled), tickets of every
 * priority and tier started at staggered times over the last three days, some paused or resolved since, so that at
 * `STORM_NOW` some clocks owe one ladder step, some two, some all three, and some none. `stormOutcome` reads back
 * everything a tick writes, in a stable order, so two runs can be compared.
 */
import { PRIORITIES, TIERS } from '../../src/domain/model';
import { createSlaService } from '../../src/services/sla/sla-service';
import type { Store } from '../../src/store';
import type { Database } from '../../src/store';
import { ManualClock } from '../../src/util/clock';
import { seedWorkspace } from '../store/repos/harness';

/** Friday 20 Nov 2026, 15:00 UTC: inside the default business hours. */
export const STORM_NOW = Date.UTC(2026, 10, 20, 15, 0);
const MIN = 60_000;

export async function seedStorm(store: Store, tickets: number, workspaces = 4): Promise<void> {
  const clock = new ManualClock(STORM_NOW - 3 * 24 * 60 * MIN);
  const sla = createSlaService({ clock });
  for (let w = 0; w < workspaces; w += 1) await seedWorkspace(store, `ws-${w}`, w % 2 === 0 ? 'UTC' : 'America/New_York');
  for (let i = 0; i < tickets; i += 1) {
    const workspaceId = `ws-${i % workspaces}`;
    const ticketId = `tk-${String(i).padStart(4, '0')}`;
    const createdAt = STORM_NOW - ((i * 37 * MIN) % (3 * 24 * 60 * MIN)) - MIN;
    const account = { tier: TIERS[i % TIERS.length]!, renewalInDays: i % 7 === 0 ? 10 : null, highRisk: false };
    const priority = PRIORITIES[(i >> 1) % PRIORITIES.length]!;
    await store.transaction(async (tx) => {
      await sla.startClocks(tx, workspaceId, { ticketId, createdAt, priority, account }, createdAt);
      if (i % 5 === 1) await sla.onTicketState(tx, workspaceId, ticketId, 'waiting_on_customer', createdAt + 20 * MIN);
      if (i % 9 === 2) await sla.onTicketState(tx, workspaceId, ticketId, 'resolved', createdAt + 30 * MIN);
    });
  }
  // Uninstalling disarms its clocks; one armed again since (a late event) must be disarmed, not fired.
  await store.workspaces.markUninstalled(`ws-${workspaces - 1}`, STORM_NOW - MIN);
  await store.clocks.rearmRunning(`ws-${workspaces - 1}`, STORM_NOW - MIN);
}

export interface StormOutcome {
  firings: string[];
  jobs: string[];
  clocks: string[];
}

/** Every firing, ladder job and clock schedule, as sorted lines (the job's id and creation time left out). */
export async function stormOutcome(database: Database): Promise<StormOutcome> {
  const { db } = database;
  const firings = await db.selectFrom('ladder_firings').selectAll().execute();
  const jobs = await db.selectFrom('outbox').selectAll().where('kind', '=', 'ladder.step').execute();
  const clocks = await db.selectFrom('sla_clocks').selectAll().execute();
  return {
    firings: firings.map((f) => [f.workspace_id, f.ticket_id, f.kind, f.cycle, f.step, f.due_at, f.fired_at].join(' ')).sort(),
    jobs: jobs.map((j) => [j.workspace_id, j.dedupe_key, j.status, j.next_attempt_at, j.payload_json].join(' ')).sort(),
    clocks: clocks.map((c) => [c.workspace_id, c.ticket_id, c.kind, c.status, c.next_fire_at, c.next_step, c.locked_by].join(' ')).sort(),
  };
}
