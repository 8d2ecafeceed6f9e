/**
 * Two app instances on one PostgreSQL database (TEST_DATABASE_URL; skipped and said so without it): their webhook processors
 * claim disjoint notifications, the ticket ends in the state of its newest notification, and the resolution is
 * followed up exactly once although either instance may be the one that sees it.
 */
import { randomBytes } from 'node:crypto';
import { signBody } from '../../../src/http/signature';
import { startFakeIntercom } from '../../../src/sandbox/fake-intercom';
import { openDatabase } from '../../../src/store';
import { ManualClock } from '../../../src/util/clock';
import { TEST_CLIENT_SECRET, TEST_START } from '../../support/app-harness';
import { linkTicket, type SyncHarness, startSyncHarness, storedTicket } from './support';
import { describePostgres, pgAdmin } from '../../support/postgres';

const schema = `sync_${randomBytes(6).toString('hex')}`;

describePostgres('sync on PostgreSQL with two instances', (url) => {
  let a: SyncHarness;
  let b: SyncHarness;
  let closeFake: () => Promise<void>;

  beforeAll(async () => {
    await pgAdmin(`create schema ${schema}`);
    const clock = new ManualClock(TEST_START);
    const fake = await startFakeIntercom({ clock });
    closeFake = () => fake.close();
    const demo = fake.seedDemoWorkspace();
    const open = () => openDatabase({ url, pgSchema: schema, pgPoolMax: 4 });
    a = await startSyncHarness({ database: open(), clock, fake, demo, webhooks: false });
    b = await startSyncHarness({ database: open(), clock, fake, demo, webhooks: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await closeFake?.();
    await pgAdmin(`drop schema if exists ${schema} cascade`);
  });

  it('applies a burst once across both processors and follows the resolution up once', async () => {
    const { ticketId } = await linkTicket(a, { state: 'in_progress' });
    const base = Math.floor(a.clock.now() / 1000);
    const conversation = { type: 'list', data: [{ type: 'conversation', id: a.context.conversationId }] };
    const bodies = Array.from({ length: 120 }, (_, i) => {
      const category = i === 119 ? 'resolved' : i % 2 ? 'in_progress' : 'waiting_on_customer';
      const item = {
        type: 'ticket',
        id: ticketId,
        ticket_state: { id: category, category },
        linked_objects: conversation,
        // From the second after the link's own view: a webhook from that same second that differs from it is
        // contested and queues a re-read (contested-view.ts), which is right but not what this test is about.
        updated_at: base + 1 + i,
      };
      return JSON.stringify({
        type: 'notification_event',
        app_id: a.workspaceId,
        id: `notif_pg_${i}`,
        topic: 'ticket.state.updated',
        data: { item },
      });
    });
    const sent = await Promise.all(
      bodies.map((raw, i) =>
        fetch(i % 2 ? a.webhookUrl : b.webhookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Hub-Signature': signBody('webhook', raw, TEST_CLIENT_SECRET) },
          body: raw,
        }),
      ),
    );
    expect(sent.every((res) => res.status === 200)).toBe(true);
    let handled = 0;
    for (let round = 0; round < 20; round++) {
      const [x, y] = await Promise.all([a.job('webhooks').runOnce(), b.job('webhooks').runOnce()]);
      handled += x + y;
      if (x + y === 0) break;
    }
    expect(handled).toBe(120);
    await Promise.all([a.drain(), b.drain()]);
    expect(await storedTicket(a, ticketId)).toMatchObject({ stateCategory: 'resolved', isOpen: false });
    const jobs = await a.application.store.outbox.listByWorkspace(a.workspaceId);
    expect(jobs.map((job) => [job.kind, job.status]).sort()).toEqual([
      ['sync.conversation_note', 'done'],
      ['sync.conversation_reopen', 'done'],
    ]);
    const replies = a.fake.requests.filter((r) => r.method === 'POST' && r.path === `/conversations/${a.context.conversationId}/reply`);
    expect(replies).toHaveLength(1);
  });
});
