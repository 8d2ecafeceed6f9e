/**
 * The one place a list of components becomes a response body. Every screen ends here, so Intercom's limits
 * (canvas-kit.md §4, §10) are checked once, on the exact bytes we will send.
 */
import { CanvasRuleError } from './errors';
import { frozen } from './freeze';
import { FIRST_CANVAS_MAX_HEIGHT_PX, estimateHeight } from './height';
import type { CanvasResponse, Component, JsonObject } from './types';

/** 64 KB each for `content` and `stored_data`. */
export const MAX_CANVAS_BYTES = 64 * 1024;

export interface FinalizeOptions {
  /** The initialize (first) canvas: no primary buttons and at most 400 px tall. */
  readonly first: boolean;
}

export function finalizeCanvas(components: readonly Component[], storedData: JsonObject, options: FinalizeOptions): CanvasResponse {
  if (components.length === 0) throw new CanvasRuleError('empty_canvas', 'a canvas with no components renders as a blank app');
  checkUniqueIds(components);
  const content = { components: [...components] };
  const contentJson = checkSize('content_too_large', 'content', content);
  const storedJson = checkSize('stored_data_too_large', 'stored_data', storedData);
  if (options.first) checkFirstCanvas(components);
  const response = frozen({ canvas: { content, stored_data: storedData } });
  // The same text JSON.stringify would give the response: freezing only drops undefined keys, which it leaves out too.
  serialised.set(response, `{"canvas":{"content":${contentJson},"stored_data":${storedJson}}}`);
  return response;
}

/** Each finalised response's JSON, written while its size was checked: a frozen response cannot change after. */
const serialised = new WeakMap<object, string>();

/** A canvas response as sent: the finaliser's serialisation when it made the response, so it is not walked twice. */
export function canvasJson(response: object): string {
  return serialised.get(response) ?? JSON.stringify(response);
}

/** The value's JSON, once it is known to be within the limit. */
function checkSize(rule: 'content_too_large' | 'stored_data_too_large', what: string, value: unknown): string {
  const json = JSON.stringify(value);
  // A UTF-16 unit takes at most 3 bytes in UTF-8, so a short text is within the limit without counting its bytes.
  if (json.length * 3 <= MAX_CANVAS_BYTES) return json;
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CANVAS_BYTES) throw new CanvasRuleError(rule, `${what} is ${bytes} bytes; the limit is ${MAX_CANVAS_BYTES}`);
  return json;
}

/** Component ids and list item ids both come back as `component_id`, so they share one namespace. */
function checkUniqueIds(components: readonly Component[]): void {
  const seen = new Set<string>();
  const claim = (id: string | undefined): void => {
    if (id === undefined) return;
    if (seen.has(id)) throw new CanvasRuleError('duplicate_id', `id ${JSON.stringify(id)} is used twice`);
    seen.add(id);
  };
  for (const c of components) {
    if ('id' in c) claim(c.id);
    if (c.type === 'list') for (const item of c.items) claim(item.id);
  }
}

function checkFirstCanvas(components: readonly Component[]): void {
  // A button without a style is primary on the wire; builders always set one, but check what is actually sent.
  const primary = components.find((c) => c.type === 'button' && (c.style ?? 'primary') === 'primary');
  if (primary && primary.type === 'button') {
    throw new CanvasRuleError('primary_on_first_canvas', `button ${JSON.stringify(primary.id)} is primary on the first canvas`);
  }
  const height = estimateHeight(components);
  if (height > FIRST_CANVAS_MAX_HEIGHT_PX) {
    throw new CanvasRuleError('first_canvas_too_tall', `estimated ${height} px; the first canvas may be ${FIRST_CANVAS_MAX_HEIGHT_PX} px`);
  }
}
