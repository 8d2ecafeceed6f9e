/**
 * Submits dispatch on `component_id` through this typed table. Each flow
 * module contributes its entries; an id nobody owns gets a clear error canvas.
 */
import { type ComponentAction, decodeComponentId } from '../../canvases/component-ids';
import { AppError } from '../util/app-error';
import type { CanvasRequest } from './types';
import type { CanvasResponse, FlowContext } from './types';

/** `arg` is the ticket id for per-ticket actions, null otherwise. */
export type SubmitHandler = (request: CanvasRequest, arg: string | null, ctx: FlowContext) => Promise<CanvasResponse>;
export type SubmitTable = Partial<Record<ComponentAction, SubmitHandler>>;

export function dispatchSubmit(table: SubmitTable) {
  return async (request: CanvasRequest, ctx: FlowContext): Promise<CanvasResponse> => {
    const decoded = decodeComponentId(request.componentId);
    const handler = decoded ? table[decoded.action] : undefined;
    if (!decoded || !handler) {
      ctx.logger.warn({ componentId: String(request.componentId).slice(0, 80) }, 'submit for an unknown component');
      throw new AppError('stale_canvas', 'That button is not available any more. Refresh to see the current view.');
    }
    return handler(request, decoded.arg, ctx);
  };
}
