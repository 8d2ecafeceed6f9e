/**
 * A resolution's follow-ups survive a restart: the first instance fans out and stops before any follow-up runs, a
 * second one over the same SQLite file (and the same fake Intercom) sends each exactly once, at the stored pace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INCIDENT_JOB_KINDS } from '../../../src/services/incidents';
import { openDatabase } from '../../../src/store';
import { type IncidentHarness, startIncidentHarness } from './support';

let dir: string;
let first: IncidentHarness;
let second: IncidentHarness | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-incident-restart-'));
  first = await startIncidentHarness({ database: openDatabase({ sqlitePath: join(dir, 'handoff.sqlite') }) });
});
afterEach(async () => {
  first.fake.assertNoViolations();
  await second?.application.stop();
  await first.application.stop();
  await first.fake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('resumes the fan-out after a restart and follows each conversation up once', async () => {
  const tracker = first.tracker('Payments failing');
  const conversations = Object.values(first.demo.conversations);
  for (const conversationId of conversations) {
    const form = await first.screen(`incident_pick:${tracker.id}`, { conversationId });
    await first.screen('incident_link_submit', { currentCanvas: form, conversationId });
  }
  await first.drain();
  await first.fake.backOffice.setState(tracker.id, 'resolved');
  await first.screen('incident_details');
  // The fan-out job runs and enqueues the follow-ups; the instance stops before the worker takes them.
  await first.application.outbox.runOnce();
  const pending = await first.application.store.outbox.listByWorkspace(first.demo.workspaceId, { status: 'pending', limit: 50 });
  expect(pending.filter((j) => j.kind === INCIDENT_JOB_KINDS.followUp).length).toBeGreaterThanOrEqual(conversations.length - 1);
  await first.application.stop();

  second = await startIncidentHarness({
    fake: first.fake,
    demo: first.demo,
    clock: first.clock,
    trackerTypeId: first.trackerTypeId,
    database: openDatabase({ sqlitePath: join(dir, 'handoff.sqlite') }),
  });
  await second.drain(100);
  for (const conversationId of conversations) {
    const notes = second.conversation(conversationId).parts.filter((p) => p.partType === 'note' && (p.body ?? '').includes('resolved'));
    expect(notes).toHaveLength(1);
  }
  const incident = await second.application.store.incidents.get(second.demo.workspaceId, tracker.id);
  expect(await second.application.store.incidentLinks.countFollowedUp(second.demo.workspaceId, tracker.id, incident!.resolvedAt!)).toBe(
    conversations.length,
  );
});
