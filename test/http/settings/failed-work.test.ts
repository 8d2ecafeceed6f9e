/**
 * The settings page's "Failed work" list and its Retry button, through the real app: a dead job is listed with
 * its masked error, a retry puts it back in the queue exactly once (twice in a row or two at once), and a retry
 * without the page's CSRF token, without a session, or for another workspace's job changes nothing.
 */
import { LADDER_JOB_KIND } from '../../../src/services/ladder/ladder-payload';
import { CSRF_FIELD } from '../../../src/security/csrf';
import type { InstallHarness } from '../../services/install/harness';
import { getPage, useSignedInSettings } from './support';

let h: InstallHarness;
let session: string;
useSignedInSettings((started, signedIn) => {
  h = started;
  session = signedIn;
});

const ws = () => h.demo.workspaceId;

async function deadJob(workspaceId = ws(), key = 'breach-1'): Promise<string> {
  const { store } = h.application;
  const now = h.clock.now();
  const payload = { ticketId: '4242', step: 'breach' };
  const { job } = await store.outbox.enqueue(workspaceId, { kind: LADDER_JOB_KIND, dedupeKey: key, payload, now });
  await store.outbox.deadLetter(workspaceId, job.id, { error: 'Intercom 503: token=supersecretvalue123 refused', now });
  return job.id;
}

/** The CSRF token the page's retry forms carry. */
function csrfOf(html: string): string {
  const form = html.slice(html.indexOf('action="/settings/failed-work/retry"'));
  const value = new RegExp(`name="${CSRF_FIELD}" value="([^"]+)"`).exec(form)?.[1];
  if (!value) throw new Error('no retry form on the page');
  return value;
}

function retry(jobId: string, csrf: string | null, cookie: string | null = session) {
  const req = h.http().post('/settings/failed-work/retry').set('Content-Type', 'application/x-www-form-urlencoded');
  const body = new URLSearchParams({ job: jobId, ...(csrf === null ? {} : { [CSRF_FIELD]: csrf }) }).toString();
  return (cookie ? req.set('Cookie', `handoff_settings=${cookie}`) : req).send(body);
}

it('lists dead work with what it was for, the ticket, the masked error and the tries', async () => {
  await deadJob();
  const page = await getPage(h, session);
  expect(page.status).toBe(200);
  const section = page.text.slice(page.text.indexOf('id="section-failed-work"'), page.text.indexOf('id="section-history"'));
  expect(section).toContain('<td>SLA breach step</td><td>Ticket 4242</td>');
  expect(section).toContain('Intercom 503: token=');
  expect(page.text).not.toContain('supersecretvalue123');
  expect(section).toContain('<button type="submit" aria-label="Retry SLA breach step (Ticket 4242)">Retry</button>');
});

it('a retry queues the job once: a second click, or a racing one, is told it was already retried', async () => {
  const jobId = await deadJob();
  const page = await getPage(h, session);
  const csrf = csrfOf(page.text);

  const first = await retry(jobId, csrf);
  expect(first.status).toBe(303);
  expect(first.headers['location']).toBe('/settings?retry=queued#section-failed-work');
  expect(await h.application.store.outbox.get(ws(), jobId)).toMatchObject({ status: 'pending', attempts: 0 });
  const again = await retry(jobId, csrf);
  expect(again.headers['location']).toBe('/settings?retry=stale#section-failed-work');

  await h.application.store.outbox.deadLetter(ws(), jobId, { error: 'down again', now: h.clock.now() });
  const racing = await Promise.all([retry(jobId, csrf), retry(jobId, csrf), retry(jobId, csrf)]);
  expect(racing.map((r) => r.headers['location']).sort()).toEqual([
    '/settings?retry=queued#section-failed-work',
    '/settings?retry=stale#section-failed-work',
    '/settings?retry=stale#section-failed-work',
  ]);
  expect(await h.application.store.outbox.claimDue(h.clock.now(), 10, 'w', 60_000)).toHaveLength(1);

  const after = await getPage(h, session, '/settings?retry=queued');
  expect(after.text).toContain('Retry queued');
  expect(after.text).toContain('No failed work.');
});

it('without the CSRF token, without a session, or for another workspace’s job, nothing is retried', async () => {
  const jobId = await deadJob();
  const page = await getPage(h, session);
  const csrf = csrfOf(page.text);

  expect((await retry(jobId, null)).status).toBe(403);
  expect((await retry(jobId, 'forged-token')).status).toBe(403);
  expect((await retry(jobId, csrf, null)).status).toBe(401);
  expect((await retry('../../etc', csrf)).status).toBe(400);
  expect((await h.application.store.outbox.get(ws(), jobId))?.status).toBe('dead');

  const other = 'ws-other';
  await h.application.store.workspaces.upsert(other, {
    name: 'Other',
    region: 'us',
    apiBaseUrl: 'https://api.intercom.io',
    timezone: 'UTC',
    token: null,
    installMode: 'private',
    installedAt: h.clock.now(),
    installedByAdminId: null,
  });
  const foreign = await deadJob(other, 'foreign');
  expect((await retry(foreign, csrf)).headers['location']).toBe('/settings?retry=stale#section-failed-work');
  expect((await h.application.store.outbox.get(other, foreign))?.status).toBe('dead');
});
