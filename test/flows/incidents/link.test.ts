/**
 * Link to an incident from the sidebar: search (most recent first, by number or words, bounded input), pick, link
 * with a note, exactly once whatever the teammate or Intercom does; bad input changes nothing; unlink is recorded.
 */
import { type Body, type IncidentHarness, text, useIncidentHarness } from './support';

let h: IncidentHarness;
useIncidentHarness((started) => {
  h = started;
});

const linkCalls = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/linked_conversations'));
const standing = () => h.application.store.incidentLinks.getStanding(h.demo.workspaceId, h.context.conversationId);

async function pickAndLink(trackerId: string, note = ''): Promise<{ form: Body; result: Body }> {
  const form = await h.screen(`incident_pick:${trackerId}`);
  const result = await h.screen('incident_link_submit', { inputValues: { incident_note: note }, currentCanvas: form });
  return { form, result };
}

describe('searching open incidents', () => {
  it('lists open incidents most recent first, finds one by number or by words, and skips resolved ones', async () => {
    const old = h.tracker('Login page slow in EU', { minutesAgo: 90 });
    const recent = h.tracker('Payments failing with E_PAYMENT_502', { minutesAgo: 5, linked: 3 });
    const resolved = h.tracker('Payments failing last week', { minutesAgo: 600 });
    await h.fake.backOffice.setState(resolved.id, 'resolved');
    const all = text(await h.screen('incident_open'));
    expect(all.indexOf('E_PAYMENT_502')).toBeGreaterThan(-1);
    expect(all.indexOf('E_PAYMENT_502')).toBeLessThan(all.indexOf('Login page slow'));
    expect(all).toContain('(3 conversations)');
    expect(all).not.toContain('last week');
    const byNumber = text(await h.screen('incident_search', { inputValues: { incident_query: `#${old.ticketNumber}` } }));
    expect(byNumber).toContain('Login page slow');
    expect(byNumber).not.toContain('E_PAYMENT');
    const byWords = text(await h.screen('incident_search', { inputValues: { incident_query: 'payments E_PAYMENT_502' } }));
    expect(byWords).toContain(`incident_pick:${recent.id}`);
    expect(byWords).not.toContain(`incident_pick:${old.id}`);
  });

  it('refuses a 500-character or punctuation-only search without asking Intercom', async () => {
    h.tracker('Payments failing');
    for (const query of ['x'.repeat(500), '?!…—///***']) {
      h.fake.clearLog();
      const answer = text(await h.screen('incident_search', { inputValues: { incident_query: query } }));
      expect(answer).toMatch(/at most 120 characters|words of the incident title or its number/);
      expect(h.fake.requests).toHaveLength(0);
    }
  });

  it('reads the open incidents once a minute, whoever searches', async () => {
    h.tracker('Payments failing');
    await h.screen('incident_open');
    await h.screen('incident_search', { inputValues: { incident_query: 'payments' } });
    expect(h.fake.requests.filter((r) => r.path === '/tickets/search')).toHaveLength(1);
  });
});

