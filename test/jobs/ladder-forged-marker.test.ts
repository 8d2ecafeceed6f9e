/**
 * The ladder's marker is predictable (`handoff-sla:<kind>:<cycle>:<step>`), so anyone who can write on the
 * ticket could write it first. Only a note by the identity the ladder posts as counts as "this step already ran";
 * a copy by a teammate or by the customer must not silence the step.
 */
import { addTicketPart } from '../../src/sandbox/fake-intercom/ticket-ops';
import { type Harness, TEST_START } from '../support/app-harness';
import { useLadderHarness, ladderRequests, linkedTicket, notesOn, tickAndDrain, WARN_AFTER } from './ladder-fixture';

let h: Harness;
useLadderHarness((started) => {
  h = started;
});

const WARN_MARKER = 'handoff-sla:resolution:0:warn';

function writeOnTicket(ticketId: string, author: { type: 'admin' | 'user'; id: string }, body: string): void {
  const workspace = h.fake.state.workspaces.get(h.demo.workspaceId)!;
  const ticket = workspace.tickets.get(ticketId)!;
  addTicketPart(h.fake.state, ticket, {
    partType: author.type === 'user' ? 'comment' : 'note',
    body,
    createdAt: Math.floor(h.clock.now() / 1000),
    author,
    assignedTo: null,
  });
}

describe('SLA ladder: notes that only look like ours', () => {
  it('the installer (the admin the ladder posts as) is not the teammate who writes the copy', async () => {
    const workspace = await h.application.store.workspaces.get(h.demo.workspaceId);
    expect(workspace?.installedByAdminId).not.toBe(h.demo.admins.manager);
  });

  it.each([
    ['a teammate (the manager)', () => ({ type: 'admin' as const, id: h.demo.admins.manager })],
    ['the customer', () => ({ type: 'user' as const, id: h.demo.contacts.standard })],
  ])('a marker written by %s does not make the step believe it already ran', async (_who, author) => {
    const ticketId = await linkedTicket(h);
    writeOnTicket(ticketId, author(), `<p>please ignore</p><p>ref: ${WARN_MARKER}</p>`);
    h.clock.set(TEST_START + WARN_AFTER);
    await tickAndDrain(h);

    const posted = notesOn(ladderRequests(h, ticketId));
    expect(posted).toHaveLength(1);
    expect(String(posted[0]?.body)).toContain(WARN_MARKER);
    const [job] = await h.application.store.outbox.listByWorkspace(h.demo.workspaceId, { status: 'done' });
    expect(job?.result).not.toMatchObject({ repeated: true });
  });

  it('our own note with the marker still stops a repeat (the lost-answer case)', async () => {
    const ticketId = await linkedTicket(h);
    const workspace = await h.application.store.workspaces.get(h.demo.workspaceId);
    writeOnTicket(ticketId, { type: 'admin', id: workspace!.installedByAdminId! }, `<p>ref: ${WARN_MARKER}</p>`);
    h.clock.set(TEST_START + WARN_AFTER);
    await tickAndDrain(h);

    expect(notesOn(ladderRequests(h, ticketId))).toHaveLength(0);
    const [job] = await h.application.store.outbox.listByWorkspace(h.demo.workspaceId, { status: 'done' });
    expect(job?.result).toMatchObject({ repeated: true });
  });
});
