/** Interactive components without options: button, input, textarea, list. */
import { checkedUrl } from './actions';
import { CanvasRuleError } from './errors';
import { frozen } from './freeze';
import type { Action, ButtonComponent, ButtonStyle, InputComponent, ListComponent, ListItem, SaveState, TextareaComponent } from './types';

export interface ButtonOptions {
  readonly id: string;
  readonly label: string;
  readonly action: Action;
  /**
   * Required on purpose: the wire default is `primary`, and a primary button on the first canvas breaks the
   * Inbox review rules (canvas-kit.md §5.2, §10.2).
   */
  readonly style: ButtonStyle;
  readonly disabled?: boolean;
}

export function button(o: ButtonOptions): ButtonComponent {
  // Made with only the keys given, as `text` is: every sidebar has several.
  const component: { -readonly [K in keyof ButtonComponent]: ButtonComponent[K] } = {
    type: 'button',
    id: o.id,
    label: o.label,
    action: frozen(o.action),
    style: o.style,
  };
  if (o.disabled !== undefined) component.disabled = o.disabled;
  return Object.freeze(component);
}

export interface InputOptions {
  readonly id: string;
  readonly label?: string;
  readonly placeholder?: string;
  readonly value?: string;
  /** Renders an inline button beside the field. */
  readonly action?: Action;
  readonly saveState?: SaveState;
  readonly disabled?: boolean;
}

export function input(o: InputOptions): InputComponent {
  return frozen({
    type: 'input',
    id: o.id,
    label: o.label,
    placeholder: o.placeholder,
    value: o.value,
    action: o.action,
    save_state: o.saveState,
    disabled: o.disabled,
  });
}

export interface TextareaOptions {
  readonly id: string;
  readonly label?: string;
  readonly placeholder?: string;
  readonly value?: string;
  /** Textareas have no `save_state`; `error` is their red style. */
  readonly error?: boolean;
  readonly disabled?: boolean;
}

export function textarea(o: TextareaOptions): TextareaComponent {
  return frozen({
    type: 'textarea',
    id: o.id,
    label: o.label,
    placeholder: o.placeholder,
    value: o.value,
    error: o.error,
    disabled: o.disabled,
  });
}

export interface ListItemOptions {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly tertiaryText?: string;
  /** The spec requires the size whenever an image is given, so they travel together. */
  readonly image?: { readonly url: string; readonly width: number; readonly height: number; readonly rounded?: boolean };
  readonly disabled?: boolean;
  readonly action?: Action;
}

export function listItem(o: ListItemOptions): ListItem {
  return frozen({
    type: 'item',
    id: o.id,
    title: o.title,
    subtitle: o.subtitle,
    tertiary_text: o.tertiaryText,
    image: o.image === undefined ? undefined : checkedUrl(o.image.url, ['https:']),
    image_width: o.image?.width,
    image_height: o.image?.height,
    rounded_image: o.image?.rounded,
    disabled: o.disabled,
    action: o.action,
  });
}

export function list(items: readonly ListItem[], options: { readonly disabled?: boolean } = {}): ListComponent {
  if (items.length === 0) throw new CanvasRuleError('invalid_component', 'a list needs at least one item');
  return frozen({ type: 'list', items: [...items], disabled: options.disabled });
}