describe('linking', () => {
  it('links in Intercom and in Handoff, posts the escaped note on the incident, and the sidebar shows it', async () => {
    const tracker = h.tracker('Payments failing', { linked: 2 });
    const { result } = await pickAndLink(tracker.id, 'Also <b>Globex</b> & co');
    expect(text(result)).toContain(`Linked to incident #${tracker.ticketNumber}`);
    expect(h.conversation(h.context.conversationId).links).toEqual([{ type: 'ticket', id: tracker.id, category: 'Tracker' }]);
    expect(await standing()).toMatchObject({ status: 'linked', trackerId: tracker.id, adminId: h.demo.admins.agent });
    await h.drain();
    const notes = h.ticket(tracker.id).parts.filter((p) => p.partType === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('Also &lt;b&gt;Globex&lt;/b&gt; &amp; co');
    const sidebar = text((await h.initialize()).body as Body);
    expect(sidebar).toContain(`Incident #${tracker.ticketNumber}`);
    expect(sidebar).toContain('3 conversations');
  });

  it('links once however often the same form is submitted', async () => {
    const tracker = h.tracker('Payments failing');
    const form = await h.screen(`incident_pick:${tracker.id}`);
    const first = await h.screen('incident_link_submit', { currentCanvas: form });
    const again = await h.screen('incident_link_submit', { currentCanvas: form });
    expect(text(first)).toContain('Linked to incident');
    expect(text(again)).toContain('Linked to incident');
    expect(linkCalls()).toHaveLength(1);
  });

  it('finishes from the outbox when Intercom is down, and finds its own link when the answer was lost', async () => {
    const tracker = h.tracker('Payments failing');
    h.fake.faults.failNext(1, 503, 'POST /tickets/{id}/linked_conversations');
    const queued = (await pickAndLink(tracker.id)).result;
    expect(text(queued)).toContain('queued');
    expect(await standing()).toMatchObject({ status: 'linking' });
    const other = h.tracker('Login slow');
    h.fake.faults.add({
      route: 'POST /tickets/{id}/linked_conversations',
      effect: { type: 'status', status: 502 },
      times: 1,
      phase: 'after',
    });
    h.clock.advance(61_000);
    await h.drain();
    expect(await standing()).toMatchObject({ status: 'linked', trackerId: tracker.id });
    // 503, then applied-but-answered-502, then the retry's already_linked_to_tracker that turns out to be ours.
    expect(linkCalls().map((r) => r.status)).toEqual([503, 502, 400]);
    const lost = (await pickAndLink(other.id)).result;
    expect(text(lost)).toContain('already linked');
    expect(h.conversation(h.context.conversationId).links.filter((l) => l.category === 'Tracker')).toHaveLength(1);
  });

  it('tells the teammate why Intercom refused, and changes nothing', async () => {
    const tracker = h.tracker('Payments failing');
    const elsewhere = h.tracker('Another tracker');
    h.conversation(h.context.conversationId).links.push({ type: 'ticket', id: elsewhere.id, category: 'Tracker' });
    const { result } = await pickAndLink(tracker.id);
    expect(text(result)).toContain('already linked to another incident in Intercom');
    expect(await standing()).toBeNull();
  });
});

describe('bad input', () => {
  it('another workspace’s tracker, a back-office ticket and an unknown id: a clear canvas, no change', async () => {
    const other = h.fake.seedDemoWorkspace({ id: 'other1', token: 'other-token' });
    const foreignType = h.fake.seed.ticketType(other.workspaceId, { name: 'Incident', category: 'Tracker' });
    const foreign = h.fake.seed.ticket(other.workspaceId, { ticketTypeId: foreignType.id, contactId: other.contacts.vip });
    const backOffice = h.fake.seed.ticket(h.demo.workspaceId, {
      ticketTypeId: h.demo.backOffice.ticketTypeId,
      contactId: h.demo.contacts.vip,
    });
    const cases: Array<[string, RegExp]> = [
      [foreign.id, /no such incident in this workspace/],
      [backOffice.id, /not an incident \(tracker\) ticket/],
      ['987654321', /no such incident in this workspace/],
    ];
    for (const [id, message] of cases) {
      const res = await h.submit({ componentId: `incident_pick:${id}` });
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    expect(await standing()).toBeNull();
    expect(linkCalls()).toHaveLength(0);
  });

  it('a conversation already linked cannot be linked to a second incident from Handoff', async () => {
    const first = h.tracker('Payments failing');
    const second = h.tracker('Login slow');
    await pickAndLink(first.id);
    const res = await h.submit({ componentId: 'incident_link_submit', currentCanvas: await h.screen(`incident_pick:${second.id}`) });
    expect(JSON.stringify(res.body)).toContain('already linked to incident #');
    expect(linkCalls()).toHaveLength(1);
  });
});

describe('unlinking', () => {
  it('unlinks in Intercom, keeps the record, and frees the conversation', async () => {
    const tracker = h.tracker('Payments failing');
    await pickAndLink(tracker.id);
    const details = await h.screen('incident_details');
    expect(text(details)).toContain('Unlink this conversation');
    const result = await h.screen('incident_unlink', { currentCanvas: details });
    expect(text(result)).toContain(`Unlinked from incident #${tracker.ticketNumber}`);
    expect(h.conversation(h.context.conversationId).links).toEqual([]);
    expect(await standing()).toBeNull();
    const linkId = details.canvas.stored_data?.['linkId'] as string;
    expect(await h.application.store.incidentLinks.get(h.demo.workspaceId, linkId)).toMatchObject({
      status: 'unlinked',
      unlinkedBy: h.demo.admins.agent,
      unlinkedAt: h.clock.now(),
    });
    const again = await h.submit({ componentId: 'incident_unlink', currentCanvas: details });
    expect(JSON.stringify(again.body)).toContain('not linked to that incident any more');
  });
});
