import fc from 'fast-check';
import { estimateHeight } from '../../canvases/kit';
import { sidebarCanvas } from '../../canvases/sidebar';
import type { SidebarVM } from '../../canvases/view-models';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { HOUR, MINUTE, NOW, buttons, byId, clock, components, ids, sidebarVM, texts, ticket } from './factories';

const SETTINGS = 'https://handoff.example.com/settings/abc123';

/** What every first canvas must be: schema-valid, ≤ 400 px, no primary, navigation as links at the bottom. */
function render(vm: SidebarVM) {
  const res = sidebarCanvas(vm);
  assertValidCanvasResponse(res, 'initialize');
  expect(estimateHeight(components(res))).toBeLessThanOrEqual(400);
  expect(buttons(res).filter((b) => b.style === 'primary')).toEqual([]);
  const list = components(res);
  const divider = list.findIndex((c) => c.type === 'divider');
  expect(list[divider + 1]).toEqual({ type: 'spacer', size: 'xs' });
  expect(list.slice(divider + 2).every((c) => c.type === 'button' && c.style === 'link')).toBe(true);
  expect(res.canvas.stored_data).toEqual({ v: 1, flow: 'home' });
  return res;
}

describe('sidebar without a ticket', () => {
  const REFUND: SidebarVM['recommendation'] = {
    kind: 'escalate',
    headline: 'Escalate → Billing / Legal · P2',
    reasons: [
      { text: 'Refund asked for a duplicate charge', source: 'customer, 10:32' },
      { text: 'Threatens a chargeback with the bank', source: 'customer, 10:35' },
    ],
    closeCall: 'Close call: runner-up Account Risk · P3',
  };

  it('says so, shows the recommendation with each reason pointing at its message, and offers a secondary Escalate', () => {
    const res = render(sidebarVM({ recommendation: REFUND }));
    expect(components(res)[0]).toEqual({ type: 'text', text: 'No back-office ticket linked to this conversation yet.', style: 'muted' });
    expect(components(res)[1]).toMatchObject({ type: 'text', text: 'Escalate → Billing / Legal · P2', style: 'header' });
    expect(texts(res)).toEqual(
      expect.arrayContaining([
        '• Refund asked for a duplicate charge — customer, 10:32',
        '• Threatens a chargeback with the bank — customer, 10:35',
        'Close call: runner-up Account Risk · P3',
      ]),
    );
    expect(byId(res, 'escalate_open')).toEqual({
      type: 'button',
      id: 'escalate_open',
      label: 'Escalate',
      style: 'secondary',
      action: { type: 'submit' },
    });
  });

  it('says "keep in chat" with its reason, and Escalate is still there', () => {
    const keep: SidebarVM['recommendation'] = {
      kind: 'keep',
      headline: 'Keep in chat',
      reasons: [{ text: 'A how-to question the agent can answer now', source: 'customer, 09:01' }],
      closeCall: null,
    };
    const res = render(sidebarVM({ recommendation: keep }));
    expect(texts(res)).toEqual(expect.arrayContaining(['Keep in chat', '• A how-to question the agent can answer now — customer, 09:01']));
    expect(texts(res).some((t) => t.startsWith('Close call'))).toBe(false);
    expect(byId(res, 'escalate_open')).toMatchObject({ style: 'secondary' });
  });

  it('says plainly when it could not judge, muted, and Escalate is still there', () => {
    const unjudged: SidebarVM['recommendation'] = {
      kind: 'unjudged',
      headline: 'Could not judge this conversation',
      reasons: [{ text: 'The customer has sent only attachments', source: 'customer, 11:00' }],
      closeCall: null,
    };
    const res = render(sidebarVM({ recommendation: unjudged }));
    expect(components(res)[1]).toMatchObject({ text: 'Could not judge this conversation', style: 'muted' });
    expect(ids(res)).toContain('escalate_open');
  });

  it('shows no recommendation block when there is none', () => {
    const res = render(sidebarVM());
    expect(texts(res).some((t) => t.startsWith('Escalate →') || t === 'Keep in chat')).toBe(false);
    expect(ids(res)).toContain('escalate_open');
  });

  it('drops reasons, never the headline or Escalate, when the canvas is short of room', () => {
    const long = 'A reason long enough to wrap onto a second line in the narrow sidebar of the Inbox, and then some more';
    const reasons = Array.from({ length: 3 }, (_, i) => ({ text: `${long} ${i}`, source: 'customer, 10:32' }));
    const pending = [{ escalationId: 'e1', createdAt: NOW, message: 'P2 · Billing / Legal' }];
    const res = render(
      sidebarVM({
        recommendation: { ...REFUND, reasons },
        contactMissing: true,
        pending,
        failedEscalation: { message: long },
        settingsUrl: SETTINGS,
      }),
    );
    expect(texts(res)).toContain('Escalate → Billing / Legal · P2');
    expect(texts(res).filter((t) => t.startsWith('• ')).length).toBeLessThan(3);
    expect(ids(res)).toContain('escalate_open');
  });

  it('disables Escalate and says why when no person is selected', () => {
    const res = render(sidebarVM({ contactMissing: true }));
    expect(texts(res)[0]).toBe('Select a person in the conversation details to escalate.');
    expect(byId(res, 'escalate_open')).toMatchObject({ disabled: true });
  });

  it('says when the last escalation failed for good, and still offers Escalate', () => {
    const res = render(sidebarVM({ failedEscalation: { message: 'Missing required ticket attributes: Order id' } }));
    expect(components(res)[0]).toEqual({
      type: 'text',
      text: 'Escalation failed: Missing required ticket attributes: Order id',
      style: 'error',
    });
    expect(byId(res, 'escalate_open')).toMatchObject({ style: 'secondary' });
  });

  it('shows a queued escalation instead of "no ticket"', () => {
    const pending = [
      { escalationId: 'e1', createdAt: NOW - 5 * MINUTE, message: 'P2 · Billing / Legal' },
      { escalationId: 'e2', createdAt: NOW, message: 'P1 · Technical / Bugs' },
    ];
    const res = render(sidebarVM({ pending }));
    expect(texts(res)).toEqual(
      expect.arrayContaining([
        '⏳ Queued — the ticket will be created automatically',
        'P2 · Billing / Legal · queued Nov 21, 2026, 4:00 PM UTC',
        '+1 more queued',
      ]),
    );
    expect(texts(res)).not.toContain('No back-office ticket linked to this conversation yet.');
  });
});

