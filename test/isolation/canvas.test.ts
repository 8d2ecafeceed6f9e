import { encodeComponentId, PLAIN_ACTIONS, TICKET_ACTIONS } from '../../canvases/component-ids';
import { initializeBody, submitBody } from '../../src/sandbox/canvas-kit-body';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { B_TICKET, normalised, snapshotOf, useTwoWorkspaces, type TwoWorkspaces } from './support';

let t: TwoWorkspaces;
useTwoWorkspaces((started) => {
  t = started;
});

/** A's own conversation and agent, with some fields swapped for ids that belong to B (or to nobody). */
function asA(conversationId?: string) {
  const body = initializeBody(t.h.fake, {
    workspaceId: t.a.workspaceId,
    conversationId: t.a.conversations.howTo,
    adminId: t.a.admins.agent,
  });
  const conversation = body['conversation'] as Record<string, unknown>;
  return { ...body, conversation: { ...conversation, id: conversationId ?? conversation['id'] } };
}

const NOBODY_TICKET = '990001';
const NOBODY_CONVERSATION = '990002';

function onlyAsRequests() {
  const foreign = t.h.fake.requests.filter((r) => r.workspaceId !== t.a.workspaceId);
  expect(foreign.map((r) => `${r.method} ${r.path} as ${r.workspaceId}`)).toEqual([]);
}

describe("a signed request from workspace A never reaches B's data", () => {
  it("shows nothing of B's ticket for B's conversation id, exactly as for an id nobody has", async () => {
    const before = await snapshotOf(t);
    const withB = await t.h.postSigned('/intercom/initialize', asA(t.b.conversations.refund));
    const withNobody = await t.h.postSigned('/intercom/initialize', asA(NOBODY_CONVERSATION));
    assertValidCanvasResponse(withB.body, 'initialize');
    expect(JSON.stringify(withB.body)).not.toMatch(/#77|Beta|880001/);
    expect(normalised(withB, [t.b.conversations.refund])).toBe(normalised(withNobody, [NOBODY_CONVERSATION]));
    expect(await snapshotOf(t)).toEqual(before);
    onlyAsRequests();
  });

  it.each(TICKET_ACTIONS)("answers %s on B's ticket id exactly as on an unknown one, and changes nothing of B", async (action) => {
    const before = await snapshotOf(t);
    const fields = (ticketId: string) => ({
      componentId: encodeComponentId(action, ticketId),
      inputValues: { note_body: 'Please look at this', new_priority: 'P1', cross_post: ['cross_post'] },
      currentCanvas: { content: { components: [] }, stored_data: { v: 1, flow: 'ticket', ticketId, nonce: 'isolation-nonce-1' } },
    });
    const context = { workspaceId: t.a.workspaceId, conversationId: t.a.conversations.howTo, adminId: t.a.admins.agent };
    // Signed as A, naming B's ticket and the B conversation it is linked to (or ids nobody has).
    const body = (ticketId: string, conversationId: string) => {
      const submit = submitBody(t.h.fake, context, fields(ticketId));
      return { ...submit, conversation: { ...(submit['conversation'] as object), id: conversationId } };
    };
    const withB = await t.h.postSigned('/intercom/submit', body(B_TICKET, t.b.conversations.refund));
    const withNobody = await t.h.postSigned('/intercom/submit', body(NOBODY_TICKET, NOBODY_CONVERSATION));
    expect(withB.status).toBe(200);
    assertValidCanvasResponse(withB.body, 'submit');
    expect(JSON.stringify(withB.body)).not.toMatch(/#77|Beta/);
    expect(normalised(withB, [B_TICKET, t.b.conversations.refund])).toBe(normalised(withNobody, [NOBODY_TICKET, NOBODY_CONVERSATION]));
    expect(await snapshotOf(t)).toEqual(before);
    onlyAsRequests();
  });

  it.each(['refresh', 'back', 'tickets_all'] as const)("ignores B's ticket and conversation ids in stored_data on %s", async (action) => {
    expect(PLAIN_ACTIONS).toContain(action);
    const before = await snapshotOf(t);
    const fields = (ticketId: string, conversationId: string) => ({
      componentId: action,
      currentCanvas: { content: { components: [] }, stored_data: { v: 1, flow: 'ticket', ticketId, conversationId } },
    });
    const context = { workspaceId: t.a.workspaceId, conversationId: t.a.conversations.howTo, adminId: t.a.admins.agent };
    const withB = await t.h.postSigned('/intercom/submit', submitBody(t.h.fake, context, fields(B_TICKET, t.b.conversations.refund)));
    const withNobody = await t.h.postSigned('/intercom/submit', submitBody(t.h.fake, context, fields(NOBODY_TICKET, NOBODY_CONVERSATION)));
    assertValidCanvasResponse(withB.body, 'submit');
    expect(JSON.stringify(withB.body)).not.toMatch(/#77|Beta/);
    expect(normalised(withB, [B_TICKET, t.b.conversations.refund])).toBe(normalised(withNobody, [NOBODY_TICKET, NOBODY_CONVERSATION]));
    expect(await snapshotOf(t)).toEqual(before);
    onlyAsRequests();
  });

  it("gives A's installer no Settings link in B, and B's installer none in A", async () => {
    expect(await t.h.application.deps.settingsUrlFor(t.b.workspaceId, { id: t.a.admins.agent, raw: {} })).toBeNull();
    expect(await t.h.application.deps.settingsUrlFor(t.a.workspaceId, { id: t.b.admins.agent, raw: {} })).toBeNull();
    expect(await t.h.application.deps.settingsUrlFor(t.b.workspaceId, { id: t.b.admins.agent, raw: {} })).not.toBeNull();
  });
});
