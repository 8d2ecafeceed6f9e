/**
 * Renders shared between two app instances on one PostgreSQL (src/store/shared-views.ts): whatever either instance
 * writes, a view either answers from an earlier render, its own or the other's, is byte for byte what rendering
 * afresh there would print. Random scripts of writes (tickets linked to one of three conversations or moved between
 * them, in another state; work dead-lettered) made on either instance, interleaved with views on either instance and
 * pauses that let offered renders arrive. After each write the script waits until the other instance has heard it,
 * as any reader of another instance's commit must; the shared renders in flight get no such help.
 * Checked not to be vacuous: views are answered from the other instance's renders.
 */
import fc from 'fast-check';
import request from 'supertest';
import { sidebar } from '../../../src/flows/sidebar';
import { parseCanvasRequest } from '../../../src/http/canvas-request';
import { initializeBody } from '../../../src/sandbox/canvas-kit-body';
import { createLogger } from '../../../src/util/logger';
import type { Harness } from '../../support/app-harness';
import { eventually } from '../../support/eventually';
import { linkTicketWithClock } from '../../support/linked-ticket';
import { describePostgres, type PgPair, startPgPair } from '../../support/postgres';

const TICKETS = ['701', '702', '703'];
const STATES = ['in_progress', 'waiting_on_customer', 'resolved'] as const;

type Op =
  | { kind: 'link'; on: number; ticket: number; conversation: number; state: (typeof STATES)[number] }
  | { kind: 'dead'; on: number; ticket: number }
  | { kind: 'pause' }
  | { kind: 'view'; on: number; conversation: number }
  /** A view, and at once a write: the render is offered while the write commits (checked by the views after it). */
  | { kind: 'race'; on: number; conversation: number; write: Extract<Op, { kind: 'link' }> };

const linkArb = fc.record({
  kind: fc.constant('link' as const),
  on: fc.nat(1),
  ticket: fc.nat(TICKETS.length - 1),
  conversation: fc.nat(2),
  state: fc.constantFrom(...STATES),
});

const opArb: fc.Arbitrary<Op> = fc.oneof(
  linkArb,
  fc.record({ kind: fc.constant('race' as const), on: fc.nat(1), conversation: fc.nat(2), write: linkArb }),
  fc.record({ kind: fc.constant('dead' as const), on: fc.nat(1), ticket: fc.nat(TICKETS.length - 1) }),
  ...Array.from({ length: 2 }, () => fc.record({ kind: fc.constant('pause' as const) })),
  ...Array.from({ length: 6 }, () => fc.record({ kind: fc.constant('view' as const), on: fc.nat(1), conversation: fc.nat(2) })),
);

const metric = async (h: Harness, name: string) => (await request(h.application.app).get('/metrics')).body[name] as number;

describePostgres('two instances share their renders', () => {
  let pair: PgPair;
  beforeAll(async () => {
    pair = await startPgPair('reuse_shared');
  });
  afterAll(() => pair?.close());

  /** What the sidebar prints for `conversationId` when `h` renders it afresh now (no reuse offered). */
  async function freshRender(h: Harness, conversationId: string): Promise<unknown> {
    const parsed = parseCanvasRequest(initializeBody(h.fake, { ...h.context, conversationId }));
    if (!parsed.ok) throw new Error(parsed.problem);
    return sidebar(h.application.deps, parsed.request, { logger: createLogger('silent') });
  }

  it('a view answered from either instance’s render is what a fresh render there would show', async () => {
    const instances = [pair.a, pair.b];
    const extra = [1, 2].map(
      (i) =>
        pair.fake.seed.conversation(pair.demo.workspaceId, {
          contactId: pair.demo.contacts.standard,
          title: `Shared reuse ${i}`,
          createdAt: Math.floor(pair.clock.now() / 1000) - 600,
          messages: [{ from: 'contact', body: `<p>Order ${i} never arrived.</p>` }],
        }).id,
    );
    const conversations = [pair.a.context.conversationId, ...extra];
    // Both listen from their first view on; until then neither reuses anything.
    for (const h of instances) {
      await h.initialize();
      await eventually(
        () => h.application.store.changes.staleCause(pair.demo.workspaceId, h.application.store.changes.stamp(), []) === null,
        'listening',
      );
    }
    const sharedBefore =
      (await metric(pair.a, 'sidebar_views_reused_shared_total')) + (await metric(pair.b, 'sidebar_views_reused_shared_total'));
    let serial = 0;
    let views = 0;
    /** A write on one instance, then a wait until the other has heard it. */
    const write = async (op: Extract<Op, { kind: 'link' | 'dead' }>) => {
      const h = instances[op.on]!;
      const other = instances[1 - op.on]!.application.store.changes;
      const stamp = other.stamp();
      serial += 1;
      if (op.kind === 'link') {
        const overrides = { conversationId: conversations[op.conversation]!, stateCategory: op.state, isOpen: op.state !== 'resolved' };
        await linkTicketWithClock(h, TICKETS[op.ticket]!, overrides, h.application.store);
      } else {
        const { job } = await h.application.store.outbox.enqueue(pair.demo.workspaceId, {
          kind: 'ladder.step',
          dedupeKey: `shared-dead-${serial}`,
          payload: { ticketId: TICKETS[op.ticket], step: 'breach' },
          now: pair.clock.now(),
        });
        await h.application.store.outbox.deadLetter(pair.demo.workspaceId, job.id, { error: 'Intercom 503', now: pair.clock.now() });
      }
      await eventually(() => !other.unchangedSince(pair.demo.workspaceId, stamp), 'the other instance hears the write');
    };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const op of ops) {
          if (op.kind === 'pause') {
            await new Promise((resolve) => setTimeout(resolve, 30));
          } else if (op.kind === 'race') {
            // Unchecked: what it shows may be from either side of the write; the views after it are checked.
            await Promise.all([instances[op.on]!.initialize({ conversationId: conversations[op.conversation]! }), write(op.write)]);
          } else if (op.kind === 'view') {
            const h = instances[op.on]!;
            const conversationId = conversations[op.conversation]!;
            const shown = await h.initialize({ conversationId });
            views += 1;
            expect(shown.status).toBe(200);
            expect(shown.body).toEqual(await freshRender(h, conversationId));
          } else {
            await write(op);
          }
        }
      }),
      { numRuns: 15, seed: 20261208 },
    );
    const shared =
      (await metric(pair.a, 'sidebar_views_reused_shared_total')) + (await metric(pair.b, 'sidebar_views_reused_shared_total'));
    expect(views).toBeGreaterThan(60);
    // Not vacuous: some views were answered from the other instance's render.
    expect(shared - sharedBefore).toBeGreaterThan(views / 20);
  });
});