describe('sidebar with linked tickets', () => {
  it('shows one compact block per ticket with SLA remaining and the absolute due time', () => {
    const res = render(sidebarVM({ tickets: [ticket()] }));
    expect(texts(res)).toEqual([
      'Refund for duplicate charge',
      '#1042 · P2 · In progress',
      'Billing / Legal (Billing) · Owner: Dana Ops',
      'Resolution: 2h 14m left · due Nov 21, 2026, 6:19 PM UTC',
      'As of 4:05 PM UTC (UTC)',
    ]);
    expect(byId(res, 'open_ticket_215')).toMatchObject({ style: 'secondary', action: { type: 'url', url: ticket().url } });
    expect(byId(res, 'ticket_details:215')).toMatchObject({ label: 'Manage', style: 'secondary', action: { type: 'submit' } });
    // No Escalate button beside a ticket: another escalation is a link in the navigation.
    expect(byId(res, 'escalate_open')).toEqual({
      type: 'button',
      id: 'escalate_open',
      label: 'New escalation',
      style: 'link',
      action: { type: 'submit' },
    });
  });

  it('disables New escalation when no person is selected', () => {
    expect(byId(render(sidebarVM({ tickets: [ticket()], contactMissing: true })), 'escalate_open')).toMatchObject({ disabled: true });
  });

  it('shows response before resolution when both run, in every state', () => {
    const clocks = [
      clock({ status: 'paused', pausedSince: NOW - HOUR, pausedStateLabel: 'Waiting on customer' }),
      clock({ kind: 'response', status: 'breached', remainingMs: 0, breachedForMs: 35 * MINUTE }),
    ];
    const res = render(sidebarVM({ tickets: [ticket({ clocks, ownerName: null, teamName: null })] }));
    const lines = texts(res);
    expect(lines).toContain('Billing / Legal · Owner: unassigned');
    expect(lines.indexOf('Response: breached 35m ago')).toBeLessThan(
      lines.indexOf('Resolution: paused — Waiting on customer since Nov 21, 2026, 3:05 PM UTC'),
    );
  });

  it.each([
    [clock({ kind: 'response', status: 'met' }), 'Response: met'],
    [
      clock({ status: 'at_risk', remainingMs: 45 * MINUTE, dueAt: NOW + 45 * MINUTE }),
      'Resolution: ⚠ 45m left · due Nov 21, 2026, 4:50 PM UTC',
    ],
    [clock({ status: 'paused', pausedSince: null }), 'Resolution: paused'],
    [clock({ status: 'paused', pausedSince: NOW }), 'Resolution: paused since Nov 21, 2026, 4:05 PM UTC'],
  ])('writes the clock line %#', (c, line) => {
    expect(texts(render(sidebarVM({ tickets: [ticket({ clocks: [c] })] })))).toContain(line);
  });

  it('says why the SLA was tightened and that an update is pending', () => {
    const res = render(sidebarVM({ tickets: [ticket({ tightenedReason: 'renewal in 30 days', pending: true })] }));
    expect(texts(res)).toEqual(expect.arrayContaining(['Tightened: renewal in 30 days', '#1042 · P2 · In progress · update pending']));
  });

  it('shows the time zone it uses and falls back to UTC for an unknown one', () => {
    const asOf = (tz: SidebarVM['tz']) => texts(render(sidebarVM({ tz, tickets: [ticket()] }))).find((t) => t.startsWith('As of'));
    expect(asOf({ zone: 'Europe/Berlin', source: 'workspace' })).toBe('As of 5:05 PM GMT+1 (workspace time)');
    expect(asOf({ zone: 'America/New_York', source: 'teammate' })).toBe('As of 11:05 AM EST (your time)');
    expect(asOf({ zone: 'Not/AZone', source: 'workspace' })).toBe('As of 4:05 PM UTC (UTC)');
  });

  it('links Refresh always and Settings only when there is a settings page', () => {
    const without = render(sidebarVM({ tickets: [ticket()] }));
    expect(buttons(without).slice(-1)).toEqual([
      { type: 'button', id: 'refresh', label: 'Refresh', style: 'link', action: { type: 'submit' } },
    ]);
    const withSettings = render(sidebarVM({ tickets: [ticket()], settingsUrl: SETTINGS }));
    expect(buttons(withSettings).slice(-1)).toEqual([
      { type: 'button', id: 'open_settings', label: 'Settings', style: 'link', action: { type: 'url', url: SETTINGS } },
    ]);
  });

  it('shows the tickets that fit and a link to all of them', () => {
    const tickets = Array.from({ length: 4 }, (_, i) => ticket({ ticketId: `${300 + i}`, ticketNumber: `${2000 + i}` }));
    const res = render(sidebarVM({ tickets, settingsUrl: SETTINGS }));
    expect(byId(res, 'tickets_all')).toMatchObject({ label: 'Show all 4 tickets', style: 'link' });
    expect(ids(res)).toContain('ticket_details:300');
    expect(ids(res)).not.toContain('ticket_details:303');
  });

  it('falls back to a compact block when the full one does not fit', () => {
    const both = [clock({ kind: 'response', status: 'at_risk', remainingMs: 45 * MINUTE }), clock()];
    const long = ticket({
      title: 'A very long ticket title that certainly wraps over two header lines here',
      clocks: both,
      tightenedReason: 'renewal in 30 days',
    });
    const pending = [{ escalationId: 'e1', createdAt: NOW, message: 'P3 · General escalations' }];
    const res = render(sidebarVM({ tickets: [long], pending, settingsUrl: SETTINGS }));
    expect(ids(res)).toContain('ticket_details:215');
    expect(ids(res)).not.toContain('open_ticket_215');
    expect(texts(res).filter((t) => t.startsWith('Resolution') || t.startsWith('Response'))).toEqual([
      'Response: ⚠ 45m left · due Nov 21, 2026, 6:19 PM UTC',
    ]);
  });
});

