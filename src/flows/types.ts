/** The contract between the HTTP edge and the framework-free flows. */
import type { Logger } from '../util/logger';
import type { CanvasRequest } from '../http/canvas-request';

/** A Canvas Kit response body: `{ canvas, event? }`, built by canvases/. */
export interface CanvasResponse {
  canvas: { content: { components: readonly unknown[] }; stored_data?: Record<string, unknown> };
  event?: { type: 'completed' };
}

export interface FlowContext {
  logger: Logger;
}

export type CanvasHandler = (request: CanvasRequest, ctx: FlowContext) => Promise<CanvasResponse>;

export interface CanvasHandlers {
  initialize: CanvasHandler;
  submit: CanvasHandler;
}
