import {
  CHECKBOX_KEY,
  CanvasRuleError,
  button,
  checkbox,
  dataTable,
  divider,
  dropdown,
  image,
  input,
  list,
  listItem,
  singleSelect,
  spacer,
  submitAction,
  text,
  textarea,
  urlAction,
} from '../../canvases/kit';
import { assertValidCanvasResponse } from '../support/canvas-schema';

const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: `Option ${i}` }));

function ruleOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof CanvasRuleError) return error.rule;
    throw error;
  }
  throw new Error('expected a CanvasRuleError');
}

describe('presentation builders', () => {
  it('build the wire shape, dropping options that were not given', () => {
    expect(text('Hello')).toEqual({ type: 'text', text: 'Hello' });
    expect(text('Hi', { style: 'muted', bottomMargin: 'none', id: 't' })).toEqual({
      type: 'text',
      text: 'Hi',
      style: 'muted',
      bottom_margin: 'none',
      id: 't',
    });
    expect(spacer()).toEqual({ type: 'spacer', size: 's' });
    expect(divider({ bottomMargin: 'none' })).toEqual({ type: 'divider', bottom_margin: 'none' });
    expect(dataTable([{ field: 'State', value: 'New' }])).toEqual({
      type: 'data-table',
      items: [{ type: 'field-value', field: 'State', value: 'New' }],
    });
  });

  it('return deeply frozen data', () => {
    const table = dataTable([{ field: 'a', value: 'b' }]);
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.items)).toBe(true);
    expect(Object.isFrozen(table.items[0])).toBe(true);
    expect(() => {
      (table.items as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('accept only HTTPS images with positive integer sizes', () => {
    expect(image({ url: 'https://cdn.example.com/a.png', width: 40, height: 40 })).toMatchObject({ type: 'image', width: 40 });
    expect(ruleOf(() => image({ url: 'http://cdn.example.com/a.png', width: 40, height: 40 }))).toBe('invalid_url');
    expect(ruleOf(() => image({ url: 'https://cdn.example.com/a.png', width: 0, height: 40 }))).toBe('invalid_component');
    expect(ruleOf(() => image({ url: 'https://cdn.example.com/a.png', width: 40, height: 2.5 }))).toBe('invalid_component');
  });

  it('refuses an empty data-table', () => {
    expect(ruleOf(() => dataTable([]))).toBe('invalid_component');
  });
});

describe('actions', () => {
  it('url actions take http(s) only', () => {
    expect(urlAction('https://app.intercom.com/x')).toEqual({ type: 'url', url: 'https://app.intercom.com/x' });
    expect(ruleOf(() => urlAction('javascript:alert(1)'))).toBe('invalid_url');
    expect(ruleOf(() => urlAction('/relative'))).toBe('invalid_url');
  });
});

describe('interactive builders', () => {
  it('button always carries the style it was given', () => {
    for (const style of ['primary', 'secondary', 'link'] as const) {
      expect(button({ id: 'b', label: 'Go', style, action: submitAction() })).toEqual({
        type: 'button',
        id: 'b',
        label: 'Go',
        style,
        action: { type: 'submit' },
      });
    }
  });

  it('input and textarea map their options to wire names', () => {
    expect(input({ id: 'i', saveState: 'failed', action: submitAction() })).toEqual({
      type: 'input',
      id: 'i',
      save_state: 'failed',
      action: { type: 'submit' },
    });
    expect(textarea({ id: 'r', value: 'x', error: true })).toEqual({ type: 'textarea', id: 'r', value: 'x', error: true });
  });

  it('list items carry an image together with its size', () => {
    const item = listItem({ id: 'a', title: 'A', tertiaryText: 'c', image: { url: 'https://x.test/i.png', width: 24, height: 24 } });
    expect(item).toEqual({
      type: 'item',
      id: 'a',
      title: 'A',
      tertiary_text: 'c',
      image: 'https://x.test/i.png',
      image_width: 24,
      image_height: 24,
    });
    expect(ruleOf(() => list([]))).toBe('invalid_component');
  });
});

describe('option counts (one rule for dropdown and single-select)', () => {
  it.each([
    [1, 'option_count'],
    [2, null],
    [10, null],
    [11, 'option_count'],
  ])('%i options → %s', (n, rule) => {
    for (const build of [dropdown, singleSelect]) {
      const make = () => build({ id: 'd', options: choices(n) });
      if (rule) expect(ruleOf(make)).toBe(rule);
      else expect(make().options).toHaveLength(n);
    }
  });

  it('rejects repeated option ids and a preselected value that is not an option', () => {
    expect(ruleOf(() => dropdown({ id: 'd', options: [choices(1)[0]!, choices(1)[0]!] }))).toBe('invalid_option');
    expect(ruleOf(() => singleSelect({ id: 's', options: choices(3), value: 'nope' }))).toBe('invalid_option');
  });
});

describe('checkbox', () => {
  const opts = { id: 'c', label: 'Share', options: [{ id: 'yes', text: 'Share with customer' }], value: ['yes'] };

  it('uses the spec key `option` by default', () => {
    expect(CHECKBOX_KEY).toBe('option');
    const box = checkbox(opts);
    expect(box).toEqual({
      type: 'checkbox',
      id: 'c',
      label: 'Share',
      value: ['yes'],
      option: [{ type: 'option', id: 'yes', text: 'Share with customer' }],
    });
    assertValidCanvasResponse({ canvas: { content: { components: [box] } } }, 'submit');
  });

  it('switches to `options` (the tutorial spelling) in the same function', () => {
    const box = checkbox(opts, 'options');
    expect('options' in box && box.options).toHaveLength(1);
    expect('option' in box).toBe(false);
  });

  it('needs at least one option and checks checked ids', () => {
    expect(ruleOf(() => checkbox({ ...opts, options: [], value: [] }))).toBe('option_count');
    expect(ruleOf(() => checkbox({ ...opts, value: ['no'] }))).toBe('invalid_option');
  });
});
