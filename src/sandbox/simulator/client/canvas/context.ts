/**
 * What every component renderer shares: loose readers for JSON of any shape (the renderer draws canvases that may
 * break the schema, so nothing is assumed), the registry of interactive values that a submit collects, and the
 * host the page provides for actions.
 */

export type Json = Record<string, unknown>;

export interface CanvasHost {
  /** A submit action fired by `componentId`, with the values of every interactive component. */
  submit(componentId: string, inputValues: Record<string, unknown>): void;
  /** A url action: Intercom opens it in a new tab. */
  openUrl(url: string): void;
  /** A sheet action: Messenger only; the Inbox cannot open it. */
  sheet(url: string): void;
  /** Anything the renderer could not do, said plainly under the canvas. */
  notice(message: string): void;
}

export interface RenderContext {
  host: CanvasHost;
  /** id → current value, for `input_values`. */
  values: Map<string, () => unknown>;
  /** Fires an action on behalf of a component. */
  act(action: unknown, componentId: string): void;
}

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
export const isTrue = (value: unknown): boolean => value === true;
export const list = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((item): item is Json => item !== null && typeof item === 'object') : [];

/** `save_state`: `saved` shows the field as done and blocks it (over `disabled`); `failed` marks it red. */
export function saveState(c: Json): 'unsaved' | 'saved' | 'failed' {
  return c.save_state === 'saved' || c.save_state === 'failed' ? c.save_state : 'unsaved';
}

export function createContext(host: CanvasHost): RenderContext {
  const values = new Map<string, () => unknown>();
  const context: RenderContext = {
    host,
    values,
    act(action, componentId) {
      const a = action && typeof action === 'object' ? (action as Json) : {};
      const url = str(a.url) ?? '';
      if (a.type === 'submit') host.submit(componentId, collect(values));
      else if (a.type === 'url') host.openUrl(url);
      else if (a.type === 'sheet') host.sheet(url);
      else host.notice(`"${componentId}" has no action Intercom knows (type ${JSON.stringify(a.type ?? null)}); nothing happens.`);
    },
  };
  return context;
}

export function collect(values: Map<string, () => unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, read] of values) {
    const value = read();
    if (value !== undefined) out[id] = value;
  }
  return out;
}
