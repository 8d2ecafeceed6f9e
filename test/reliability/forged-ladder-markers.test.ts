/**
 * The class behind a silenced ladder: anything the ladder reads back from the ticket to decide "already done" must
 * be ours. Every step's marker, for both clocks and the next cycles, is written on the ticket beforehand by a
 * teammate and by the customer; every step still acts and notes exactly once, as the app's own admin.
 */
import { addTicketPart } from '../../src/sandbox/fake-intercom/ticket-ops';
import { type Harness, TEST_START } from '../support/app-harness';
import { FigureSheet } from '../support/reliability/figures';
import {
  BREACH_AFTER,
  useLadderHarness,
  ESCALATE_AFTER,
  ladderRequests,
  linkedTicket,
  notesOn,
  tickAndDrain,
  WARN_AFTER,
} from '../jobs/ladder-fixture';

const figures = new FigureSheet('forged ladder markers');
let h: Harness;
useLadderHarness((started) => {
  h = started;
});
afterAll(() => figures.print());

const STEPS = ['warn', 'escalate', 'breach'] as const;

it('markers copied by a teammate and by the customer silence no step', async () => {
  const ticketId = await linkedTicket(h);
  const fakeTicket = h.fake.state.workspaces.get(h.demo.workspaceId)!.tickets.get(ticketId)!;
  const forgers = [
    { type: 'admin' as const, id: h.demo.admins.manager },
    { type: 'user' as const, id: h.demo.contacts.standard },
  ];
  for (const author of forgers) {
    for (const kind of ['response', 'resolution']) {
      for (const cycle of [0, 1]) {
        for (const step of STEPS) {
          addTicketPart(h.fake.state, fakeTicket, {
            partType: author.type === 'user' ? 'comment' : 'note',
            body: `<p>ref: handoff-sla:${kind}:${cycle}:${step}</p>`,
            createdAt: Math.floor(h.clock.now() / 1000),
            author,
            assignedTo: null,
          });
          figures.add('inputs');
        }
      }
    }
  }
  const workspace = await h.application.store.workspaces.get(h.demo.workspaceId);
  for (const at of [WARN_AFTER, ESCALATE_AFTER, BREACH_AFTER]) {
    h.clock.set(TEST_START + at);
    await tickAndDrain(h);
  }

  const notes = notesOn(ladderRequests(h, ticketId));
  const markers = notes.map((note) => /handoff-sla:[a-z]+:\d+:[a-z]+/.exec(String(note.body))?.[0]);
  expect(markers).toEqual(STEPS.map((step) => `handoff-sla:resolution:0:${step}`));
  expect(notes.every((note) => note.admin_id === workspace?.installedByAdminId)).toBe(true);
  const done = await h.application.store.outbox.listByWorkspace(h.demo.workspaceId, { status: 'done' });
  const repeated = done.filter((job) => (job.result as { repeated?: boolean } | null)?.repeated === true);
  expect(repeated).toEqual([]);
  figures.set('steps', STEPS.length);
  figures.set('silenced', repeated.length + STEPS.length - notes.length);
  figures.set('lost', STEPS.length - notes.length);
  figures.set('duplicated', notes.length - new Set(markers).size);
});
