/**
 * The case-status embed a company adds to its product or help centre (issue 20). `HandoffEmbed.mount(...)` boots
 * the Intercom Messenger for the signed-in user through the official SDK (@intercom/messenger-js-sdk) with the
 * `intercom_user_jwt` the company's server signed, lists that user's requests from Handoff (the same JWT as a
 * bearer token) and opens a request's conversation (or its shared ticket) in the Messenger.
 *
 * Browser code, bundled by src/http/embed-bundle.ts. Everything shown is set as text, never as HTML.
 */
import Intercom, { showConversation, showTicket } from '@intercom/messenger-js-sdk';

export interface MountOptions {
  /** The workspace's Intercom app id. */
  appId: string;
  /** The JWT the company's server signed for this user with the Messenger identity-verification secret. */
  userJwt: string;
  /** Where the list goes: an element or a CSS selector. */
  container: string | HTMLElement;
  /** Handoff's address; defaults to where this script was loaded from. */
  handoffUrl?: string;
  region?: 'us' | 'eu' | 'ap';
  /** Two-letter language for state names (en, de, fr, es, pt); defaults to the page's. */
  locale?: string;
  /** Only for tests and sandboxes: where the Messenger's widget script is loaded from. */
  widgetUrl?: string;
}

interface EmbedRequest {
  id: string;
  reference: string | null;
  title: string;
  status: string;
  updated_at: string;
  waiting_on_you: boolean;
  conversation_id: string;
  shared_ticket_id?: string | null;
}

const WORDS = {
  empty: 'You have no open requests.',
  signedOut: 'Sign in to see your requests.',
  failed: 'Your requests cannot be shown right now.',
  open: 'Open',
  waiting: 'We need more details from you',
};

const loadedFrom = (document.currentScript as HTMLScriptElement | null)?.src ?? '';

function baseUrl(options: MountOptions): string {
  if (options.handoffUrl) return options.handoffUrl.replace(/\/$/, '');
  return loadedFrom ? new URL(loadedFrom).origin : window.location.origin;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderItem(item: EmbedRequest): HTMLElement {
  const row = element('li', 'handoff-request');
  row.dataset['requestId'] = item.id;
  row.append(element('strong', 'handoff-request__title', item.reference ? `${item.title} ${item.reference}` : item.title));
  const updated = new Date(item.updated_at);
  row.append(element('span', 'handoff-request__status', `${item.status} · ${updated.toLocaleString()}`));
  if (item.waiting_on_you) row.append(element('span', 'handoff-request__waiting', WORDS.waiting));
  const open = element('button', 'handoff-request__open', WORDS.open);
  open.type = 'button';
  open.addEventListener('click', () => {
    if (item.shared_ticket_id) showTicket(item.shared_ticket_id);
    else showConversation(item.conversation_id);
  });
  row.append(open);
  return row;
}

function show(target: HTMLElement, content: HTMLElement): void {
  target.replaceChildren(content);
  target.dataset['handoffState'] = content.dataset['state'] ?? 'ready';
}

export async function mount(options: MountOptions): Promise<void> {
  const target = typeof options.container === 'string' ? document.querySelector<HTMLElement>(options.container) : options.container;
  if (!target) throw new Error('HandoffEmbed: the container was not found');
  Intercom({
    app_id: options.appId,
    intercom_user_jwt: options.userJwt,
    region: options.region ?? 'us',
    ...(options.widgetUrl ? { widgetUrl: options.widgetUrl } : {}),
  });
  const locale = (options.locale ?? navigator.language ?? 'en').slice(0, 2);
  const url = `${baseUrl(options)}/embed/requests?app_id=${encodeURIComponent(options.appId)}&locale=${encodeURIComponent(locale)}`;
  const note = (text: string, state: string) => {
    const p = element('p', 'handoff-requests__note', text);
    p.dataset['state'] = state;
    return p;
  };
  try {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${options.userJwt}` }, credentials: 'omit' });
    if (res.status === 401 || res.status === 403) return show(target, note(WORDS.signedOut, 'signed-out'));
    if (!res.ok) return show(target, note(WORDS.failed, 'failed'));
    const body = (await res.json()) as { requests: EmbedRequest[] };
    if (body.requests.length === 0) return show(target, note(WORDS.empty, 'empty'));
    const list = element('ul', 'handoff-requests');
    list.dataset['state'] = 'ready';
    list.append(...body.requests.map(renderItem));
    show(target, list);
  } catch {
    show(target, note(WORDS.failed, 'failed'));
  }
}

declare global {
  interface Window {
    HandoffEmbed?: { mount: typeof mount };
  }
}

window.HandoffEmbed = { mount };

// The script tag alone can carry the options (`data-app-id`, `data-user-jwt`, `data-container`), so a site whose
// Content-Security-Policy forbids inline scripts needs no inline call.
const tag = document.currentScript as HTMLScriptElement | null;
const auto = tag?.dataset;
if (auto?.['appId'] && auto['userJwt'] && auto['container']) {
  void mount({
    appId: auto['appId'],
    userJwt: auto['userJwt'],
    container: auto['container'],
    ...(auto['widgetUrl'] ? { widgetUrl: auto['widgetUrl'] } : {}),
    ...(auto['locale'] ? { locale: auto['locale'] } : {}),
  });
}
