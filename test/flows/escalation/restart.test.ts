/**
 * The outbox survives a restart: one app instance queues the escalation and stops, a second one over the same
 * SQLite file (and the same fake Intercom) finishes it, exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUEUED_TEXT } from '../../../canvases/shared-blocks';
import { openDatabase } from '../../../src/store';
import { type Harness, startHarness } from '../../support/app-harness';
import { FAULT_ENV, SETTLE_MS } from './faults';
import { createTicketRequests, drain, fakeTickets, handoffNotes, openForm, submitForm, texts } from './support';

let dir: string;
let first: Harness;
let second: Harness | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-restart-'));
  first = await startHarness({ env: FAULT_ENV, database: openDatabase({ sqlitePath: join(dir, 'handoff.sqlite') }) });
});
afterEach(async () => {
  first.fake.assertNoViolations();
  await second?.application.stop();
  second = null;
  await first.application.stop();
  await first.fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function restart(): Promise<Harness> {
  await first.application.stop();
  second = await startHarness({
    env: FAULT_ENV,
    fake: first.fake,
    demo: first.demo,
    clock: first.clock,
    database: openDatabase({ sqlitePath: join(dir, 'handoff.sqlite') }),
  });
  return second;
}

async function expectOnce(h: Harness): Promise<void> {
  expect(fakeTickets(h)).toHaveLength(1);
  expect(handoffNotes(h)).toHaveLength(1);
  const [escalation, ...more] = await h.application.store.escalations.listByConversation(h.demo.workspaceId, h.context.conversationId);
  expect(more).toHaveLength(0);
  expect(escalation!.status).toBe('linked');
  const res = await h.initialize();
  expect(JSON.stringify(res.body)).toContain(`#${fakeTickets(h)[0]!.ticketNumber}`);
}

describe('an app restarted with an escalation in the outbox', () => {
  it('creates the ticket and posts the note once', async () => {
    first.fake.faults.failNext(1, 503, 'POST /tickets');
    const res = await submitForm(first, await openForm(first), { reason: 'Before the restart' });
    expect(texts(res)).toContain(QUEUED_TEXT);
    const h = await restart();
    h.clock.advance(SETTLE_MS);
    await drain(h);
    await expectOnce(h);
    expect(createTicketRequests(h)).toHaveLength(1);
  });

  it('finds the ticket whose answer was lost before the restart instead of creating another', async () => {
    first.fake.faults.add({ route: 'POST /tickets', effect: { type: 'drop' }, phase: 'after' });
    await submitForm(first, await openForm(first), { reason: 'Answer lost' });
    expect(fakeTickets(first)).toHaveLength(1);
    const h = await restart();
    h.clock.advance(SETTLE_MS);
    await drain(h);
    await expectOnce(h);
    expect(createTicketRequests(h)).toHaveLength(0);
  });

  it('waits out an inline attempt that died with the app, then completes it', async () => {
    first.fake.faults.failNext(1, 503, 'POST /tickets');
    await submitForm(first, await openForm(first), { reason: 'Died mid-create' });
    // As if an attempt began a second later and the process died during it: "creating", the job queued behind it.
    const [escalation] = await first.application.store.escalations.listByConversation(first.demo.workspaceId, first.context.conversationId);
    first.clock.advance(1_000);
    const attemptAt = first.clock.now();
    await first.application.store.escalations.updateStatus(first.demo.workspaceId, escalation!.id, { status: 'creating' }, attemptAt);
    const h = await restart();
    h.clock.advance(SETTLE_MS - 1_000);
    await drain(h);
    expect(fakeTickets(h)).toHaveLength(0);
    const job = (await h.application.store.outbox.listByWorkspace(h.demo.workspaceId))[0]!;
    expect(job).toMatchObject({ kind: 'escalation.create_ticket', status: 'pending', attempts: 1 });
    expect(job.nextAttemptAt).toBeGreaterThanOrEqual(attemptAt + SETTLE_MS);
    h.clock.advance(60 * 60_000);
    await drain(h);
    await expectOnce(h);
  });
});
