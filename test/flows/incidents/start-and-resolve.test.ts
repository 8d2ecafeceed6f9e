/**
 * Start an incident from a conversation, and close the loop: when the incident resolves every linked conversation
 * gets the workspace's follow-up exactly once, paced, with progress on the sidebar; a conversation linked after
 * the resolution gets it at once.
 */
import { INCIDENT_JOB_KINDS } from '../../../src/services/incidents';
import { type Body, type IncidentHarness, text, useIncidentHarness } from './support';

let h: IncidentHarness;
useIncidentHarness((started) => {
  h = started;
});

const followUpNotes = (conversationId: string) =>
  h.conversation(conversationId).parts.filter((p) => p.partType === 'note' && (p.body ?? '').includes('resolved'));

async function link(trackerId: string, conversationId: string) {
  const form = await h.screen(`incident_pick:${trackerId}`, { conversationId });
  return h.screen('incident_link_submit', { currentCanvas: form, conversationId });
}

describe('Start an incident', () => {
  it('creates a tracker with the handoff summary, linked to the conversation, once', async () => {
    const form = await h.screen('incident_start_open');
    expect(text(form)).toContain('Start an incident');
    const result = await h.screen('incident_start_submit', {
      inputValues: { incident_title: 'Refunds stuck <b>pending</b>' },
      currentCanvas: form,
    });
    expect(text(result)).toMatch(/Incident #\d+ started/);
    const again = await h.screen('incident_start_submit', { inputValues: { incident_title: 'Refunds stuck' }, currentCanvas: form });
    expect(text(again)).toContain('Incident started');
    const trackers = [...h.fake.state.workspaces.get(h.demo.workspaceId)!.tickets.values()].filter((t) => t.category === 'Tracker');
    expect(trackers).toHaveLength(1);
    const tracker = trackers[0]!;
    expect(tracker.attributes['_default_title_']).toBe('Refunds stuck <b>pending</b>');
    expect(String(tracker.attributes['_default_description_'])).toMatch(/Handoff incident ref: [0-9a-f-]{36}$/);
    expect(h.conversation(h.context.conversationId).links).toEqual([{ type: 'ticket', id: tracker.id, category: 'Tracker' }]);
    const sidebar = text((await h.initialize()).body as Body);
    expect(sidebar).toContain(`Incident #${tracker.ticketNumber}`);
    expect(sidebar).toContain('Refunds stuck \\\\<b\\\\>pending\\\\</b\\\\>');
  });

  it('refuses an empty title on the form, and a workspace without a tracker type in plain words', async () => {
    const form = await h.screen('incident_start_open');
    expect(text(await h.screen('incident_start_submit', { inputValues: { incident_title: '  ' }, currentCanvas: form }))).toContain(
      'Give the incident a title.',
    );
    h.fake.state.workspaces.get(h.demo.workspaceId)!.ticketTypes.get(h.trackerTypeId)!.archived = true;
    const res = await h.submit({ componentId: 'incident_start_submit', inputValues: { incident_title: 'Outage' }, currentCanvas: form });
    expect(JSON.stringify(res.body)).toContain('no tracker ticket type');
    expect(await h.application.store.incidentLinks.getStanding(h.demo.workspaceId, h.context.conversationId)).toBeNull();
  });
});

describe('closing the loop', () => {
  it('follows up every linked conversation once, paced, shows progress, and a late link at once', async () => {
    const tracker = h.tracker('Payments failing');
    const { refund, outage, howTo } = h.demo.conversations;
    await link(tracker.id, refund);
    await link(tracker.id, outage);
    await h.drain();
    h.conversation(outage).state = 'snoozed';
    await h.fake.backOffice.setState(tracker.id, 'resolved');
    // Any view of the tracker notices the resolution; two views fan out once.
    await h.screen('incident_details', { conversationId: refund });
    await h.screen('incident_details', { conversationId: outage });
    const jobs = await h.application.store.outbox.listByWorkspace(h.demo.workspaceId, { limit: 500 });
    expect(jobs.filter((j) => j.kind === INCIDENT_JOB_KINDS.fanOut)).toHaveLength(1);
    await h.application.outbox.runOnce();
    const followUps = (await h.application.store.outbox.listByWorkspace(h.demo.workspaceId, { limit: 500 })).filter(
      (j) => j.kind === INCIDENT_JOB_KINDS.followUp,
    );
    expect(followUps).toHaveLength(2);
    const due = followUps.map((j) => j.nextAttemptAt!).sort((a, b) => a - b);
    expect(due[1]! - due[0]!).toBe(100);
    const midway = text((await h.initialize({ conversationId: refund })).body as Body);
    expect(midway).toContain('Follow-ups sent: 0 of 2');
    await h.drain(100);
    expect(followUpNotes(refund)).toHaveLength(1);
    expect(followUpNotes(outage)).toHaveLength(1);
    expect(h.conversation(outage).state).toBe('open');
    expect(text((await h.initialize({ conversationId: refund })).body as Body)).toContain('Follow-ups sent to all 2 conversations');
    // Linked after the resolution: its follow-up goes out at once.
    await link(tracker.id, howTo);
    await h.drain(100);
    expect(followUpNotes(howTo)).toHaveLength(1);
    expect(followUpNotes(refund)).toHaveLength(1);
  });
});
