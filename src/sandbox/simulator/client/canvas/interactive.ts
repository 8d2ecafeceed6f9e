/**
 * The seven interactive components. Each one that carries a value registers a reader under its id, so any submit
 * sends the values of every interactive component on the canvas, as Intercom does (canvas-kit.md §7).
 */
import { h, safeHref } from '../dom';
import { isTrue, type Json, list, num, type RenderContext, saveState, str } from './context';

const BUTTON_STYLES = new Set(['primary', 'secondary', 'link']);

function field(c: Json, control: HTMLElement, extra: HTMLElement | null = null): HTMLElement {
  const state = saveState(c);
  const label = str(c.label);
  return h(
    'div',
    { className: `ck-field ck-state-${state}${isTrue(c.disabled) ? ' ck-disabled' : ''}` },
    label ? h('div', { className: 'ck-label' }, label) : null,
    h('div', { className: 'ck-control' }, control, extra, state === 'saved' ? h('span', { className: 'ck-saved-mark' }, '✓') : null),
  );
}

/** `saved` blocks interaction and wins over `disabled` (canvas-kit.md §5). */
const blocked = (c: Json) => isTrue(c.disabled) || saveState(c) === 'saved';

export function renderButton(c: Json, ctx: RenderContext): HTMLElement {
  const style = BUTTON_STYLES.has(String(c.style)) ? String(c.style) : 'primary';
  const id = str(c.id) ?? '';
  const button = h(
    'button',
    { className: `ck-button ck-button-${style}`, attrs: { type: 'button', disabled: isTrue(c.disabled), 'data-component-id': id } },
    str(c.label) ?? '',
  );
  button.addEventListener('click', () => ctx.act(c.action, id));
  return h('div', { className: 'ck-button-row' }, button);
}

export function renderInput(c: Json, ctx: RenderContext): HTMLElement {
  const id = str(c.id) ?? '';
  const input = h('input', {
    className: 'ck-input',
    attrs: {
      type: 'text',
      placeholder: str(c.placeholder),
      disabled: isTrue(c.disabled),
      readonly: saveState(c) === 'saved',
      'data-component-id': id,
    },
  });
  input.value = str(c.value) ?? '';
  ctx.values.set(id, () => input.value);
  let inline: HTMLElement | null = null;
  if (c.action !== undefined) {
    const go = h('button', { className: 'ck-inline-action', attrs: { type: 'button', 'aria-label': 'Submit', disabled: blocked(c) } }, '→');
    go.addEventListener('click', () => ctx.act(c.action, id));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !blocked(c)) ctx.act(c.action, id);
    });
    inline = go;
  }
  return field(c, input, inline);
}

export function renderTextarea(c: Json, ctx: RenderContext): HTMLElement {
  const id = str(c.id) ?? '';
  const area = h('textarea', {
    className: `ck-textarea${isTrue(c.error) ? ' ck-error' : ''}`,
    attrs: { placeholder: str(c.placeholder), disabled: isTrue(c.disabled), rows: 4, 'data-component-id': id },
  });
  area.value = str(c.value) ?? '';
  ctx.values.set(id, () => area.value);
  return field(c, area);
}

export function renderDropdown(c: Json, ctx: RenderContext): HTMLElement {
  const id = str(c.id) ?? '';
  const select = h('select', { className: 'ck-select', attrs: { disabled: blocked(c), 'data-component-id': id } });
  const value = str(c.value);
  select.append(h('option', { attrs: { value: '', disabled: true } }, 'Select…'));
  for (const option of list(c.options)) {
    select.append(h('option', { attrs: { value: str(option.id) ?? '', disabled: isTrue(option.disabled) } }, str(option.text) ?? ''));
  }
  select.value = value ?? '';
  ctx.values.set(id, () => select.value || undefined);
  return field(c, select);
}

export function renderSingleSelect(c: Json, ctx: RenderContext): HTMLElement {
  const id = str(c.id) ?? '';
  let chosen = str(c.value);
  const chips = h('div', { className: 'ck-chips', attrs: { role: 'radiogroup', 'data-component-id': id } });
  for (const option of list(c.options)) {
    const optionId = str(option.id) ?? '';
    const chip = h(
      'button',
      {
        className: 'ck-chip',
        attrs: {
          type: 'button',
          role: 'radio',
          'aria-checked': optionId === chosen ? 'true' : 'false',
          disabled: blocked(c) || isTrue(option.disabled),
          'data-option-id': optionId,
        },
      },
      str(option.text) ?? '',
    );
    chip.addEventListener('click', () => {
      chosen = optionId;
      chips.querySelectorAll('.ck-chip').forEach((other) => {
        other.setAttribute('aria-checked', other === chip ? 'true' : 'false');
      });
      // With an action, choosing is itself the submit.
      if (c.action !== undefined) ctx.act(c.action, id);
    });
    chips.append(chip);
  }
  ctx.values.set(id, () => chosen);
  return field(c, chips);
}

export function renderCheckbox(c: Json, ctx: RenderContext): HTMLElement {
  const id = str(c.id) ?? '';
  // The spec says `option`; Intercom's tutorial sends `options`: draw either (canvas-kit.md §11.2).
  const options = list(c.option).length > 0 ? list(c.option) : list(c.options);
  const preset = new Set(Array.isArray(c.value) ? c.value.filter((v): v is string => typeof v === 'string') : []);
  const boxes = options.map((option) => {
    const optionId = str(option.id) ?? '';
    const box = h('input', { attrs: { type: 'checkbox', value: optionId, disabled: blocked(c) || isTrue(option.disabled) } });
    box.checked = preset.has(optionId);
    return { box, row: h('label', { className: 'ck-check' }, box, h('span', {}, str(option.text) ?? '')) };
  });
  ctx.values.set(id, () => boxes.filter(({ box }) => box.checked).map(({ box }) => box.value));
  return field(c, h('div', { className: 'ck-checks', attrs: { 'data-component-id': id } }, ...boxes.map(({ row }) => row)));
}

export function renderList(c: Json, ctx: RenderContext): HTMLElement {
  const items = list(c.items).map((item) => {
    const itemId = str(item.id) ?? '';
    const disabled = isTrue(c.disabled) || isTrue(item.disabled);
    const image = safeHref(item.image);
    const secondary = [str(item.subtitle), str(item.tertiary_text)].filter(Boolean).join(' • ');
    const row = h(
      'li',
      {
        className: `ck-item${disabled ? ' ck-disabled' : ''}${item.action && !disabled ? ' ck-clickable' : ''}`,
        attrs: { 'data-component-id': itemId },
      },
      image
        ? h('img', {
            className: `ck-item-image${isTrue(item.rounded_image) ? ' ck-rounded' : ''}`,
            attrs: { src: image, alt: '', width: num(item.image_width) ?? 32, height: num(item.image_height) ?? 32 },
          })
        : null,
      h(
        'div',
        { className: 'ck-item-text' },
        h('div', { className: 'ck-item-title' }, str(item.title) ?? ''),
        secondary ? h('div', { className: 'ck-item-sub' }, secondary) : null,
      ),
    );
    if (item.action && !disabled) row.addEventListener('click', () => ctx.act(item.action, itemId));
    return row;
  });
  return h('ul', { className: 'ck-list' }, ...items);
}
