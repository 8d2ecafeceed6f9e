/**
 * Intercom misbehaving during ladder actions: an outage delays a step (the outbox retries it) and never loses or
 * doubles it; a note whose answer was lost after Intercom saved it is found by its marker and not posted again.
 */
import { type Harness, TEST_START } from '../support/app-harness';
import {
  BREACH_AFTER,
  useLadderHarness,
  ladderRequests,
  linkedTicket,
  MIN,
  notesOn,
  schedulerOf,
  tickAndDrain,
  WARN_AFTER,
} from './ladder-fixture';

let h: Harness;
useLadderHarness((started) => {
  h = started;
});

/** Notes on the ticket at the fake carrying this step's marker: the effect that must happen exactly once. */
function notesAtFake(ticketId: string, marker: string): number {
  const ticket = h.fake.state.workspaces.get(h.demo.workspaceId)?.tickets.get(ticketId);
  return (ticket?.parts ?? []).filter((part) => part.body?.includes(marker)).length;
}

describe('SLA ladder when Intercom fails', () => {
  it('an outage during the breach actions delays them; after it ends each effect happens once', async () => {
    const ticketId = await linkedTicket(h);
    h.clock.set(TEST_START + BREACH_AFTER - 10 * MIN);
    await tickAndDrain(h);
    h.fake.clearLog();

    const outage = h.fake.faults.add({ route: '*', effect: { type: 'status', status: 503 }, times: Number.POSITIVE_INFINITY });
    h.clock.set(TEST_START + BREACH_AFTER);
    await schedulerOf(h).runOnce();
    for (let i = 0; i < 4; i += 1) {
      await h.application.outbox.runOnce();
      h.clock.advance(MIN);
    }
    const [job] = await h.application.store.outbox.listByWorkspace(h.demo.workspaceId, { status: 'pending' });
    expect(job).toMatchObject({ kind: 'ladder.step', lastError: 'Injected fault' });
    expect(job?.attempts).toBeGreaterThanOrEqual(2);
    expect(ladderRequests(h, ticketId).every((r) => r.status === 503)).toBe(true);
    expect(notesAtFake(ticketId, 'handoff-sla:resolution:0:breach')).toBe(0);

    outage.remove();
    h.clock.advance(30 * MIN);
    await tickAndDrain(h);
    expect(notesAtFake(ticketId, 'handoff-sla:resolution:0:breach')).toBe(1);
    const succeeded = ladderRequests(h, ticketId).filter((r) => r.status === 200);
    expect(succeeded.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /tickets/${ticketId}`,
      `PUT /tickets/${ticketId}`,
      `PUT /tickets/${ticketId}`,
      `POST /tickets/${ticketId}/reply`,
    ]);
    // The note still names the original due time, though it went out half an hour later.
    expect(String(notesOn(succeeded)[0]?.body)).toContain('Step due Nov 18, 2026, 2:00 PM GMT.');
    expect(await h.application.store.outbox.pendingCount(h.demo.workspaceId)).toBe(0);
  });

  it('a note saved by Intercom whose answer was lost is not posted a second time', async () => {
    const ticketId = await linkedTicket(h);
    h.fake.faults.add({ route: 'POST /tickets/{id}/reply', effect: { type: 'status', status: 502 }, phase: 'after' });
    h.clock.set(TEST_START + WARN_AFTER);
    await tickAndDrain(h);

    expect(notesAtFake(ticketId, 'handoff-sla:resolution:0:warn')).toBe(1);
    const requests = ladderRequests(h, ticketId);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 502', 'GET 200']);
    const [job] = await h.application.store.outbox.listByWorkspace(h.demo.workspaceId, { status: 'done' });
    expect(job?.result).toMatchObject({ repeated: true });
  });
});
