/**
 * Counts Intercom calls per sidebar view, for /metrics and the benchmark: a warm view must make none (a public
 * app shares one rate limit across every workspace it is installed in). The canvas route runs each request in
 * its own call-counting context (src/util/request-context.ts); this reads that count when the handler is done.
 */
import type { CanvasHandler } from '../flows/types';
import { intercomCallsInThisRequest } from '../util/request-context';

export interface ViewCounters {
  views: number;
  intercomCalls: number;
  viewsWithoutCalls: number;
  /** Views answered from an earlier render of the same request (src/http/initialize-reuse.ts). */
  reused: number;
}

export function createViewCounters(): ViewCounters {
  return { views: 0, intercomCalls: 0, viewsWithoutCalls: 0, reused: 0 };
}

export function countingIntercomCalls(handler: CanvasHandler, counters: ViewCounters): CanvasHandler {
  return async (request, ctx) => {
    try {
      return await handler(request, ctx);
    } finally {
      const calls = intercomCallsInThisRequest();
      counters.views += 1;
      counters.intercomCalls += calls;
      if (calls === 0) counters.viewsWithoutCalls += 1;
    }
  };
}

/** A view answered from an earlier render (src/http/initialize-reuse.ts): it made no call at all. */
export function countReusedView(counters: ViewCounters): void {
  counters.views += 1;
  counters.viewsWithoutCalls += 1;
  counters.reused += 1;
}

/** The /metrics fields: totals, so a reader takes differences over its own window. */
export function viewMetrics(counters: ViewCounters): Record<string, number> {
  return {
    sidebar_views_total: counters.views,
    sidebar_intercom_calls_total: counters.intercomCalls,
    sidebar_views_without_intercom_calls_total: counters.viewsWithoutCalls,
    sidebar_views_reused_total: counters.reused,
    sidebar_views_reused_ratio: counters.views > 0 ? counters.reused / counters.views : 0,
  };
}
