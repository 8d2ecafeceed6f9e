/**
 * Work that used to die silently. An Intercom outage longer than the old outbox horizon (ten tries, about 17
 * minutes) loses no SLA ladder step: the breach reassignment and every note land once Intercom is back. Work whose
 * horizon an outage does outlast (a sidebar note, ten tries) is dead, not lost: the ticket's card says so, /metrics
 * counts it, and a retry (several racing) queues it exactly once, after which it lands exactly once.
 */
import { LADDER_JOB_KIND } from '../../src/services/ladder/ladder-payload';
import { SYNC_JOB_KINDS } from '../../src/services/sync/sync-jobs';
import { initializeBody } from '../../src/sandbox/canvas-kit-body';
import { deadJobs, fakeSettled, runJobsOnce, runJobsUntilIdle } from '../support/reliability/drive';
import { ticketNotes } from '../support/reliability/effects';
import { FigureSheet } from '../support/reliability/figures';
import { configureLadder, linkedTicket } from '../support/reliability/scenes';
import { startWiredApp, type WiredApp } from '../support/reliability/wired-app';

const figures = new FigureSheet('Long Intercom outages · dead work');
afterAll(() => figures.print());

const MINUTE = 60_000;
/** P1 response target is 120 business minutes; the test starts at 10:00 on a Wednesday. */
const PAST_BREACH_MS = 125 * MINUTE;
const OUTAGE_MS = 45 * MINUTE;

let app: WiredApp;
beforeEach(async () => {
  app = await startWiredApp();
});
afterEach(async () => {
  await app.close();
});

/** Runs the jobs through `ms` of Intercom outage, moving the clock to each retry (at most a minute at a time). */
async function throughOutage(ms: number): Promise<void> {
  const { application, clock, fake, demo } = app.harness;
  const end = clock.now() + ms;
  while (clock.now() < end) {
    await runJobsOnce(application);
    await fakeSettled(fake);
    const pending = await application.store.outbox.listByWorkspace(demo.workspaceId, { status: 'pending' });
    const next = Math.min(...pending.map((job) => job.nextAttemptAt ?? clock.now() + MINUTE), clock.now() + MINUTE);
    clock.set(Math.min(end, Math.max(clock.now() + 1_000, next)));
  }
}

const outage = () => app.harness.fake.faults.add({ route: '*', times: Number.POSITIVE_INFINITY, effect: { type: 'status', status: 503 } });

it(`a ${OUTAGE_MS / MINUTE}-minute outage over an SLA breach loses no ladder step`, async () => {
  const { application, demo, fake, clock } = app.harness;
  await configureLadder(app);
  const ticketId = await linkedTicket(app, 'P1');
  const down = outage();
  clock.advance(PAST_BREACH_MS);
  await throughOutage(OUTAGE_MS);
  const jobs = (await application.store.outbox.listByWorkspace(demo.workspaceId)).filter((j) => j.kind === LADDER_JOB_KIND);
  // The steps fired and tried more often than the old policy allowed, and are still waiting, not dead.
  expect(jobs.map((j) => j.status).sort()).toEqual(['pending', 'pending', 'pending']);
  const triesDuringOutage = jobs.reduce((sum, j) => sum + j.attempts, 0);
  expect(Math.max(...jobs.map((j) => j.attempts))).toBeGreaterThan(10);
  down.remove();

  await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId, beforeAdvance: () => fakeSettled(fake) });
  const notes = (step: string) => ticketNotes(fake, demo.workspaceId, ticketId, `handoff-sla:response:0:${step}`).length;
  const ticket = fake.state.workspaces.get(demo.workspaceId)!.tickets.get(ticketId)!;
  expect({ warn: notes('warn'), escalate: notes('escalate'), breach: notes('breach') }).toEqual({ warn: 1, escalate: 1, breach: 1 });
  expect(ticket.adminAssigneeId).toBe(demo.admins.manager);
  expect(ticket.teamAssigneeId).toBe(demo.teams.account_risk);
  expect(await deadJobs(application, demo.workspaceId)).toEqual([]);
  figures.add('inputs');
  figures.add('faults', fake.faults.injected);
  figures.set('outage minutes', OUTAGE_MS / MINUTE);
  figures.set('ladder tries during the outage', triesDuringOutage);
  figures.add('lost', 0);
  figures.add('duplicated', 0);
});

it('work that outlives its horizon is dead, shown, counted, and retried exactly once', async () => {
  const { application, demo, fake, clock, context } = app.harness;
  const ticketId = await linkedTicket(app, 'P3');
  const marker = 'long-outage-note-7c1f';
  await application.store.outbox.enqueue(demo.workspaceId, {
    kind: SYNC_JOB_KINDS.ticketNote,
    dedupeKey: 'long-outage-note',
    payload: { ticketId, adminId: demo.admins.agent, body: `<p>Customer called back ${marker}</p>`, crossPost: false },
    now: clock.now(),
  });
  const down = outage();
  await throughOutage(OUTAGE_MS);
  down.remove();
  const [dead] = await application.store.outbox.listDead(demo.workspaceId);
  expect(dead).toMatchObject({ kind: SYNC_JOB_KINDS.ticketNote, attempts: 10 });

  // Shown on the ticket's card, and counted on /metrics.
  const view = await app.wire.postCanvas('/intercom/initialize', JSON.stringify(initializeBody(fake, context)));
  expect(JSON.stringify(view.json)).toContain('Note on the ticket could not reach Intercom');
  expect((await app.wire.get('/metrics')).json).toMatchObject({ outbox_dead: 1, outbox_dead_lettered_total: 1 });

  // Four retries at once (a double click, two admins): one wins.
  const wins = await Promise.all(Array.from({ length: 4 }, () => application.store.outbox.revive(demo.workspaceId, dead!.id, clock.now())));
  expect(wins.filter(Boolean)).toHaveLength(1);
  await runJobsUntilIdle(application, clock, { workspaceId: demo.workspaceId, beforeAdvance: () => fakeSettled(fake) });
  expect(await application.store.outbox.revive(demo.workspaceId, dead!.id, clock.now())).toBe(false);
  expect(ticketNotes(fake, demo.workspaceId, ticketId, marker)).toHaveLength(1);
  expect((await app.wire.get('/metrics')).json).toMatchObject({ outbox_dead: 0, outbox_dead_lettered_total: 1 });
  const after = await app.wire.postCanvas('/intercom/initialize', JSON.stringify(initializeBody(fake, context)));
  expect(JSON.stringify(after.json)).not.toContain('could not reach Intercom');
  figures.add('inputs');
  figures.set('retries raced', 4);
  figures.set('retries that ran', wins.filter(Boolean).length);
});
