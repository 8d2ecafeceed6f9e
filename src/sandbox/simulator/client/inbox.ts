/** The left and middle columns: the conversation list and the transcript, drawn from the fake's state. */
import type { ConversationSummary, Part, Transcript } from './api';
import { h, replace } from './dom';

export function formatTime(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

export function drawConversationList(
  host: HTMLElement,
  conversations: ConversationSummary[],
  selected: string | null,
  zone: string,
  choose: (id: string) => void,
): void {
  const items = conversations.map((c) => {
    const tier = c.tier ? h('span', { className: `tier tier-${c.tier.toLowerCase()}` }, c.tier) : null;
    const tickets = c.ticketCount > 0 ? h('span', { className: 'badge' }, `${c.ticketCount} ticket${c.ticketCount > 1 ? 's' : ''}`) : null;
    const button = h(
      'button',
      {
        className: 'conversation-item',
        attrs: { type: 'button', 'aria-current': c.id === selected ? 'true' : null, 'data-conversation-id': c.id },
      },
      h('div', { className: 'conversation-head' }, h('strong', {}, c.contact), tier, tickets),
      h('div', { className: 'conversation-title' }, c.title),
      h('div', { className: 'conversation-preview muted' }, c.preview),
      h('div', { className: 'conversation-time muted' }, [c.company, formatTime(c.updatedAt, zone)].filter(Boolean).join(' · ')),
    );
    button.addEventListener('click', () => choose(c.id));
    return h('li', {}, button);
  });
  replace(host, ...items);
}

function partBlock(part: Part, zone: string): HTMLElement {
  if (part.kind === 'event') {
    return h('div', { className: 'part part-event muted' }, `${part.author} ${part.text} · ${formatTime(part.at, zone)}`);
  }
  const label = part.kind === 'note' ? 'Note' : part.kind === 'reply' ? 'Reply' : 'Customer';
  return h(
    'article',
    { className: `part part-${part.kind}` },
    h('header', {}, h('strong', {}, part.author), h('span', { className: 'muted' }, ` · ${label} · ${formatTime(part.at, zone)}`)),
    h('p', {}, part.text),
  );
}

export function drawTranscript(host: HTMLElement, transcript: Transcript, zone: string): void {
  const facts = [
    transcript.company ? `${transcript.company.name}${transcript.company.plan ? ` (${transcript.company.plan})` : ''}` : null,
    ...Object.entries(transcript.contact?.attributes ?? {}).map(([name, value]) => `${name}: ${value}`),
  ].filter(Boolean);
  replace(
    host,
    h('h2', { attrs: { 'data-testid': 'conversation-title' } }, transcript.title),
    h('p', { className: 'muted' }, [transcript.contact?.name, ...facts].filter(Boolean).join(' · ')),
    h('div', { className: 'parts' }, ...transcript.parts.map((part) => partBlock(part, zone))),
  );
  // Like the Inbox: the newest message is in view.
  host.scrollTop = host.scrollHeight;
}
