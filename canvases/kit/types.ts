/**
 * Canvas Kit JSON, typed. The shapes follow Intercom's 2.11 schemas (the `component` oneOf has exactly these
 * twelve types); keys keep the wire spelling (snake_case) so a value can be sent as it is.
 * Everything is readonly: builders return frozen data and nothing downstream should mutate it.
 */

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export interface SubmitAction {
  readonly type: 'submit';
}
export interface UrlAction {
  readonly type: 'url';
  readonly url: string;
}
/** Messenger only: kept so the union matches the spec, but no builder makes one (the Inbox cannot open sheets). */
export interface SheetAction {
  readonly type: 'sheet';
  readonly url: string;
}
export type Action = SubmitAction | UrlAction | SheetAction;

export type TextStyle = 'header' | 'paragraph' | 'muted' | 'error';
export type TextAlign = 'left' | 'center' | 'right';
export type ButtonStyle = 'primary' | 'secondary' | 'link';
export type SpacerSize = 'xs' | 's' | 'm' | 'l' | 'xl';
export type SaveState = 'unsaved' | 'saved' | 'failed';

export interface TextComponent {
  readonly type: 'text';
  readonly text: string;
  readonly id?: string;
  readonly align?: TextAlign;
  readonly style?: TextStyle;
  readonly bottom_margin?: 'none';
}

export interface ImageComponent {
  readonly type: 'image';
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly id?: string;
  readonly align?: TextAlign | 'full_width';
  readonly rounded?: boolean;
  readonly bottom_margin?: 'none';
  readonly action?: UrlAction;
}

export interface SpacerComponent {
  readonly type: 'spacer';
  readonly id?: string;
  readonly size?: SpacerSize;
}

export interface DividerComponent {
  readonly type: 'divider';
  readonly id?: string;
  readonly bottom_margin?: 'none';
}

export interface DataTableItem {
  readonly type: 'field-value';
  readonly field: string;
  readonly value: string;
}
/** The spec gives data-table no `id`. */
export interface DataTableComponent {
  readonly type: 'data-table';
  readonly items: readonly DataTableItem[];
}

export interface ButtonComponent {
  readonly type: 'button';
  readonly id: string;
  readonly label: string;
  readonly action: Action;
  /** Optional on the wire (default `primary`), required here: see `button()`. */
  readonly style: ButtonStyle;
  readonly disabled?: boolean;
}

export interface InputComponent {
  readonly type: 'input';
  readonly id: string;
  readonly label?: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly action?: Action;
  readonly save_state?: SaveState;
  readonly disabled?: boolean;
}

export interface TextareaComponent {
  readonly type: 'textarea';
  readonly id: string;
  readonly label?: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly error?: boolean;
  readonly disabled?: boolean;
}

export interface OptionComponent {
  readonly type: 'option';
  readonly id: string;
  readonly text: string;
  readonly disabled?: boolean;
}

export interface DropdownComponent {
  readonly type: 'dropdown';
  readonly id: string;
  readonly options: readonly OptionComponent[];
  readonly label?: string;
  readonly value?: string;
  readonly save_state?: SaveState;
  readonly disabled?: boolean;
}

export interface SingleSelectComponent {
  readonly type: 'single-select';
  readonly id: string;
  readonly options: readonly OptionComponent[];
  readonly label?: string;
  readonly value?: string;
  readonly save_state?: SaveState;
  readonly disabled?: boolean;
  readonly action?: Action;
}

interface CheckboxBase {
  readonly type: 'checkbox';
  readonly id: string;
  readonly label: string;
  readonly value?: readonly string[];
  readonly save_state?: SaveState;
  readonly disabled?: boolean;
}
/** The spec and reference say `option`; Intercom's own Inbox tutorial sends `options` (canvas-kit.md §11.2). */
export type CheckboxComponent =
  | (CheckboxBase & { readonly option: readonly OptionComponent[] })
  | (CheckboxBase & { readonly options: readonly OptionComponent[] });

export interface ListItem {
  readonly type: 'item';
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly tertiary_text?: string;
  readonly image?: string;
  readonly image_width?: number;
  readonly image_height?: number;
  readonly rounded_image?: boolean;
  readonly disabled?: boolean;
  readonly action?: Action;
}
export interface ListComponent {
  readonly type: 'list';
  readonly items: readonly ListItem[];
  readonly disabled?: boolean;
}

export type Component =
  | TextComponent
  | ImageComponent
  | SpacerComponent
  | DividerComponent
  | DataTableComponent
  | ButtonComponent
  | InputComponent
  | TextareaComponent
  | DropdownComponent
  | SingleSelectComponent
  | CheckboxComponent
  | ListComponent;

export type ComponentType = Component['type'];

/** What every screen returns: the body of an initialize or submit response. */
export interface CanvasResponse {
  readonly canvas: {
    readonly content: { readonly components: readonly Component[] };
    readonly stored_data: JsonObject;
  };
}
