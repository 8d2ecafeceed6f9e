/**
 * A conservative estimate of how tall the Inbox renders a canvas, for the "first canvas ≤ 400 px" review rule.
 *
 * Intercom publishes only one figure: the 10 px default bottom margin. Everything else below is our own
 * guess for the conversation-details panel (about 300 px of usable width), deliberately rounded up: a canvas
 * we estimate at 400 px should really be shorter. Text wraps at fewer characters than fit in practice and
 * every line is assumed to wrap on word boundaries. Recheck these numbers in the Canvas Kit Builder when a
 * screen lands close to the limit.
 */
import type { Component, TextStyle } from './types';
import { BoundedMemo } from '../../src/util/bounded-memo';

export const FIRST_CANVAS_MAX_HEIGHT_PX = 400;
export const DEFAULT_BOTTOM_MARGIN_PX = 10;

/** Line height and characters per line, per text style. Headers use a larger font, so fewer characters fit. */
export const TEXT_METRICS: Readonly<Record<TextStyle, { lineHeight: number; charsPerLine: number }>> = Object.freeze({
  header: { lineHeight: 24, charsPerLine: 30 },
  paragraph: { lineHeight: 20, charsPerLine: 38 },
  muted: { lineHeight: 20, charsPerLine: 38 },
  error: { lineHeight: 20, charsPerLine: 38 },
});

export const SPACER_PX = Object.freeze({ xs: 4, s: 8, m: 16, l: 24, xl: 32 });
export const PX = Object.freeze({
  divider: 11,
  dataTableRow: 24, // the Inbox truncates data-table values to one line, so a row never wraps
  button: 36,
  linkButton: 20,
  fieldLabel: 22,
  field: 40, // input, dropdown, one row of single-select chips
  textarea: 88,
  checkboxOption: 28,
  listItem: 40,
  listItemWithSubtitle: 56,
  panelWidth: 300,
});
const CHIPS_PER_ROW = 3;

/**
 * Texts measured so far, one memo per style: sidebars repeat most of their lines view after view. Keyed by the text
 * itself, not by a string joining style and text, so a lookup hashes a string the component already holds (V8 keeps
 * a string's hash) instead of building and hashing a new one. Each emptied when full.
 */
const measured: Readonly<Record<TextStyle, BoundedMemo<string, number>>> = {
  header: new BoundedMemo(10_000),
  paragraph: new BoundedMemo(10_000),
  muted: new BoundedMemo(10_000),
  error: new BoundedMemo(10_000),
};

/** Lines a text takes when wrapped greedily on spaces; explicit newlines start a new line. */
export function textLines(content: string, style: TextStyle = 'paragraph'): number {
  return measured[style].get(content, () => wrappedLines(content, TEXT_METRICS[style].charsPerLine));
}

function wrappedLines(content: string, max: number): number {
  // A markdown link renders its label only; the URL takes no room; an escaped character shows without its backslash.
  // The label stops at the next `[` and the URL at the next `(`, so each bracket is read once (a label that could
  // run on past `[` rescanned the rest of the text from every `[`).
  const visible = content
    .replace(/(?<!\\)\[((?:\\.|[^[\]\\])*)\]\([^()]*\)/g, '$1')
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/\\(.)/g, '$1');
  let lines = 0;
  for (const paragraph of visible.split('\n')) {
    let current = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const width = displayWidth(word);
      if (current === 0) current = width;
      else if (current + 1 + width <= max) current += 1 + width;
      else {
        lines += 1;
        current = width;
      }
      // A word longer than a line breaks wherever it must.
      while (current > max) {
        lines += 1;
        current -= max;
      }
    }
  }
  return lines;
}

/** Emoji and other astral characters render about twice as wide as a letter. */
function displayWidth(word: string): number {
  let width = 0;
  for (const ch of word) width += (ch.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  return width;
}

export function estimateComponentHeight(c: Component): number {
  const margin = 'bottom_margin' in c && c.bottom_margin === 'none' ? 0 : DEFAULT_BOTTOM_MARGIN_PX;
  const label = 'label' in c && c.label && c.type !== 'button' ? PX.fieldLabel : 0;
  switch (c.type) {
    case 'text': {
      const style = c.style ?? 'paragraph';
      return textLines(c.text, style) * TEXT_METRICS[style].lineHeight + margin;
    }
    case 'image':
      return Math.ceil(c.width > PX.panelWidth ? (c.height * PX.panelWidth) / c.width : c.height) + margin;
    case 'spacer':
      return SPACER_PX[c.size ?? 's'];
    case 'divider':
      return PX.divider + margin;
    case 'data-table':
      return c.items.length * PX.dataTableRow + DEFAULT_BOTTOM_MARGIN_PX;
    case 'button':
      return (c.style === 'link' ? PX.linkButton : PX.button) + DEFAULT_BOTTOM_MARGIN_PX;
    case 'input':
    case 'dropdown':
      return label + PX.field + DEFAULT_BOTTOM_MARGIN_PX;
    case 'textarea':
      return label + PX.textarea + DEFAULT_BOTTOM_MARGIN_PX;
    case 'single-select':
      return label + Math.ceil(c.options.length / CHIPS_PER_ROW) * PX.field + DEFAULT_BOTTOM_MARGIN_PX;
    case 'checkbox': {
      const count = 'option' in c ? c.option.length : c.options.length;
      return label + count * PX.checkboxOption + DEFAULT_BOTTOM_MARGIN_PX;
    }
    case 'list':
      return c.items.reduce((sum, item) => sum + listItemHeight(item), 0) + DEFAULT_BOTTOM_MARGIN_PX;
  }
}

function listItemHeight(item: { subtitle?: string; tertiary_text?: string; image_height?: number }): number {
  const text = item.subtitle || item.tertiary_text ? PX.listItemWithSubtitle : PX.listItem;
  return Math.max(text, (item.image_height ?? 0) + 16);
}

export function estimateHeight(components: readonly Component[]): number {
  let sum = 0;
  for (const c of components) sum += estimateComponentHeight(c);
  return sum;
}
