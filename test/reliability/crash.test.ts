/**
 * Part 4: crashes. The app runs as a child process on a SQLite file; the fake Intercom runs here. The child is
 * SIGKILLed at random points — in the middle of a ticket create, of a summary note, of a ladder note or
 * assignment, or after a random delay — and restarted on the same file. Agents click again on what they never
 * saw finish (the same submit bytes). In the end every escalation has exactly one ticket and one note, and
 * every ladder step exactly one note: nothing lost, nothing doubled.
 */
import { BUDGET, FUZZ_SEED } from '../support/reliability/budget';
import { removeBundles } from '../support/reliability/bundle';
import { type ChildApp, killAllChildren } from '../support/reliability/child-control';
import {
  type Attempt,
  attempt,
  describeTrigger,
  escalateUntilAcknowledged,
  type KillTrigger,
  killWhen,
  seededRandom,
  waitUntilSettled,
} from '../support/reliability/crash-drive';
import { type CrashWorld, createCrashWorld, installWithLadder } from '../support/reliability/crash-world';
import { fakeSettled } from '../support/reliability/drive';
import { conversationPartsContaining, escalationTickets, summaryNotes, ticketNotes } from '../support/reliability/effects';
import { DEFAULT_VALUES } from '../support/reliability/escalate';
import { FigureSheet } from '../support/reliability/figures';
import { TEST_START } from '../support/app-harness';

const figures = new FigureSheet('crashes (SIGKILL)');
const random = seededRandom(FUZZ_SEED);
let world: CrashWorld;

afterEach(async () => {
  await killAllChildren();
  await world?.close();
});
afterAll(() => {
  removeBundles();
  figures.set('seed', FUZZ_SEED);
  figures.print();
});

