/**
 * Drives POST /intercom/webhooks with correctly signed fuzz cases, then the webhook processor, and checks
 * every case: never a 5xx (nor a 401: every case is signed), a 200 or a 4xx; a 4xx stores nothing; and a
 * notification the processor did not apply (ignored, failed, retrying) changes nothing but its own inbox row.
 * The real payloads come from the fake's back office, so they are exactly what Intercom's webhooks look like.
 */
import { sql } from 'kysely';
import fc from 'fast-check';
import { TEST_CLIENT_SECRET } from '../app-harness';
import { type FuzzCase, fuzzCaseArb, renderCase } from './arbitraries';
import { BUDGET, FUZZ_SEED } from './budget';
import type { FigureSheet } from './figures';
import { watchStore } from './snapshot';
import type { WiredApp } from './wired-app';

/** Real notifications for a linked ticket: every ticket topic the back office sends, plus a ping. */
/** The inbox is its rows and their payloads (migration 0003); `webhook_inbox:done` marks an applied row. */
const isInbox = (table: string) => table.startsWith('webhook_inbox') || table.startsWith('webhook_payloads');

export async function webhookBases(app: WiredApp, ticketId: string): Promise<unknown[]> {
  const { fake, demo } = app.harness;
  // Deliveries to an unreachable URL are still recorded with their exact bodies: capture, do not deliver.
  fake.configureWebhooks({ url: 'http://127.0.0.1:9/captured', clientSecret: TEST_CLIENT_SECRET });
  const office = fake.backOffice;
  await office.assign(ticketId, demo.admins.lead);
  await office.addNote(ticketId, demo.admins.lead, '<p>Checked the <b>invoice</b>.</p>');
  await office.setState(ticketId, 'waiting_on_customer', { adminId: demo.admins.lead });
  await office.setState(ticketId, 'resolved', { adminId: demo.admins.lead });
  fake.configureWebhooks(null);
  const bodies = fake.webhookDeliveries.map((delivery) => JSON.parse(delivery.body) as unknown);
  return [...bodies, { type: 'notification_event', topic: 'ping', id: null, app_id: demo.workspaceId, data: { item: { message: 'hi' } } }];
}

export async function fuzzWebhooks(
  app: WiredApp,
  bases: readonly unknown[],
  figures: FigureSheet,
  run: { runs?: number; seed?: number } = {},
): Promise<void> {
  const processor = app.harness.application.jobs.find((job) => job.name === 'webhooks');
  if (!processor) throw new Error('no webhook processor among the jobs');
  const watch = await watchStore(app.database);
  // "Applied" is read from the inbox itself: any notification turning `done` in a round (this case's, or an
  // earlier one whose retry fell due) is what may change rows beyond the inbox. Notification ids are mutated
  // too, so the case's own id cannot be relied on.
  await sql`create temp trigger if not exists reliability_inbox_done after update of status on main.webhook_inbox
    when new.status = 'done' and old.status <> 'done'
    begin insert into reliability_writes (tbl) values ('webhook_inbox:done'); end`.execute(app.database.db);
  let serial = 0;
  const fresh = (copy: unknown) => {
    serial += 1;
    const envelope = copy as Record<string, unknown>;
    if (envelope && typeof envelope === 'object' && typeof envelope.id === 'string') envelope.id = `notif_fuzz_${serial}`;
    return copy;
  };
  const check = async (fuzzCase: FuzzCase): Promise<void> => {
    const raw = renderCase(fuzzCase, bases, fresh);
    const response = await app.wire.postWebhook('/intercom/webhooks', raw).catch((error: Error) => {
      figures.add('lost');
      throw new Error(`no answer (${error.message}): the app dropped the request`);
    });
    figures.add('inputs');
    if (response.status >= 500 || response.status === 401) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 200)}`);
    if (response.status !== 200 && (response.status < 400 || response.status >= 500)) throw new Error(`HTTP ${response.status}`);
    figures.add(response.status === 200 ? 'acknowledged' : `http_${response.status}`);
    const ingested = await watch.changes();
    if (response.status !== 200 && ingested.length > 0) throw new Error(`a refused webhook changed rows: ${ingested.join(', ')}`);
    const ingestBeyondInbox = ingested.filter((table) => !isInbox(table));
    if (ingestBeyondInbox.length > 0) throw new Error(`ingest wrote beyond the inbox: ${ingestBeyondInbox.join(', ')}`);
    await processor.runOnce();
    const changed = await watch.changes();
    const beyondInbox = changed.filter((table) => !isInbox(table));
    const wasApplied = changed.some((table) => table.startsWith('webhook_inbox:done '));
    if (wasApplied) figures.add('applied');
    if (!wasApplied && beyondInbox.length > 0) throw new Error(`an unapplied webhook changed rows: ${beyondInbox.join(', ')}`);
  };
  await fc.assert(fc.asyncProperty(fuzzCaseArb(bases.length), check), {
    numRuns: run.runs ?? BUDGET.fuzzCasesPerEndpoint,
    seed: run.seed ?? FUZZ_SEED,
  });
}
