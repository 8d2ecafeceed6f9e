/**
 * Canvas text is markdown. Every screen is fed customer- and ticket-provided text that would become markup
 * (links, autolinks, bare URLs and e-mail addresses, bold, code, headings, lists, HTML) in every field that can
 * carry it; no text component may hold markup that text did not come from our own code, and the hostile text
 * still shows, literally. The escaping itself lives in one place: canvases/kit/markdown.ts.
 */
import { actionResultCanvas } from '../../canvases/action-result';
import { errorCanvas } from '../../canvases/error';
import { escalateFormCanvas } from '../../canvases/escalate-form';
import { escalationResultCanvas } from '../../canvases/escalation-result';
import type { CanvasResponse } from '../../canvases/kit/types';
import { noteFormCanvas } from '../../canvases/note-form';
import { priorityFormCanvas } from '../../canvases/priority-form';
import { sidebarCanvas } from '../../canvases/sidebar';
import { ticketDetailsCanvas } from '../../canvases/ticket-details';
import { ticketListCanvas } from '../../canvases/ticket-list';
import type { TicketCardVM } from '../../canvases/view-models';
import { clock, components, escalateVM, NOW, sidebarVM, texts, ticket } from '../canvases/factories';
import { FigureSheet } from '../support/reliability/figures';

const figures = new FigureSheet('hostile markdown in canvases');
afterAll(() => figures.print());

/** What a customer, a ticket title or Intercom's error text could carry. Short enough to survive trimming. */
const HOSTILE_MARKDOWN: readonly string[] = [
  '[Security notice: re-verify your login](https://evil.example)',
  '<https://evil.example/login>',
  'see https://evil.example/x',
  'or www.evil.example now',
  'write to help@evil.example',
  '**urgent** __now__ *a* _b_',
  '`code` ``more``',
  '![logo](https://evil.example/p.png)',
  '[ref][1]\n[1]: https://evil.example',
  '\\[pre-escaped\\](https://evil.example)',
  '# Heading\n- item\n1. first\n> quote',
  '<a href="https://evil.example">x</a>',
  '~~gone~~ | a | b |',
];

/** Removes every backslash escape; what is left is what a CommonMark renderer would read as syntax. */
const unescaped = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '');
const shown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Everything the teammate reads: text components as rendered, and the plain fields of the other components. */
function readable(res: CanvasResponse): string {
  return components(res)
    .flatMap((c) => {
      if (c.type === 'text') return [shown(c.text)];
      if (c.type === 'list') return c.items.flatMap((item) => [item.title, item.subtitle ?? '', item.tertiary_text ?? '']);
      if (c.type === 'data-table') return c.items.map((item) => item.value);
      if (c.type === 'textarea' || c.type === 'input') return [c.value ?? ''];
      return [];
    })
    .join('\n')
    .replace(/\s+/g, ' ');
}

function liveMarkup(text: string): string[] {
  const residue = unescaped(text);
  const found: string[] = [];
  if (/[[\]<>*_`~|@]/.test(residue)) found.push(`markup character in ${JSON.stringify(residue)}`);
  if (/[a-z0-9]:\/\//i.test(residue) || /\bwww\./i.test(residue)) found.push(`bare URL in ${JSON.stringify(residue)}`);
  if (/^[ \t]*(#{1,6}|[-+=]+|\d{1,9}[.)])([ \t]|$)/m.test(residue)) found.push(`block markup in ${JSON.stringify(residue)}`);
  return found;
}

function hostileTicket(evil: string): TicketCardVM {
  return ticket({
    title: evil,
    stateLabel: evil,
    queueLabel: evil,
    ownerName: evil,
    teamName: `${evil} team`,
    tightenedReason: evil,
    clocks: [clock({ kind: 'response', status: 'paused', pausedSince: NOW - 60_000, pausedStateLabel: evil }), clock()],
  });
}

/** Every screen, with the hostile text in each field that can carry outside text. */
const SCREENS: readonly [string, (evil: string) => CanvasResponse][] = [
  ['sidebar with a ticket', (evil) => sidebarVMWith({ tickets: [hostileTicket(evil)] })],
  [
    'sidebar before escalating',
    (evil) =>
      sidebarVMWith({
        recommendation: { kind: 'escalate', headline: evil, reasons: [{ text: evil, source: evil }], closeCall: evil },
        pending: [{ escalationId: 'e1', createdAt: NOW, message: evil }],
        failedEscalation: { message: evil },
      }),
  ],
  ['ticket list', (evil) => ticketListCanvas({ now: NOW, tz: { zone: 'UTC', source: 'utc' }, tickets: [hostileTicket(evil)] })],
  ['ticket details', (evil) => ticketDetailsCanvas({ now: NOW, tz: { zone: 'UTC', source: 'utc' }, ticket: hostileTicket(evil) })],
  [
    'escalate form',
    (evil) =>
      escalateFormCanvas(
        escalateVM({
          ticketTypes: [{ id: '11', label: evil }],
          reason: evil,
          summaryPreview: evil,
          formError: evil,
          fieldErrors: { priority: evil, queue: evil, reason: evil, ticket_type: evil },
          pendingEscalation: { message: evil },
        }),
      ),
  ],
  [
    'escalate form over an open ticket',
    (evil) => escalateFormCanvas(escalateVM({ openTicket: { ticketId: '215', ticketNumber: '1042', title: evil } })),
  ],
  [
    'escalation created',
    (evil) =>
      escalationResultCanvas({
        kind: 'created',
        ticketNumber: '1042',
        title: evil,
        url: 'https://app.intercom.com/t/1',
        priority: 'P2',
        queueLabel: evil,
      }),
  ],
  ['escalation queued', (evil) => escalationResultCanvas({ kind: 'queued', priority: 'P2', queueLabel: evil })],
  [
    'note form',
    (evil) =>
      noteFormCanvas({
        nonce: 'n0nce-abc123',
        ticketId: '215',
        ticketNumber: '1042',
        title: evil,
        body: evil,
        crossPost: false,
        error: evil,
      }),
  ],
  [
    'priority form',
    (evil) => priorityFormCanvas({ nonce: 'n0nce-abc123', ticketId: '215', ticketNumber: '1042', title: evil, current: 'P2', error: evil }),
  ],
  ['action result', (evil) => actionResultCanvas({ kind: 'done', message: evil, detail: evil, ticketId: '215' })],
  ['error', (evil) => errorCanvas({ title: evil, message: evil, retryable: true })],
];

function sidebarVMWith(overrides: Parameters<typeof sidebarVM>[0]): CanvasResponse {
  return sidebarCanvas(sidebarVM(overrides));
}

describe('hostile markdown in every canvas screen', () => {
  beforeAll(() => {
    figures.set('lost', 'n/a');
    figures.set('duplicated', 'n/a');
    figures.set('screens', SCREENS.length);
  });

  it.each(SCREENS)('%s: no text component carries markup from outside text, and the text still shows', (_name, screen) => {
    for (const evil of HOSTILE_MARKDOWN) {
      const canvas = screen(evil);
      const lines = texts(canvas);
      figures.add('inputs');
      figures.add('text components', lines.length);
      expect(lines.flatMap(liveMarkup)).toEqual([]);
      // Escaped, not deleted: the first words of the hostile text are on the canvas as the customer wrote them.
      const opening = evil.replace(/\s+/g, ' ').slice(0, 8);
      expect(readable(canvas)).toContain(opening);
    }
  });
});