/** Between lives: the dead child's calls finish at the fake, then its leases (60 s) run out. */
async function afterDeath(): Promise<void> {
  await fakeSettled(world.fake);
  await world.advance(2 * 60_000);
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function escalationTrigger(): KillTrigger {
  const route = pick(['POST /tickets', 'POST /conversations/{id}/reply', 'GET /conversations/{id}', 'delay']);
  return route === 'delay'
    ? { kind: 'delay', ms: Math.floor(random() * 1_500) }
    : { kind: 'nth_call', route, nth: 1 + Math.floor(random() * 3) };
}

function tally(counts: number[]): void {
  for (const count of counts) {
    if (count === 0) figures.add('lost');
    if (count > 1) figures.add('duplicated', count - 1);
  }
}

it(
  'finishes every escalation exactly once however often the app is killed mid-way',
  async () => {
    figures.add('lost', 0);
    figures.add('duplicated', 0);
    const perLife = BUDGET.crashEscalations;
    world = await createCrashWorld(perLife * BUDGET.crashKills);
    await world.advance(TEST_START - Date.now());
    const attempts: Attempt[] = world.contexts.map((context) => ({ context, body: null, acknowledged: false }));
    let child: ChildApp;
    for (let life = 0; life < BUDGET.crashKills; life += 1) {
      child = await world.startLife(`escalation-life-${life}`);
      const retries = attempts.filter((a) => a.body !== null && !a.acknowledged);
      const fresh = attempts.slice(life * perLife, (life + 1) * perLife);
      const work = Promise.all([...retries, ...fresh].map((a) => attempt(world, child, a)));
      const trigger = escalationTrigger();
      const fired = await killWhen(world, child, trigger);
      await work;
      figures.add('faults');
      figures.add(fired ? describeTrigger(trigger) : 'kills after the work was done');
      await afterDeath();
    }
    child = await world.startLife('escalation-final');
    await escalateUntilAcknowledged(world, child, attempts);
    expect(attempts.filter((a) => !a.acknowledged).map((a) => a.context.conversationId)).toEqual([]);
    const { fake, demo } = world;
    await waitUntilSettled(world, child, () =>
      attempts.every((a) => summaryNotes(fake, demo.workspaceId, a.context.conversationId).length > 0),
    );
    expect(await child.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    figures.add('inputs', attempts.length);

    const tickets = attempts.map((a) => escalationTickets(fake, demo.workspaceId, a.context.conversationId).length);
    const notes = attempts.map((a) => summaryNotes(fake, demo.workspaceId, a.context.conversationId).length);
    tally([...tickets, ...notes]);
    expect({ tickets, notes }).toEqual({ tickets: attempts.map(() => 1), notes: attempts.map(() => 1) });
    await world.withStore(async (store) => {
      const jobs = await store.outbox.listByWorkspace(demo.workspaceId);
      expect(jobs.filter((job) => job.status !== 'done').map((job) => `${job.kind} ${job.status}`)).toEqual([]);
      const links = await Promise.all(attempts.map((a) => store.tickets.listByConversation(demo.workspaceId, a.context.conversationId)));
      expect(links.map((l) => l.length)).toEqual(attempts.map(() => 1));
    });
    fake.assertNoViolations();
  },
  BUDGET.testTimeoutMs * 3,
);

it(
  'fires every ladder step exactly once however often the app is killed while firing',
  async () => {
    figures.add('lost', 0);
    figures.add('duplicated', 0);
    const tickets = Math.max(2, Math.floor(BUDGET.crashEscalations / 2));
    world = await createCrashWorld(tickets);
    await world.advance(TEST_START - Date.now());
    await installWithLadder(world);
    const { fake, demo } = world;
    let child = await world.startLife('ladder-setup');
    // P1: a 120-minute response target, so the whole ladder is due two hours later.
    const values = { ...DEFAULT_VALUES, priority: 'P1' };
    const attempts: Attempt[] = world.contexts.map((context) => ({ context, body: null, acknowledged: false, values }));
    await escalateUntilAcknowledged(world, child, attempts);
    expect(attempts.filter((a) => !a.acknowledged).map((a) => a.context.conversationId)).toEqual([]);
    await waitUntilSettled(world, child, () =>
      attempts.every((a) => summaryNotes(fake, demo.workspaceId, a.context.conversationId).length > 0),
    );
    const ticketIds = attempts.map((a) => escalationTickets(fake, demo.workspaceId, a.context.conversationId)[0]!.id);
    await child.kill('SIGTERM');
    await world.advance(125 * 60_000);
    for (let life = 0; life < BUDGET.crashKills; life += 1) {
      child = await world.startLife(`ladder-life-${life}`);
      const route = pick(['POST /tickets/{id}/reply', 'PUT /tickets/{id}', 'GET /tickets/{id}']);
      // No agent is mid-request here, so the clock may run fast: backoffs of the jobs the last kill interrupted pass.
      const trigger: KillTrigger = { kind: 'nth_call', route, nth: 1 + Math.floor(random() * 4) };
      const fired = await killWhen(world, child, trigger, { advanceMsPerPoll: 2_000 });
      figures.add('faults');
      figures.add(fired ? 'ladder kills mid-call' : 'ladder kills after the work was done');
      await afterDeath();
    }
    child = await world.startLife('ladder-final');
    const marker = (step: string) => `handoff-sla:response:0:${step}`;
    const stepNotes = () =>
      ticketIds.flatMap((id) => ['warn', 'escalate', 'breach'].map((step) => ticketNotes(fake, demo.workspaceId, id, marker(step)).length));
    await waitUntilSettled(world, child, () => stepNotes().every((n) => n > 0));
    expect(await child.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    figures.add('inputs', ticketIds.length * 3);
    const crossPosted = attempts.map(
      (a) => conversationPartsContaining(fake, demo.workspaceId, a.context.conversationId, marker('breach')).length,
    );
    tally([...stepNotes(), ...crossPosted]);
    expect({ steps: stepNotes(), crossPosted }).toEqual({ steps: stepNotes().map(() => 1), crossPosted: attempts.map(() => 1) });
    const owners = ticketIds.map((id) => fake.state.workspaces.get(demo.workspaceId)!.tickets.get(id)!.adminAssigneeId);
    expect(owners).toEqual(ticketIds.map(() => demo.admins.manager));
    fake.assertNoViolations();
  },
  BUDGET.testTimeoutMs * 3,
);