describe('sidebar under any input', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 120 });
  const clockArb = fc.record({
    kind: fc.constantFrom('response' as const, 'resolution' as const),
    status: fc.constantFrom('on_track' as const, 'at_risk' as const, 'breached' as const, 'paused' as const, 'met' as const),
    remainingMs: fc.integer({ min: 0, max: 90 * 24 * HOUR }),
    dueAt: fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: null }),
    pausedSince: fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: null }),
    pausedStateLabel: fc.option(text, { nil: undefined }),
    breachedForMs: fc.option(fc.integer({ min: 0, max: 90 * 24 * HOUR }), { nil: undefined }),
  });
  const ticketArb = fc.record({
    ticketId: fc.stringMatching(/^[0-9]{1,12}$/),
    title: text,
    stateLabel: text,
    queueLabel: fc.string({ maxLength: 60 }),
    ownerName: fc.option(text, { nil: null }),
    teamName: fc.option(text, { nil: null }),
    clocks: fc.array(clockArb, { maxLength: 2 }),
    tightenedReason: fc.option(text, { nil: null }),
    pending: fc.boolean(),
  });
  const vmArb = fc.record({
    tickets: fc.uniqueArray(ticketArb, { maxLength: 6, selector: (t) => t.ticketId }),
    pending: fc.array(fc.record({ escalationId: fc.uuid(), createdAt: fc.integer({ min: 0, max: NOW }), message: text }), { maxLength: 4 }),
    recommendation: fc.option(
      fc.record({
        kind: fc.constantFrom('keep' as const, 'escalate' as const, 'unjudged' as const),
        headline: text,
        reasons: fc.array(fc.record({ text, source: text }), { maxLength: 3 }),
        closeCall: fc.option(text, { nil: null }),
      }),
      { nil: null },
    ),
    settingsUrl: fc.option(fc.constant(SETTINGS), { nil: null }),
    contactMissing: fc.boolean(),
    failedEscalation: fc.option(fc.record({ message: text }), { nil: null }),
    // A linked incident takes the footer's room (four lines and a link once it resolved), with or without tickets.
    incident: fc.option(
      fc.record({
        linkId: fc.uuid(),
        trackerId: fc.stringMatching(/^[0-9]{1,12}$/),
        number: fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: null }),
        title: text,
        stateLabel: text,
        linkedCount: fc.integer({ min: 1, max: 2_500 }),
        status: fc.constantFrom('linking' as const, 'linked' as const, 'unlinking' as const),
        followUps: fc.option(fc.record({ done: fc.nat(2_500), total: fc.integer({ min: 1, max: 2_500 }) }), { nil: null }),
        url: fc.constant(null),
      }),
      { nil: null },
    ),
    zone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'Invalid/Zone'),
  });

  it('always renders a valid first canvas within 400 px', () => {
    fc.assert(
      fc.property(vmArb, (a) => {
        const tickets = a.tickets.map((t) => ticket({ ...t, ticketNumber: t.ticketId }));
        render(sidebarVM({ ...a, tickets, tz: { zone: a.zone, source: 'workspace' } }));
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });
});

describe('the Reports link', () => {
  const REPORTS = 'https://handoff.test/reports/login';

  it('shows beside Refresh when there is room', () => {
    expect(ids(sidebarCanvas(sidebarVM({ reportsUrl: REPORTS })))).toContain('open_reports');
    expect(ids(sidebarCanvas(sidebarVM({ reportsUrl: null })))).not.toContain('open_reports');
  });

  it('gives up its place before any ticket line does', () => {
    const tall = sidebarVM({
      tickets: [ticket(), ticket({ ticketId: 't2' }), ticket({ ticketId: 't3' })],
      settingsUrl: 'https://handoff.test/settings/login',
    });
    const without = sidebarCanvas(tall);
    const withLink = sidebarCanvas({ ...tall, reportsUrl: REPORTS });
    expect(texts(withLink)).toEqual(texts(without));
  });
});
