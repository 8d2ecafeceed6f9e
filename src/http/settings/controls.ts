/**
 * Form controls with their label, hint and error wired for assistive
 * technology: every input has a <label for>, hints and errors are linked with
 * aria-describedby, and a field with an error says so (aria-invalid plus a
 * visible "Error:" prefix for screen readers).
 */
import type { FormState } from './form';
import { flag, html, type SafeHtml } from './html';
import { FIELDS_BY_NAME } from './sections';

export interface Choice {
  value: string;
  label: string;
}

/** A stable element id for a field name (dots are legal in ids but awkward in CSS and fragment links). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function labelOf(name: string, label?: string): string {
  return label ?? FIELDS_BY_NAME.get(name)?.label ?? name;
}

function single(state: FormState, name: string): string {
  const value = state.values[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function described(state: FormState, name: string, withHint: boolean): { attrs: SafeHtml; notes: SafeHtml } {
  const id = fieldId(name);
  const hint = withHint ? FIELDS_BY_NAME.get(name)?.hint : undefined;
  const error = state.errors[name];
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    attrs: html`${ids ? html` aria-describedby="${ids}"` : ''}${flag('aria-invalid="true"', Boolean(error))}`,
    notes: html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${
      error ? html`<p class="error" id="${id}-error"><span class="visually-hidden">Error: </span>${error}</p>` : ''
    }`,
  };
}

function wrapper(state: FormState, name: string, inner: SafeHtml): SafeHtml {
  return html`<div class="field${state.errors[name] ? ' field--error' : ''}">${inner}</div>`;
}

export interface InputOptions {
  label?: string;
  /** Numbers: a narrow box and a numeric keyboard on phones. */
  numeric?: boolean;
  /** id of a <datalist> with suggestions. */
  list?: string;
  /** Long lists get a textarea. */
  multiline?: boolean;
  /** Hide the label visually (matrix cells are labelled by their table headers as well). */
  compact?: boolean;
}

export function textField(state: FormState, name: string, options: InputOptions = {}): SafeHtml {
  const id = fieldId(name);
  const { attrs, notes } = described(state, name, !options.compact);
  const value = single(state, name);
  const label = html`<label for="${id}"${options.compact ? html` class="visually-hidden"` : ''}>${labelOf(name, options.label)}</label>`;
  const input = options.multiline
    ? html`<textarea id="${id}" name="${name}" rows="2"${attrs}>${value}</textarea>`
    : html`<input id="${id}" name="${name}" type="text" value="${value}"${attrs}${
        options.numeric ? html` inputmode="decimal" class="narrow"` : ''
      }${options.list ? html` list="${options.list}"` : ''}>`;
  return wrapper(state, name, html`${label}${notes}${input}`);
}

export function selectField(
  state: FormState,
  name: string,
  choices: readonly Choice[],
  options: { none?: string; label?: string } = {},
): SafeHtml {
  const id = fieldId(name);
  const { attrs, notes } = described(state, name, true);
  const value = single(state, name);
  // A stored value Intercom no longer lists (a deleted team) stays selectable, so saving another field keeps it.
  const known = choices.some((c) => c.value === value) || (value === '' && options.none !== undefined);
  const all = known ? choices : [...choices, { value, label: `${value} (not found in Intercom)` }];
  return wrapper(
    state,
    name,
    html`<label for="${id}">${labelOf(name, options.label)}</label>${notes}<select id="${id}" name="${name}"${attrs}>${
      options.none === undefined ? '' : html`<option value=""${flag('selected', value === '')}>${options.none}</option>`
    }${all.map((c) => html`<option value="${c.value}"${flag('selected', c.value === value)}>${c.label}</option>`)}</select>`,
  );
}

export function checkboxGroup(state: FormState, name: string, choices: readonly Choice[], options: { label?: string } = {}): SafeHtml {
  const selected = new Set(([] as string[]).concat(state.values[name] ?? []));
  return choiceGroup(state, name, choices, 'checkbox', (value) => selected.has(value), options);
}

export function radioGroup(state: FormState, name: string, choices: readonly Choice[], options: { label?: string } = {}): SafeHtml {
  const current = single(state, name);
  return choiceGroup(state, name, choices, 'radio', (value) => value === current, options);
}

/** A fieldset of checkboxes or radio buttons, one per choice, each labelled and ticked as `checked` says. */
function choiceGroup(
  state: FormState,
  name: string,
  choices: readonly Choice[],
  type: 'checkbox' | 'radio',
  checked: (value: string) => boolean,
  options: { label?: string },
): SafeHtml {
  const id = fieldId(name);
  const { attrs, notes } = described(state, name, true);
  return wrapper(
    state,
    name,
    html`<fieldset id="${id}"${attrs}><legend>${labelOf(name, options.label)}</legend>${notes}${choices.map(
      (c, i) =>
        html`<div class="check"><input type="${type}" id="${id}-${i}" name="${name}" value="${c.value}"${flag(
          'checked',
          checked(c.value),
        )}><label for="${id}-${i}">${c.label}</label></div>`,
    )}</fieldset>`,
  );
}

export function datalist(id: string, options: readonly string[]): SafeHtml {
  return html`<datalist id="${id}">${options.map((o) => html`<option value="${o}"></option>`)}</datalist>`;
}
