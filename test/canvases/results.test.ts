import fc from 'fast-check';
import { actionResultCanvas } from '../../canvases/action-result';
import { errorCanvas } from '../../canvases/error';
import { escalationResultCanvas } from '../../canvases/escalation-result';
import { estimateHeight } from '../../canvases/kit';
import type { CanvasResponse } from '../../canvases/kit/types';
import { assertValidCanvasResponse } from '../support/canvas-schema';
import { buttons, components, ids, texts } from './factories';

const navLinks = (res: CanvasResponse) => {
  const list = components(res);
  const divider = list.findIndex((c) => c.type === 'divider');
  expect(list[divider + 1]).toEqual({ type: 'spacer', size: 'xs' });
  return list.slice(divider + 2).map((c) => (c.type === 'button' && c.style === 'link' ? `${c.label}→${c.id}` : c.type));
};

describe('error canvas', () => {
  it('says what happened, left-aligned and without images, and offers Try again', () => {
    const res = errorCanvas({
      title: 'Intercom is not answering',
      message: 'We could not load the ticket. Try again in a minute.',
      retryable: true,
    });
    assertValidCanvasResponse(res, 'initialize');
    expect(components(res).slice(0, 2)).toEqual([
      { type: 'text', text: 'Intercom is not answering', style: 'error' },
      { type: 'text', text: 'We could not load the ticket. Try again in a minute.', style: 'muted' },
    ]);
    expect(components(res).some((c) => c.type === 'image' || ('align' in c && c.align !== undefined))).toBe(false);
    expect(navLinks(res)).toEqual(['Try again→refresh']);
  });

  it('offers Back when trying again would not help', () => {
    const res = errorCanvas({ title: 'This canvas is out of date', message: '', retryable: false });
    assertValidCanvasResponse(res, 'submit');
    expect(texts(res)).toEqual(['This canvas is out of date']);
    expect(navLinks(res)).toEqual(['Back→back']);
  });

  it('never breaks a first-canvas rule, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), fc.string({ maxLength: 20000 }), fc.boolean(), (title, message, retryable) => {
        const res = errorCanvas({ title, message, retryable });
        assertValidCanvasResponse(res, 'initialize');
        expect(estimateHeight(components(res))).toBeLessThanOrEqual(400);
        expect(texts(res)[0]!.length).toBeGreaterThan(0);
      }),
      { numRuns: 100, seed: 20261121 },
    );
  });
});

describe('escalation result', () => {
  it('confirms the created ticket with its number and a way back', () => {
    const res = escalationResultCanvas({
      kind: 'created',
      ticketNumber: '1042',
      title: 'Refund for duplicate charge',
      url: 'https://app.intercom.com/a/inbox/abc/tickets/215',
      priority: 'P2',
      queueLabel: 'Billing / Legal',
    });
    assertValidCanvasResponse(res, 'submit');
    expect(texts(res)).toEqual(['✅ Ticket #1042 created', 'Refund for duplicate charge', 'P2 · Billing / Legal']);
    expect(buttons(res)[0]).toMatchObject({
      style: 'secondary',
      action: { type: 'url', url: 'https://app.intercom.com/a/inbox/abc/tickets/215' },
    });
    expect(navLinks(res)).toEqual(['Done→back']);
    expect(res.canvas.stored_data).toEqual({ v: 1, flow: 'home' });
  });

  it('says a queued escalation will complete on its own and that nothing was lost', () => {
    const res = escalationResultCanvas({ kind: 'queued', priority: 'P1', queueLabel: 'Technical / Bugs' });
    assertValidCanvasResponse(res, 'submit');
    expect(texts(res)[0]).toBe('⏳ Queued — the ticket will be created automatically');
    expect(texts(res).join(' ')).toMatch(/summary are saved/);
    expect(navLinks(res)).toEqual(['Done→back']);
  });
});

describe('action result', () => {
  it('shows what happened and leads back to the sidebar and the ticket', () => {
    const res = actionResultCanvas({
      kind: 'done',
      message: 'Note added to ticket #1042',
      detail: 'Also posted in this conversation.',
      ticketId: '215',
    });
    assertValidCanvasResponse(res, 'submit');
    expect(texts(res)).toEqual(['✅ Note added to ticket #1042', 'Also posted in this conversation.']);
    expect(navLinks(res)).toEqual(['Done→back', 'Back to ticket→ticket_details:215']);
  });

  it('explains a queued action and offers Done only without a ticket', () => {
    const res = actionResultCanvas({ kind: 'queued', message: 'Priority change queued' });
    assertValidCanvasResponse(res, 'submit');
    expect(texts(res)[0]).toBe('⏳ Priority change queued');
    expect(texts(res)[1]).toMatch(/sent automatically/);
    expect(ids(res)).toEqual(['back']);
  });
});
