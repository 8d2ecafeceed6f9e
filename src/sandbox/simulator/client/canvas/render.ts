/**
 * Canvas Kit JSON → DOM, for any canvas: the twelve components top to bottom at the Inbox panel's width. A
 * component the renderer does not know is drawn as a red marker (Intercom would show a broken app), never
 * skipped silently. The page measures the result for the 400 px first-canvas rule.
 */
import { h } from '../dom';
import { type CanvasHost, createContext, type Json, list, type RenderContext } from './context';
import { renderButton, renderCheckbox, renderDropdown, renderInput, renderList, renderSingleSelect, renderTextarea } from './interactive';
import { renderDataTable, renderDivider, renderImage, renderSpacer, renderText } from './presentation';

export type { CanvasHost } from './context';

type Renderer = (c: Json, ctx: RenderContext) => HTMLElement;

const RENDERERS: Readonly<Record<string, Renderer>> = {
  text: renderText,
  image: renderImage,
  spacer: renderSpacer,
  divider: renderDivider,
  'data-table': renderDataTable,
  button: renderButton,
  input: renderInput,
  textarea: renderTextarea,
  dropdown: renderDropdown,
  'single-select': renderSingleSelect,
  checkbox: renderCheckbox,
  list: renderList,
};

export interface RenderedCanvas {
  element: HTMLElement;
  /** The canvas object as received (`content` + `stored_data`): sent back as `current_canvas` on submit. */
  canvas: Json;
  /** While a submit is in flight the canvas is greyed out and inert, as in the Inbox. */
  setBusy(busy: boolean): void;
}

/** `canvas` is the response's `canvas` object: `{ content: { components }, stored_data? }`. */
export function renderCanvas(canvas: unknown, host: CanvasHost): RenderedCanvas {
  const safe: Json = canvas && typeof canvas === 'object' ? (canvas as Json) : {};
  const content = safe.content && typeof safe.content === 'object' ? (safe.content as Json) : {};
  const ctx = createContext(host);
  const element = h('div', { className: 'ck-canvas', attrs: { 'data-testid': 'canvas' } });
  for (const component of list(content.components)) {
    const render = RENDERERS[String(component.type)];
    element.append(
      render
        ? render(component, ctx)
        : h(
            'div',
            { className: 'ck-unknown', attrs: { role: 'note' } },
            `Unknown component type ${JSON.stringify(component.type ?? null)}`,
          ),
    );
  }
  if (!Array.isArray(content.components)) {
    element.append(h('div', { className: 'ck-unknown', attrs: { role: 'note' } }, 'This canvas has no content.components list.'));
  }
  return {
    element,
    canvas: safe,
    setBusy(busy) {
      element.classList.toggle('ck-busy', busy);
      element.toggleAttribute('inert', busy);
    },
  };
}
