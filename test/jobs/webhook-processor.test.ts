/**
 * The webhook processor: a burst of thousands (with redeliveries) is stored and applied with nothing dropped;
 * a transient failure is retried with backoff and a permanent one is not; a crashed worker's claim expires and
 * the notification is applied by the next.
 */
import { eventually } from '../support/eventually';
import { deliverWebhook, linkTicket, type SyncHarness, storedTicket, ticketStateItem, useSyncHarness } from '../services/sync/support';

let h: SyncHarness;
useSyncHarness(
  (started) => {
    h = started;
  },
  { webhooks: false },
);

/** Over the loopback port the app listens on, as Intercom would deliver (many at once in the burst). */
const deliver = (id: string, topic: string, item: unknown) => deliverWebhook(h, id, topic, item);
const stateItem = (ticketId: string, category: string, updatedAt: number) => ticketStateItem(h, ticketId, category, updatedAt, 'Burst');

describe('webhook processor', () => {
  it('applies a burst of 2,000 notifications (10 % redelivered) without dropping any', async () => {
    const tickets = await Promise.all(Array.from({ length: 5 }, (_, i) => linkTicket(h, { title: `T${i}` })));
    const base = Math.floor(h.clock.now() / 1000);
    const categories = ['in_progress', 'waiting_on_customer'];
    const sends = Array.from({ length: 1_800 }, (_, i) => {
      const ticket = tickets[i % tickets.length]!;
      const topic = i % 9 === 0 ? 'ticket.attribute.updated' : 'ticket.state.updated';
      // Mostly attribute/note-like updates; the state moves now and then, as a back-office team works.
      return { id: `notif_burst_${i}`, topic, item: stateItem(ticket.ticketId, categories[Math.floor(i / 250) % 2]!, base + i) };
    });
    const redeliveries = sends.filter((_, i) => i % 9 === 4);
    const all = [...sends, ...redeliveries];
    for (let i = 0; i < all.length; i += 100) {
      const answers = await Promise.all(all.slice(i, i + 100).map((s) => deliver(s.id, s.topic, s.item)));
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    }
    expect(all).toHaveLength(2_000);
    await h.drain();
    const rows = await Promise.all(sends.map((s) => h.application.store.webhooks.get(h.workspaceId, s.id)));
    const statuses = rows.map((row) => row?.status);
    expect(statuses.filter((status) => status === 'done' || status === 'ignored')).toHaveLength(sends.length);
    // The last notification of each ticket (the newest updated_at) decides its state.
    for (const ticket of tickets) {
      const last = sends.filter((s) => s.item.id === ticket.ticketId).at(-1)!;
      expect((await storedTicket(h, ticket.ticketId)).stateCategory).toBe(last.item.ticket_state.category);
    }
    expect(await h.job('webhooks').runOnce()).toBe(0);
    // A cap, not a speed check: 2,000 round trips and applies take seconds alone and much longer on a busy machine.
  }, 180_000);

  it('retries a transient failure with backoff, then applies it', async () => {
    const { ticketId } = await linkTicket(h);
    await h.fake.backOffice.setState(ticketId, 'in_progress');
    const down = h.fake.faults.failNext(Number.POSITIVE_INFINITY, 503, 'GET /tickets/{id}');
    // An older payload shape without updated_at: the processor must read the ticket itself.
    await deliver('notif_partial', 'ticket.state.updated', { type: 'ticket', id: ticketId, ticket_state: 'in_progress' });
    expect(await h.job('webhooks').runOnce()).toBe(1);
    const waiting = await h.application.store.webhooks.get(h.workspaceId, 'notif_partial');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting!.nextAttemptAt!).toBeGreaterThan(h.clock.now());
    expect(await h.job('webhooks').runOnce()).toBe(0);
    down.remove();
    h.clock.advance(5 * 60_000);
    expect(await h.job('webhooks').runOnce()).toBe(1);
    expect((await h.application.store.webhooks.get(h.workspaceId, 'notif_partial'))?.status).toBe('done');
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('in_progress');
  });

  it('gives up at once when Intercom says the ticket is gone', async () => {
    const { ticketId } = await linkTicket(h);
    h.fake.faults.failNext(1, 404, 'GET /tickets/{id}');
    await deliver('notif_gone', 'ticket.state.updated', { type: 'ticket', id: ticketId });
    await h.job('webhooks').runOnce();
    expect(await h.application.store.webhooks.get(h.workspaceId, 'notif_gone')).toMatchObject({ status: 'failed', nextAttemptAt: null });
  });

  it('retries a 408 (Intercom stopped waiting; the request was fine) instead of giving up', async () => {
    const { ticketId } = await linkTicket(h);
    h.fake.faults.failNext(1, 408, 'GET /tickets/{id}');
    await deliver('notif_408', 'ticket.state.updated', { type: 'ticket', id: ticketId, ticket_state: 'in_progress' });
    await h.job('webhooks').runOnce();
    const waiting = await h.application.store.webhooks.get(h.workspaceId, 'notif_408');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    h.clock.advance(5 * 60_000);
    expect(await h.job('webhooks').runOnce()).toBe(1);
    expect((await h.application.store.webhooks.get(h.workspaceId, 'notif_408'))?.status).toBe('done');
  });

  it('does not retry a rate-limited row before Intercom’s reset', async () => {
    const { ticketId } = await linkTicket(h);
    const limited = h.fake.faults.rateLimitNext(Number.POSITIVE_INFINITY, 600, 'GET /tickets/{id}');
    await deliver('notif_429', 'ticket.state.updated', { type: 'ticket', id: ticketId, ticket_state: 'in_progress' });
    const deliveredAt = h.clock.now();
    await h.job('webhooks').runOnce();
    const waiting = await h.application.store.webhooks.get(h.workspaceId, 'notif_429');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    // Its own backoff would say seconds; Intercom said ten minutes.
    expect(waiting!.nextAttemptAt!).toBeGreaterThanOrEqual(deliveredAt + 599_000);
    limited.remove();
  });

  it('rolls its effect back when another worker finished the row first (its lease ran out meanwhile)', async () => {
    const { ticketId } = await linkTicket(h);
    const before = (await storedTicket(h, ticketId)).stateCategory;
    const target = before === 'in_progress' ? 'waiting_on_customer' : 'in_progress';
    await h.fake.backOffice.setState(ticketId, target);
    // A partial payload: the processor reads the ticket, slowly, before its transaction opens.
    h.fake.faults.latency(1_000, 'GET /tickets/{id}');
    await deliver('notif_overtaken', 'ticket.state.updated', { type: 'ticket', id: ticketId, ticket_state: target });
    const reads = () => h.fake.requests.filter((r) => r.method === 'GET' && r.path === `/tickets/${ticketId}`).length;
    const readsBefore = reads();
    const running = h.job('webhooks').runOnce();
    // Once the read is held at the fake (not after a guessed sleep, which a slow machine can outlast), the row is
    // finished elsewhere (another instance that took it over after the lease).
    await eventually(() => reads() > readsBefore, 'the processor reads the ticket');
    expect(await h.application.store.webhooks.markDone(h.workspaceId, 'notif_overtaken', h.clock.now())).toBe(true);
    expect(await running).toBe(1);
    expect((await storedTicket(h, ticketId)).stateCategory).toBe(before);
    expect(await h.application.store.webhooks.get(h.workspaceId, 'notif_overtaken')).toMatchObject({ status: 'done', lastError: null });
  });

  it("applies a notification whose worker crashed, once that worker's lease has expired", async () => {
    const { ticketId } = await linkTicket(h);
    await deliver('notif_crash', 'ticket.state.updated', stateItem(ticketId, 'in_progress', Math.floor(h.clock.now() / 1000) + 1));
    const crashed = await h.application.store.webhooks.claimPending(h.clock.now(), 10, 'crashed-worker', 60_000);
    expect(crashed).toHaveLength(1);
    expect(await h.job('webhooks').runOnce()).toBe(0);
    h.clock.advance(60_001);
    expect(await h.job('webhooks').runOnce()).toBe(1);
    expect((await storedTicket(h, ticketId)).stateCategory).toBe('in_progress');
  });

  describe('hand-over from the route while the processor runs', () => {
    /** Holds the processor's first pass (its claim at start) until `open()`; later claims find nothing in the store. */
    function holdFirstClaim() {
      const claims = jest.spyOn(h.application.store.webhooks, 'claimPending').mockResolvedValue([]);
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      claims.mockImplementationOnce(async () => {
        await gate;
        return [];
      });
      const started = async () => {
        while (claims.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      };
      return { claims, open, started };
    }

    const row = (id: string) => h.application.store.webhooks.get(h.workspaceId, id);

    it('applies what the route hands over without claiming it from the store', async () => {
      const { ticketId } = await linkTicket(h);
      const claims = jest.spyOn(h.application.store.webhooks, 'claimPending').mockResolvedValue([]);
      h.job('webhooks').start();
      // The start-up claim found the store empty: from then on new rows are handed over.
      while (claims.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const base = Math.floor(h.clock.now() / 1000);
      expect((await deliver('notif_handed', 'ticket.state.updated', stateItem(ticketId, 'waiting_on_customer', base + 10))).status).toBe(
        200,
      );
      while ((await row('notif_handed'))?.status === 'pending') await new Promise((resolve) => setTimeout(resolve, 5));
      // Stored leased to this processor (attempt 1, as a claim would leave it) and applied.
      expect(await row('notif_handed')).toMatchObject({ status: 'done', attempts: 1 });
      expect((await storedTicket(h, ticketId)).stateCategory).toBe('waiting_on_customer');
      // Every claim came back empty, so the row reached the processor from the route.
      expect(await Promise.all(claims.mock.results.map((r) => r.value))).toEqual(claims.mock.calls.map(() => []));
      await h.job('webhooks').stop();
    });

    it('while its start-up claim is under way, new deliveries wait in the store, free for any worker once it stops', async () => {
      const { ticketId } = await linkTicket(h);
      const held = holdFirstClaim();
      h.job('webhooks').start();
      await held.started();
      const base = Math.floor(h.clock.now() / 1000);
      for (const [i, id] of ['notif_waiting_1', 'notif_waiting_2'].entries()) {
        expect((await deliver(id, 'ticket.state.updated', stateItem(ticketId, 'waiting_on_customer', base + 10 + i))).status).toBe(200);
      }
      // Not handed over: older rows may be in the store, and the claim under way has not seen them yet.
      expect(await row('notif_waiting_1')).toMatchObject({ status: 'pending', attempts: 0 });
      const stopped = h.job('webhooks').stop();
      held.open();
      await stopped;
      held.claims.mockRestore();
      const claimed = await h.application.store.webhooks.claimPending(h.clock.now(), 10, 'another-instance', 60_000);
      expect(claimed.map((n) => n.notificationId).sort()).toEqual(['notif_waiting_1', 'notif_waiting_2']);
    });
  });
});
