/** Presentation components: text, image, spacer, divider, data-table. */
import { checkedUrl } from './actions';
import { CanvasRuleError } from './errors';
import { frozen } from './freeze';
import { type Markdown, markdownSource } from './markdown';
import type {
  DataTableComponent,
  DividerComponent,
  ImageComponent,
  SpacerComponent,
  SpacerSize,
  TextAlign,
  TextComponent,
  TextStyle,
  UrlAction,
} from './types';

export interface TextOptions {
  readonly id?: string;
  readonly style?: TextStyle;
  readonly align?: TextAlign;
  /** Drop the default 10 px gap below, to group lines that belong together. */
  readonly bottomMargin?: 'none';
}

/**
 * A text component. Its text is markdown on the wire: a plain string (whatever its origin: customer, ticket,
 * Intercom or us) is escaped so it shows literally; only a `Markdown` value, which our code builds, carries markup.
 */
export function text(content: string | Markdown, options: TextOptions = {}): TextComponent {
  // Made with only the keys given, so `frozen` has nothing to leave out or copy: a sidebar makes dozens per view.
  const component: { -readonly [K in keyof TextComponent]: TextComponent[K] } = { type: 'text', text: markdownSource(content) };
  if (options.id !== undefined) component.id = options.id;
  if (options.align !== undefined) component.align = options.align;
  if (options.style !== undefined) component.style = options.style;
  if (options.bottomMargin !== undefined) component.bottom_margin = options.bottomMargin;
  return Object.freeze(component);
}

export interface ImageOptions {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly id?: string;
  readonly align?: TextAlign | 'full_width';
  readonly rounded?: boolean;
  readonly bottomMargin?: 'none';
  readonly action?: UrlAction;
}

/** HTTPS only: our endpoints are HTTPS, and the Inbox does not load mixed-content images. */
export function image(options: ImageOptions): ImageComponent {
  for (const [name, px] of [
    ['width', options.width],
    ['height', options.height],
  ] as const) {
    if (!Number.isInteger(px) || px <= 0) throw new CanvasRuleError('invalid_component', `image ${name} must be a positive integer`);
  }
  return frozen({
    type: 'image',
    url: checkedUrl(options.url, ['https:']),
    width: options.width,
    height: options.height,
    id: options.id,
    align: options.align,
    rounded: options.rounded,
    bottom_margin: options.bottomMargin,
    action: options.action,
  });
}

export function spacer(size: SpacerSize = 's', id?: string): SpacerComponent {
  return frozen({ type: 'spacer', size, id });
}

export function divider(options: { readonly id?: string; readonly bottomMargin?: 'none' } = {}): DividerComponent {
  return frozen({ type: 'divider', id: options.id, bottom_margin: options.bottomMargin });
}

export interface FieldValue {
  readonly field: string;
  readonly value: string;
}

export function dataTable(rows: readonly FieldValue[]): DataTableComponent {
  if (rows.length === 0) throw new CanvasRuleError('invalid_component', 'a data-table needs at least one row');
  return frozen({
    type: 'data-table',
    items: rows.map((row) => ({ type: 'field-value' as const, field: row.field, value: row.value })),
  });
}
