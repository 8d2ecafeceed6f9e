/**
 * Work for a linked ticket that went dead shows on that ticket's card, read from the store with the sidebar's other
 * data (one read of the workspace's dead list per view, however many tickets), and goes away once retried.
 * A repeated view after the job died or was retried is rendered afresh (the change feed hears of both).
 */
import { LADDER_JOB_KIND } from '../../../src/services/ladder/ladder-payload';
import { SYNC_JOB_KINDS } from '../../../src/services/sync/sync-jobs';
import { type Harness, useHarness } from '../../support/app-harness';
import { linkTicketWithClock } from '../../support/linked-ticket';

let h: Harness;
useHarness((started) => {
  h = started;
});

/** Every text on the canvas, in order. */
function texts(body: { canvas: { content: { components: unknown[] } } }): string[] {
  return JSON.stringify(body.canvas.content.components)
    .match(/"text":"(?:[^"\\]|\\.)*"/g)!
    .map((t) => JSON.parse(t.slice(7)) as string);
}

async function deadJob(kind: string, dedupeKey: string, payload: unknown, error: string): Promise<string> {
  const { store } = h.application;
  const { job } = await store.outbox.enqueue(h.demo.workspaceId, { kind, dedupeKey, payload, now: h.clock.now() });
  await store.outbox.deadLetter(h.demo.workspaceId, job.id, { error, now: h.clock.now() });
  return job.id;
}

it('a dead SLA breach step shows on its ticket’s card only, and is gone once retried', async () => {
  await linkTicketWithClock(h, '801');
  const before = await h.initialize();
  expect(texts(before.body).some((t) => t.includes('could not reach Intercom'))).toBe(false);

  const jobId = await deadJob(LADDER_JOB_KIND, 'ladder-801', { ticketId: '801', step: 'breach' }, 'Intercom 503 Bearer abcdef1234567890');
  // Another workspace's conversation and another ticket's work must not show here.
  await deadJob(SYNC_JOB_KINDS.ticketNote, 'note-999', { ticketId: '999' }, 'Intercom 500');
  const listDead = jest.spyOn(h.application.store.outbox, 'listDead');
  const after = await h.initialize();
  const lines = texts(after.body);
  const line = lines.find((t) => t.includes('could not reach Intercom'));
  expect(line).toMatch(/^SLA breach step could not reach Intercom/);
  expect(lines.filter((t) => t.includes('could not reach Intercom'))).toHaveLength(1);
  // On ticket 801's card, under its status line; the secret-looking part of the error is nowhere on the canvas.
  expect(lines.findIndex((t) => t.startsWith('#801'))).toBeLessThan(lines.indexOf(line!));
  expect(JSON.stringify(after.body)).not.toContain('abcdef1234567890');
  expect(listDead).toHaveBeenCalledTimes(1);

  expect(await h.application.store.outbox.revive(h.demo.workspaceId, jobId, h.clock.now())).toBe(true);
  const retried = await h.initialize();
  expect(texts(retried.body).some((t) => t.includes('could not reach Intercom'))).toBe(false);
});
