/**
 * Components that offer options: dropdown, single-select, checkbox. The option-count limits live here and
 * only here (canvas-kit.md §4: stay within 2 to 10 for dropdown and single-select; checkbox needs ≥ 1).
 */
import { CanvasRuleError } from './errors';
import { frozen } from './freeze';
import type { Action, CheckboxComponent, DropdownComponent, OptionComponent, SaveState, SingleSelectComponent } from './types';

export const MIN_SELECT_OPTIONS = 2;
export const MAX_SELECT_OPTIONS = 10;

export interface Choice {
  readonly id: string;
  readonly text: string;
  readonly disabled?: boolean;
}

/** Checks the count, that option ids are distinct and that a preselected value names one of them. */
function options(componentId: string, choices: readonly Choice[], min: number, max: number, value?: readonly string[]): OptionComponent[] {
  if (choices.length < min || choices.length > max) {
    const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw new CanvasRuleError('option_count', `${componentId} has ${choices.length} options; Canvas Kit allows ${range}`);
  }
  const ids = new Set(choices.map((c) => c.id));
  if (ids.size !== choices.length) throw new CanvasRuleError('invalid_option', `${componentId} repeats an option id`);
  for (const v of value ?? []) {
    if (!ids.has(v)) throw new CanvasRuleError('invalid_option', `${componentId} preselects ${JSON.stringify(v)}, which is not an option`);
  }
  return choices.map((c) => ({ type: 'option', id: c.id, text: c.text, disabled: c.disabled }));
}

interface SelectOptions {
  readonly id: string;
  readonly options: readonly Choice[];
  readonly label?: string;
  /** The preselected option id. */
  readonly value?: string;
  readonly saveState?: SaveState;
  readonly disabled?: boolean;
}

/** No `action`: only the unstable docs give dropdowns one (§11.12); submit with a button. */
export function dropdown(o: SelectOptions): DropdownComponent {
  const value = o.value === undefined ? undefined : [o.value];
  return frozen({
    type: 'dropdown',
    id: o.id,
    options: options(o.id, o.options, MIN_SELECT_OPTIONS, MAX_SELECT_OPTIONS, value),
    label: o.label,
    value: o.value,
    save_state: o.saveState,
    disabled: o.disabled,
  });
}

export function singleSelect(o: SelectOptions & { readonly action?: Action }): SingleSelectComponent {
  const value = o.value === undefined ? undefined : [o.value];
  return frozen({
    type: 'single-select',
    id: o.id,
    options: options(o.id, o.options, MIN_SELECT_OPTIONS, MAX_SELECT_OPTIONS, value),
    label: o.label,
    value: o.value,
    save_state: o.saveState,
    disabled: o.disabled,
    action: o.action,
  });
}

/**
 * Which key carries a checkbox's options. The spec says `option`; Intercom's Inbox tutorial sends `options`
 * (§11.2, unverified which one the Inbox renders). Flip this one constant once the Canvas Kit Builder says so.
 */
export type CheckboxKey = 'option' | 'options';
export const CHECKBOX_KEY: CheckboxKey = 'option';

export interface CheckboxOptions {
  readonly id: string;
  readonly label: string;
  readonly options: readonly Choice[];
  /** Ids of the checked options. */
  readonly value?: readonly string[];
  readonly saveState?: SaveState;
  readonly disabled?: boolean;
}

export function checkbox(o: CheckboxOptions, key: CheckboxKey = CHECKBOX_KEY): CheckboxComponent {
  const list = options(o.id, o.options, 1, Number.POSITIVE_INFINITY, o.value);
  const base = { type: 'checkbox' as const, id: o.id, label: o.label, value: o.value, save_state: o.saveState, disabled: o.disabled };
  return frozen(key === 'option' ? { ...base, option: list } : { ...base, options: list });
}
