/**
 * The canvas for anything that went wrong: left-aligned error/muted text, no image, no centring, and a way
 * forward (canvas-kit.md §10.6). It may answer an initialize, so it keeps the first-canvas rules, and it
 * trims what it is given so it can never break a rule itself (the HTTP layer's last resort).
 */
import { finalizeCanvas, text } from './kit';
import type { CanvasResponse } from './kit/types';
import { linkButton, navigation, trim } from './shared-blocks';
import { encodeStoredData } from './stored-data';
import type { ErrorVM } from './view-models';

const TITLE_CHARS = 80;
const MESSAGE_CHARS = 300;

export function errorCanvas(vm: ErrorVM): CanvasResponse {
  const title = trim(vm.title, TITLE_CHARS) || 'Something went wrong';
  const message = trim(vm.message, MESSAGE_CHARS);
  const way = vm.retryable ? linkButton('Try again', 'refresh') : linkButton('Back', 'back');
  const components = [text(title, { style: 'error' }), ...(message ? [text(message, { style: 'muted' })] : []), ...navigation(way)];
  return finalizeCanvas(components, encodeStoredData({ v: 1, flow: 'home' }), { first: true });
}
