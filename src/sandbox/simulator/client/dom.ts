/**
 * The only way the simulator's browser code makes DOM: elements from a tag, attributes set one by one and
 * children appended as nodes or text. No innerHTML anywhere, so text from the app or a customer can never become
 * markup, and no `on…` attribute or script URL can be set through here.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  /** Plain attributes (aria-*, data-*, type, value …); `on…` names are refused. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
}

const SAFE_URL = /^(https?:|mailto:)/i;

/** http(s) and mailto URLs only; anything else (javascript:, data: …) becomes null. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : null;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`refusing to set event attribute ${name}`);
    if (value === null || value === undefined || value === false) continue;
    if ((name === 'href' || name === 'src') && safeHref(value) === null && !String(value).startsWith('/')) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}
