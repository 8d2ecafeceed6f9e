import { signBody } from '../../src/http/signature';
import { initializeBody } from '../../src/sandbox/canvas-kit-body';
import { type Harness, TEST_CLIENT_SECRET, useHarness } from '../support/app-harness';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { linkTicketWithClock } from '../support/linked-ticket';

let h: Harness;
useHarness((started) => {
  h = started;
});

function texts(body: { canvas: { content: { components: unknown[] } } }): string {
  return JSON.stringify(body.canvas.content.components);
}

const linkTicket = (ticketId: string, overrides: Parameters<typeof linkTicketWithClock>[2] = {}) =>
  linkTicketWithClock(h, ticketId, { ticketNumber: `#${ticketId}`, ...overrides });

describe('POST /intercom/initialize', () => {
  it('shows the empty state, the triage recommendation and a secondary Escalate button, with no Intercom call', async () => {
    const res = await h.initialize();
    expect(res.status).toBe(200);
    assertValidCanvasResponse(res.body, 'initialize');
    const json = texts(res.body);
    expect(json).toContain('No back-office ticket');
    expect(json).toContain('Escalate → Billing / Legal · P2');
    const escalate = res.body.canvas.content.components.find((c: { id?: string }) => c.id === 'escalate_open');
    expect(escalate).toMatchObject({ type: 'button', style: 'secondary' });
    expect(h.fake.requests).toHaveLength(0);
  });

  it('shows a linked ticket from the store: number, state, priority, queue, owner and SLA with its absolute due time', async () => {
    await linkTicket('701');
    h.clock.advance(74 * 60_000);
    const res = await h.initialize();
    assertValidCanvasResponse(res.body, 'initialize');
    const json = texts(res.body);
    expect(json).toContain('#701');
    expect(json).toContain('In progress');
    expect(json).toContain('P2');
    expect(json).toContain('Billing / Legal');
    expect(json).toContain('Lee Lead');
    // 4h target, 1h14m spent → 2h 46m left, due 14:00 UTC (the demo workspace's zone).
    expect(json).toContain('2h 46m');
    expect(json).toMatch(/Nov 18, 2026, 2:00\s?PM/);
    expect(h.fake.requests).toHaveLength(0);
  });

  it('answers a numeric conversation id and a legacy customer field', async () => {
    const body = initializeBody(h.fake, h.context) as Record<string, unknown> & { conversation: Record<string, unknown> };
    const legacy = {
      ...body,
      conversation: { ...body.conversation, id: Number(h.context.conversationId) },
      customer: body.contact,
      contact: undefined,
    };
    const res = await h.postSigned('/intercom/initialize', legacy);
    expect(res.status).toBe(200);
    assertValidCanvasResponse(res.body, 'initialize');
    expect(texts(res.body)).not.toContain('went wrong');
  });

  it.each([
    ['missing', undefined],
    ['wrong', 'f'.repeat(64)],
    ['other-secret', 'other'],
  ])('rejects a %s signature with 401 and changes nothing', async (kind, sig) => {
    const raw = JSON.stringify(initializeBody(h.fake, h.context));
    const signature = kind === 'other-secret' ? signBody('canvas', raw, 'not-the-secret') : sig;
    const req = (await import('supertest')).default(h.application.app).post('/intercom/initialize').set('Content-Type', 'application/json');
    const res = await (signature ? req.set('X-Body-Signature', signature) : req).send(raw);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_signature' });
    expect(h.fake.requests).toHaveLength(0);
  });

  it('rejects a body changed after signing', async () => {
    const raw = JSON.stringify(initializeBody(h.fake, h.context));
    const res = await (await import('supertest'))
      .default(h.application.app)
      .post('/intercom/initialize')
      .set('Content-Type', 'application/json')
      .set('X-Body-Signature', signBody('canvas', raw, TEST_CLIENT_SECRET))
      .send(raw.replace('"workspace_id"', '"workspace_id" '));
    expect(res.status).toBe(401);
  });

  it.each([
    ['invalid JSON', '{"workspace_id":'],
    ['no conversation', JSON.stringify({ workspace_id: 'demo1abc', admin: { id: '1' } })],
    ['a JSON array', '[]'],
  ])('answers %s with a 200 error canvas that says what to do', async (_name, raw) => {
    const res = await (await import('supertest'))
      .default(h.application.app)
      .post('/intercom/initialize')
      .set('Content-Type', 'application/json')
      .set('X-Body-Signature', signBody('canvas', raw, TEST_CLIENT_SECRET))
      .send(raw);
    expect(res.status).toBe(200);
    assertValidCanvasResponse(res.body, 'initialize');
    expect(texts(res.body)).toMatch(/Try again|Refresh/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it('tells a teammate of a workspace that has not installed Handoff what to do', async () => {
    const body = { ...initializeBody(h.fake, h.context), workspace_id: 'not-installed' };
    const res = await h.postSigned('/intercom/initialize', body);
    expect(res.status).toBe(200);
    assertValidCanvasResponse(res.body, 'initialize');
    expect(texts(res.body)).toContain('not connected to this workspace');
    expect(texts(res.body)).not.toContain('escalate_open');
  });
});

describe('POST /intercom/submit', () => {
  it('refreshes the sidebar', async () => {
    await linkTicket('702');
    const res = await h.submit({ componentId: 'refresh' });
    expect(res.status).toBe(200);
    assertValidCanvasResponse(res.body, 'submit');
    expect(texts(res.body)).toContain('#702');
  });

  it('answers an unknown component with an error canvas, not a 500', async () => {
    const res = await h.submit({ componentId: 'no_such_button' });
    expect(res.status).toBe(200);
    assertValidCanvasResponse(res.body, 'submit');
    expect(texts(res.body)).toContain('not available');
  });
});
