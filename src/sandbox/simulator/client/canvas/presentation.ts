/** The five presentation components: text, image, spacer, divider, data-table. */
import { h, safeHref } from '../dom';
import { markdown } from '../markdown';
import { type Json, list, num, type RenderContext, str } from './context';

const ALIGN = new Set(['left', 'center', 'right']);
const TEXT_STYLES = new Set(['header', 'paragraph', 'muted', 'error']);
const SPACER_SIZES = new Set(['xs', 's', 'm', 'l', 'xl']);

/** `bottom_margin: "none"` removes the default 10 px margin (text, image, divider). */
export const margin = (c: Json) => (c.bottom_margin === 'none' ? ' ck-flush' : '');

export function renderText(c: Json): HTMLElement {
  const style = TEXT_STYLES.has(String(c.style)) ? String(c.style) : 'paragraph';
  const align = ALIGN.has(String(c.align)) ? String(c.align) : 'left';
  return h('div', { className: `ck-text ck-text-${style} ck-align-${align}${margin(c)}` }, ...markdown(str(c.text) ?? ''));
}

export function renderImage(c: Json, ctx: RenderContext): HTMLElement {
  const width = num(c.width) ?? 0;
  const height = num(c.height) ?? 0;
  const align = c.align === 'full_width' || ALIGN.has(String(c.align)) ? String(c.align) : 'left';
  const src = safeHref(c.url);
  const image = h('img', {
    className: `ck-image${c.rounded === true ? ' ck-rounded' : ''}`,
    attrs: { src, alt: '', width: align === 'full_width' ? null : width, height: align === 'full_width' ? null : height },
  });
  // Exact pixels, shrunk to the panel like Intercom does when wider than it.
  image.style.aspectRatio = width > 0 && height > 0 ? `${width} / ${height}` : '';
  const box = h('div', { className: `ck-image-box ck-align-${align}${margin(c)}` }, image);
  const action = c.action as Json | undefined;
  if (action) {
    box.classList.add('ck-clickable');
    box.addEventListener('click', () => ctx.act(action, str(c.id) ?? 'image'));
  }
  return box;
}

export function renderSpacer(c: Json): HTMLElement {
  const size = SPACER_SIZES.has(String(c.size)) ? String(c.size) : 's';
  return h('div', { className: `ck-spacer ck-spacer-${size}`, attrs: { 'aria-hidden': 'true' } });
}

export function renderDivider(c: Json): HTMLElement {
  return h('hr', { className: `ck-divider${margin(c)}` });
}

export function renderDataTable(c: Json): HTMLElement {
  const rows = list(c.items).map((item) => {
    const value = str(item.value) ?? '';
    // The Inbox truncates long values to one line and shows the whole value on hover.
    return h(
      'div',
      { className: 'ck-dt-row' },
      h('dt', { className: 'ck-dt-field' }, str(item.field) ?? ''),
      h('dd', { className: 'ck-dt-value', attrs: { title: value } }, value),
    );
  });
  return h('dl', { className: 'ck-data-table' }, ...rows);
}
