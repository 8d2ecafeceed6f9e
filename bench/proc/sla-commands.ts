/**
 * The SLA scheduler tick, measured inside the app's process on the seeded store: first with nothing due (every
 * seeded clock's next step is minutes away), then after `due` clocks, one per workspace, really crossed 75 % of
 * their target. Those are rewritten to a state where the warn step fell due a moment ago, so the tick does the
 * whole job for each: lock, evaluate, record the firing, enqueue the ladder action, reschedule.
 */
import { sql } from 'kysely';
import { startClock } from '../../src/domain/sla';
import type { AppContext } from './app-context';

export interface TickArgs {
  due: number;
  /** How many "none due" ticks to time (the figure is their median). */
  samples: number;
}

export interface TickResult {
  clocks: number;
  /** Clocks already due before the measurement; 0 unless the seed has aged past its margin. */
  dueBefore: number;
  noneDueMs: number[];
  dueMs: number;
  dueTicks: number;
  claimed: number;
  fired: number;
}

const TARGET_MS = 4 * 3_600_000;

async function count(ctx: AppContext, where: 'all' | 'due' | 'firings'): Promise<number> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const query =
    where === 'firings'
      ? sql<{ n: number }>`select count(*) as n from ladder_firings`
      : where === 'due'
        ? sql<{ n: number }>`select count(*) as n from sla_clocks where next_fire_at <= ${now}`
        : sql<{ n: number }>`select count(*) as n from sla_clocks where status = 'running'`;
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}

async function makeDue(ctx: AppContext, due: number): Promise<void> {
  // One resolution clock from each of `due` workspaces: settings are read per workspace, as in life.
  const { rows } = await sql<{ workspace_id: string; ticket_id: string }>`
    select workspace_id, min(ticket_id) as ticket_id from sla_clocks
    where kind = 'resolution' and status = 'running' group by workspace_id order by workspace_id limit ${due}`.execute(ctx.database.db);
  await rewriteDue(ctx, rows, 0);
}

/**
 * Rewrites each row's resolution clock to 80 % of its target spent, its warn step (75 %) falling due one after another
 * `spacingMs` apart from now: the first at once.
 */
async function rewriteDue(ctx: AppContext, rows: readonly { workspace_id: string; ticket_id: string }[], spacingMs: number): Promise<void> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const startedAt = now - Math.round(0.8 * TARGET_MS);
  const state = startClock({
    kind: 'resolution',
    ticketCreatedAt: startedAt,
    targetMs: TARGET_MS,
    tightening: null,
    meterMode: 'calendar',
    now,
  });
  await db.transaction().execute(async (tx) => {
    for (const [i, row] of rows.entries()) {
      const fireAt = spacingMs > 0 ? now + i * spacingMs : startedAt + Math.round(0.75 * TARGET_MS);
      await tx
        .updateTable('sla_clocks')
        .set({ state_json: JSON.stringify(state), cycle: 0, next_fire_at: fireAt, next_step: 'warn' })
        .where('workspace_id', '=', row.workspace_id)
        .where('ticket_id', '=', row.ticket_id)
        .where('kind', '=', 'resolution')
        .execute();
    }
  });
}

async function measureTick(ctx: AppContext, args: TickArgs): Promise<TickResult> {
  const job = ctx.application.jobs.find((candidate) => candidate.name === 'sla-scheduler');
  if (!job) throw new Error('no sla-scheduler job is wired');
  const clocks = await count(ctx, 'all');
  const dueBefore = await count(ctx, 'due');
  const noneDueMs: number[] = [];
  for (let i = 0; i < args.samples; i += 1) {
    const started = performance.now();
    await job.runOnce();
    noneDueMs.push(performance.now() - started);
  }
  await makeDue(ctx, args.due);
  const firingsBefore = await count(ctx, 'firings');
  let claimed = 0;
  let ticks = 0;
  let dueMs = 0;
  // A tick claims up to its batch size; tick until one finds nothing, as the job's own loop does. The final,
  // empty tick is the "none due" case again and is not counted.
  for (let round = 0; round < 50; round += 1) {
    const started = performance.now();
    const n = await job.runOnce();
    if (n === 0) break;
    dueMs += performance.now() - started;
    claimed += n;
    ticks += 1;
  }
  return { clocks, dueBefore, noneDueMs, dueMs, dueTicks: ticks, claimed, fired: (await count(ctx, 'firings')) - firingsBefore };
}

export function slaCommands(current: () => AppContext) {
  return {
    slaTick: (args: unknown) => measureTick(current(), args as TickArgs),
    /** These tickets' warn steps fall due one after another (the several-instance scenario's ladder effects). */
    dueInTurn: (args: unknown) => {
      const { workspaceId, ticketIds, spacingMs } = args as { workspaceId: string; ticketIds: string[]; spacingMs: number };
      return rewriteDue(
        current(),
        ticketIds.map((ticket_id) => ({ workspace_id: workspaceId, ticket_id })),
        Math.max(1, spacingMs),
      );
    },
  };
}
