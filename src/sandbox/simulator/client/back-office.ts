/**
 * The back-office panel: act as the team that owns a linked ticket. Each control goes through the fake's
 * back-office helpers, which change the ticket and send the app the signed webhook Intercom would send.
 */
import type { Admin, Ticket } from './api';
import { h, replace } from './dom';
import { formatTime } from './inbox';

const STATES: ReadonlyArray<[string, string]> = [
  ['submitted', 'Submitted'],
  ['in_progress', 'In progress'],
  ['waiting_on_customer', 'Waiting on customer'],
  ['resolved', 'Resolved'],
];

export interface BackOfficeContext {
  admins: Admin[];
  teams: { id: string; name: string }[];
  zone: string;
  act(body: Record<string, string>): Promise<void>;
}

const options = (pairs: ReadonlyArray<[string, string]>, selected?: string) =>
  pairs.map(([value, label]) => h('option', { attrs: { value, selected: value === selected } }, label));

function ticketCard(ticket: Ticket, ctx: BackOfficeContext): HTMLElement {
  const people: [string, string][] = ctx.admins.map((a) => [a.id, `${a.name}${a.jobTitle ? ` (${a.jobTitle})` : ''}`]);
  const actor = h('select', { attrs: { 'aria-label': 'Acting as', 'data-testid': 'bo-actor' } }, ...options(people));
  const lead = ctx.admins.find((a) => /lead/i.test(a.jobTitle ?? ''));
  if (lead) actor.value = lead.id;
  const state = h('select', { attrs: { 'aria-label': 'State', 'data-testid': 'bo-state' } }, ...options(STATES, ticket.stateCategory));
  const assignee = h(
    'select',
    { attrs: { 'aria-label': 'Assign to', 'data-testid': 'bo-assignee' } },
    h('optgroup', { attrs: { label: 'Teammates' } }, ...options(people)),
    h('optgroup', { attrs: { label: 'Teams' } }, ...options(ctx.teams.map((t) => [t.id, t.name] as [string, string]))),
  );
  const note = h('textarea', { attrs: { rows: 2, placeholder: 'Internal note on the ticket', 'data-testid': 'bo-note' } });
  const button = (label: string, testId: string, run: () => Record<string, string> | null) => {
    const b = h('button', { attrs: { type: 'button', 'data-testid': testId } }, label);
    b.addEventListener('click', async () => {
      const body = run();
      if (!body) return;
      b.disabled = true;
      await ctx.act({ ticketId: ticket.id, actorId: actor.value, ...body }).finally(() => {
        b.disabled = false;
      });
    });
    return b;
  };
  const recent = ticket.parts.slice(-8).reverse();
  return h(
    'article',
    { className: 'bo-ticket', attrs: { 'data-ticket-id': ticket.id } },
    h('h3', {}, `#${ticket.number} ${ticket.title}`),
    h(
      'p',
      { className: 'muted', attrs: { 'data-testid': 'bo-summary' } },
      [
        ticket.stateLabel,
        ...Object.entries(ticket.attributes).map(([name, value]) => `${name} ${value}`),
        `Team ${ticket.team ?? 'none'}`,
        `Owner ${ticket.admin ?? 'unassigned'}`,
      ].join(' · '),
    ),
    h('div', { className: 'bo-row' }, h('label', {}, 'Acting as ', actor)),
    h(
      'div',
      { className: 'bo-row' },
      h('label', {}, 'State ', state),
      button('Set state', 'bo-set-state', () => ({ action: 'state', category: state.value })),
    ),
    h(
      'div',
      { className: 'bo-row' },
      h('label', {}, 'Assign to ', assignee),
      button('Assign', 'bo-assign', () => ({ action: 'assign', assigneeId: assignee.value })),
    ),
    h(
      'div',
      { className: 'bo-row' },
      note,
      button('Add note', 'bo-add-note', () => (note.value.trim() ? { action: 'note', body: note.value } : null)),
    ),
    recent.length > 0
      ? h(
          'ul',
          { className: 'bo-activity', attrs: { 'data-testid': 'bo-activity' } },
          ...recent.map((part) =>
            h(
              'li',
              {},
              h('strong', {}, part.author),
              ` ${part.kind === 'event' ? part.text : `${part.kind}: ${part.text}`} · ${formatTime(part.at, ctx.zone)}`,
            ),
          ),
        )
      : null,
  );
}

export function drawBackOffice(host: HTMLElement, tickets: Ticket[], ctx: BackOfficeContext): void {
  if (tickets.length === 0) {
    replace(host, h('p', { className: 'muted' }, 'No ticket is linked to this conversation yet. Escalate it from the sidebar.'));
    return;
  }
  replace(host, ...tickets.map((ticket) => ticketCard(ticket, ctx)));
}
