import {
  CanvasRuleError,
  DEFAULT_BOTTOM_MARGIN_PX,
  MAX_CANVAS_BYTES,
  button,
  canvasJson,
  divider,
  estimateComponentHeight,
  estimateHeight,
  finalizeCanvas,
  list,
  listItem,
  spacer,
  submitAction,
  text,
  textLines,
} from '../../canvases/kit';
import type { Component } from '../../canvases/kit/types';
import { assertValidCanvasResponse } from '../support/canvas-schema';

const hello = [text('Hello')];

function ruleOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof CanvasRuleError) return error.rule;
    throw error;
  }
  throw new Error('expected a CanvasRuleError');
}

/** A text of exactly `bytes` bytes of content JSON. */
function contentOfBytes(bytes: number): Component[] {
  const overhead = Buffer.byteLength(JSON.stringify({ components: [text('')] }));
  return [text('x'.repeat(bytes - overhead))];
}

describe('finalizeCanvas', () => {
  it('wraps components and stored data in the response envelope, frozen', () => {
    const res = finalizeCanvas(hello, { v: 1, flow: 'home' }, { first: true });
    expect(res).toEqual({ canvas: { content: { components: [{ type: 'text', text: 'Hello' }] }, stored_data: { v: 1, flow: 'home' } } });
    expect(Object.isFrozen(res.canvas.content.components)).toBe(true);
    assertValidCanvasResponse(res, 'initialize');
  });

  it('allows content of exactly 64 KB and rejects one byte more', () => {
    expect(() => finalizeCanvas(contentOfBytes(MAX_CANVAS_BYTES), {}, { first: false })).not.toThrow();
    expect(ruleOf(() => finalizeCanvas(contentOfBytes(MAX_CANVAS_BYTES + 1), {}, { first: false }))).toBe('content_too_large');
  });

  it('counts bytes, not characters', () => {
    // 33k characters, but 69k bytes in UTF-8 (é is two bytes, … three).
    const wide = text('é'.repeat(30_000) + '…'.repeat(3_000));
    expect(JSON.stringify({ components: [wide] }).length).toBeLessThan(MAX_CANVAS_BYTES);
    expect(ruleOf(() => finalizeCanvas([wide], {}, { first: false }))).toBe('content_too_large');
  });

  it('rejects stored_data over 64 KB', () => {
    const big = { blob: 'x'.repeat(MAX_CANVAS_BYTES) };
    expect(ruleOf(() => finalizeCanvas(hello, big, { first: false }))).toBe('stored_data_too_large');
  });

  it('rejects duplicate ids, including list item ids, which also come back as component_id', () => {
    const a = button({ id: 'same', label: 'A', style: 'secondary', action: submitAction() });
    const b = button({ id: 'same', label: 'B', style: 'secondary', action: submitAction() });
    expect(ruleOf(() => finalizeCanvas([a, b], {}, { first: false }))).toBe('duplicate_id');
    const items = list([listItem({ id: 'same', title: 'x', action: submitAction() })]);
    expect(ruleOf(() => finalizeCanvas([a, items], {}, { first: false }))).toBe('duplicate_id');
  });

  it('rejects an empty canvas', () => {
    expect(ruleOf(() => finalizeCanvas([], {}, { first: false }))).toBe('empty_canvas');
  });

  it('rejects primary buttons on the first canvas only', () => {
    const primary = button({ id: 'go', label: 'Go', style: 'primary', action: submitAction() });
    expect(ruleOf(() => finalizeCanvas([primary], {}, { first: true }))).toBe('primary_on_first_canvas');
    expect(() => finalizeCanvas([primary], {}, { first: false })).not.toThrow();
  });

  it('treats a button without style as primary, as Intercom does', () => {
    const unstyled = { type: 'button', id: 'go', label: 'Go', action: { type: 'submit' } } as unknown as Component;
    expect(ruleOf(() => finalizeCanvas([unstyled], {}, { first: true }))).toBe('primary_on_first_canvas');
  });

  it('rejects a first canvas estimated over 400 px, but not the same content later in a flow', () => {
    const tall = Array.from({ length: 14 }, (_, i) => text(`Line ${i}`)); // 14 × 30 px = 420 px
    expect(estimateHeight(tall)).toBe(420);
    expect(ruleOf(() => finalizeCanvas(tall, {}, { first: true }))).toBe('first_canvas_too_tall');
    expect(() => finalizeCanvas(tall, {}, { first: false })).not.toThrow();
    expect(() => finalizeCanvas(tall.slice(0, 13), {}, { first: true })).not.toThrow();
  });
});

describe('height estimate', () => {
  it('adds the 10 px default bottom margin unless it is removed', () => {
    expect(estimateComponentHeight(text('One line'))).toBe(20 + DEFAULT_BOTTOM_MARGIN_PX);
    expect(estimateComponentHeight(text('One line', { bottomMargin: 'none' }))).toBe(20);
    expect(estimateComponentHeight(text('Title', { style: 'header' }))).toBe(24 + DEFAULT_BOTTOM_MARGIN_PX);
  });

  it('wraps text on word boundaries and counts long words and newlines', () => {
    expect(textLines('short')).toBe(1);
    expect(textLines('word '.repeat(20).trim())).toBe(3); // 99 chars at 38 per line: 7 words a line
    expect(textLines('x'.repeat(80))).toBe(3);
    expect(textLines('a\nb\nc')).toBe(3);
    expect(textLines('[a very long link label](https://example.com/' + 'p'.repeat(200) + ')')).toBe(1);
  });

  it('estimates each component type', () => {
    const link = button({ id: 'l', label: 'Refresh', style: 'link', action: submitAction() });
    const secondary = button({ id: 's', label: 'Go', style: 'secondary', action: submitAction() });
    expect(estimateComponentHeight(link)).toBeLessThan(estimateComponentHeight(secondary));
    expect(estimateComponentHeight(spacer('xl'))).toBeGreaterThan(estimateComponentHeight(spacer('xs')));
    expect(estimateComponentHeight(divider())).toBeGreaterThan(estimateComponentHeight(divider({ bottomMargin: 'none' })));
    const items = (n: number) => list(Array.from({ length: n }, (_, i) => listItem({ id: `i${i}`, title: 't', subtitle: 's' })));
    expect(estimateComponentHeight(items(4)) - estimateComponentHeight(items(3))).toBe(56);
  });
});

describe('canvasJson', () => {
  it('is the JSON of the response, written once by the finaliser', () => {
    const components = [
      text('Ünïcode “quotes” \\ and \n lines', { style: 'muted' }),
      divider(),
      text('plain', { bottomMargin: undefined }),
    ];
    const response = finalizeCanvas(components, { v: 1, note: 'é', gone: undefined } as never, { first: true });
    expect(canvasJson(response)).toBe(JSON.stringify(response));
  });

  it('serialises a response the finaliser did not make', () => {
    const response = { canvas: { content: { components: [] }, stored_data: {} } };
    expect(canvasJson(response)).toBe(JSON.stringify(response));
  });
});
