/**
 * The 75 / 90 / 100 % ladder end to end: clocks started by the app's SlaService, the scheduler registered in
 * wiring, the outbox worker, the real Intercom client, and the fake Intercom checked request by request.
 * Times in notes are in the demo workspace's zone, Europe/London (GMT in November).
 */
import { type Harness, TEST_START, useHarness } from '../support/app-harness';
import {
  BREACH_AFTER,
  configureLadder,
  ESCALATE_AFTER,
  ladderRequests,
  linkedTicket,
  MIN,
  notesOn,
  summary,
  tickAndDrain,
  WARN_AFTER,
} from './ladder-fixture';

let h: Harness;
useHarness((started) => {
  h = started;
});

const ticketAtFake = (ticketId: string) => {
  const ticket = h.fake.state.workspaces.get(h.demo.workspaceId)?.tickets.get(ticketId);
  if (!ticket) throw new Error('ticket missing at the fake');
  return ticket;
};

describe('SLA ladder actions at Intercom', () => {
  it('75 %: one warning note to the owner, posted by the installing admin, with the due time in the workspace zone', async () => {
    await configureLadder(h);
    const ticketId = await linkedTicket(h);
    h.clock.advance(WARN_AFTER - MIN);
    await tickAndDrain(h);
    expect(ladderRequests(h, ticketId)).toEqual([]);

    h.clock.advance(MIN);
    await tickAndDrain(h);
    // Every request the app made: read the ticket (marker check), the directory for names, then the note.
    expect(summary(h.fake.requests)).toEqual([
      `GET /tickets/${ticketId} 200`,
      'GET /admins 200',
      'GET /teams 200',
      `POST /tickets/${ticketId}/reply 200`,
    ]);
    const requests = ladderRequests(h, ticketId);
    const [note] = notesOn(requests);
    expect(note).toEqual({ message_type: 'note', type: 'admin', admin_id: h.demo.admins.agent, body: expect.any(String) });
    const body = String(note?.body);
    expect(body).toContain('SLA warning: resolution clock at 75 %');
    expect(body).toContain('For Alex Agent: 75 % of the resolution target is used. It runs out Nov 18, 2026, 2:00 PM GMT.');
    expect(body).toContain('Clock: resolution, target 4h of calendar time (P1, enterprise tier).');
    expect(body).toContain('Step due Nov 18, 2026, 1:00 PM GMT.');
    expect(body).toContain('ref: handoff-sla:resolution:0:warn');
    expect(body).not.toContain('late');
  });

  it('90 %: assigns the ticket to the lead (admin_id an integer) and notes why', async () => {
    await configureLadder(h);
    const ticketId = await linkedTicket(h);
    h.clock.advance(WARN_AFTER);
    await tickAndDrain(h);
    h.fake.clearLog();
    h.clock.set(TEST_START + ESCALATE_AFTER);
    await tickAndDrain(h);

    const requests = ladderRequests(h, ticketId);
    expect(summary(requests)).toEqual([
      `GET /tickets/${ticketId} 200`,
      `PUT /tickets/${ticketId} 200`,
      `POST /tickets/${ticketId}/reply 200`,
    ]);
    expect(requests[1]?.body).toEqual({ admin_id: Number(h.demo.admins.agent), assignee_id: h.demo.admins.lead });
    const body = String(notesOn(requests)[0]?.body);
    expect(body).toContain('SLA escalation: resolution clock at 90 %');
    expect(body).toContain('Assigned to Lee Lead (team lead) because 90 % of the resolution target is used.');
    expect(body).toContain('Step due Nov 18, 2026, 1:36 PM GMT.');
    expect(ticketAtFake(ticketId).adminAssigneeId).toBe(h.demo.admins.lead);
  });

  it('90 % in mention mode: no reassignment, the note mentions the lead', async () => {
    await configureLadder(h, { ladder: { escalateAction: 'mention' } });
    const ticketId = await linkedTicket(h);
    h.clock.advance(ESCALATE_AFTER);
    await tickAndDrain(h);
    const requests = ladderRequests(h, ticketId);
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);
    const bodies = notesOn(requests).map((n) => String(n.body));
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toContain('@Lee Lead (team lead): 90 % of the resolution target is used; please take a look.');
    expect(ticketAtFake(ticketId).adminAssigneeId).toBe(h.demo.admins.agent);
  });

  it('100 %: breach team, then the manager, then one note cross-posted to the conversation', async () => {
    await configureLadder(h);
    const ticketId = await linkedTicket(h);
    h.clock.advance(ESCALATE_AFTER);
    await tickAndDrain(h);
    h.fake.clearLog();
    h.clock.set(TEST_START + BREACH_AFTER);
    await tickAndDrain(h);

    const requests = ladderRequests(h, ticketId);
    expect(summary(requests)).toEqual([
      `GET /tickets/${ticketId} 200`,
      `PUT /tickets/${ticketId} 200`,
      `PUT /tickets/${ticketId} 200`,
      `POST /tickets/${ticketId}/reply 200`,
    ]);
    const acting = Number(h.demo.admins.agent);
    expect(requests[1]?.body).toEqual({ admin_id: acting, assignee_id: h.demo.teams.vip });
    expect(requests[2]?.body).toEqual({ admin_id: acting, assignee_id: h.demo.admins.manager });
    const note = notesOn(requests)[0];
    expect(note).toMatchObject({ message_type: 'note', admin_id: h.demo.admins.agent, cross_post: true });
    const body = String(note?.body);
    expect(body).toContain('SLA breached: resolution clock at 100 %');
    expect(body).toContain('The resolution target ran out at Nov 18, 2026, 2:00 PM GMT.');
    expect(body).toContain('Reassigned to Morgan Manager (manager).');
    expect(body).toContain('Moved to the VIP / High-Tier team.');
    const ticket = ticketAtFake(ticketId);
    expect(ticket).toMatchObject({ adminAssigneeId: h.demo.admins.manager, teamAssigneeId: h.demo.teams.vip });
    const conversation = h.fake.state.workspaces.get(h.demo.workspaceId)?.conversations.get(h.demo.conversations.refund);
    expect(JSON.stringify(conversation?.parts)).toContain('ref: handoff-sla:resolution:0:breach');
    // The job's result names what the app itself assigned, so it can be told apart from the team's own actions.
    const job = await h.application.store.outbox.getByDedupeKey(
      h.demo.workspaceId,
      `${h.demo.workspaceId}:${ticketId}:resolution:0:breach`,
    );
    expect(job).toMatchObject({ status: 'done', result: { assigned: [h.demo.teams.vip, h.demo.admins.manager] } });
    // Intercom sends no webhook for the app's own update, so the handler mirrors the answer: the sidebar shows the manager.
    const stored = await h.application.store.tickets.get(h.demo.workspaceId, ticketId);
    expect(stored).toMatchObject({ adminAssigneeId: h.demo.admins.manager, teamId: h.demo.teams.vip, ownerName: 'Morgan Manager' });
    const resolution = await h.application.store.clocks.get(h.demo.workspaceId, ticketId, 'resolution');
    expect(resolution?.status).toBe('running');
  });

  it('fires each step exactly once however often the scheduler ticks', async () => {
    await configureLadder(h);
    const ticketId = await linkedTicket(h);
    for (let minute = 0; minute <= 5 * 60; minute += 7) {
      h.clock.set(TEST_START + minute * MIN);
      await tickAndDrain(h);
      await tickAndDrain(h);
    }
    const notes = notesOn(ladderRequests(h, ticketId)).map((n) => String(n.body).match(/ref: (\S+)<\/p>/)?.[1]);
    expect(notes).toEqual(['handoff-sla:resolution:0:warn', 'handoff-sla:resolution:0:escalate', 'handoff-sla:resolution:0:breach']);
    const firings = await h.application.store.ladder.listByTicket(h.demo.workspaceId, ticketId);
    expect(firings.map((f) => [f.step, f.dueAt - TEST_START])).toEqual([
      ['warn', WARN_AFTER],
      ['escalate', ESCALATE_AFTER],
      ['breach', BREACH_AFTER],
    ]);
    // Nothing is armed after the breach: the scheduler no longer claims this clock.
    expect(await h.application.store.clocks.get(h.demo.workspaceId, ticketId, 'resolution')).toMatchObject({ nextFireAt: null });
  });

  it('works with the default settings: no lead, manager or breach team, and each note says what to configure', async () => {
    await configureLadder(h, { configured: false });
    const ticketId = await linkedTicket(h);
    h.clock.advance(BREACH_AFTER);
    await tickAndDrain(h);
    const requests = ladderRequests(h, ticketId);
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);
    const bodies = notesOn(requests).map((n) => String(n.body));
    expect(bodies).toHaveLength(3);
    expect(bodies[1]).toContain("No team lead is configured in Handoff's settings (SLA ladder → team lead), so nobody was assigned.");
    expect(bodies[2]).toContain("No manager is configured in Handoff's settings (SLA ladder → manager), so the ticket was not reassigned.");
    expect(bodies[2]).toContain('No SLA Breach team is configured');
    expect(notesOn(requests)[2]).toMatchObject({ cross_post: true, admin_id: h.demo.admins.agent });
  });
});
