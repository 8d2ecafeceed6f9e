/** The contract between the HTTP edge and the framework-free flows. */
import type { ChangeSubject } from '../store';
import type { Logger } from '../util/logger';

/** One Canvas Kit request, as the HTTP edge parsed it (src/http/canvas-request.ts): plain, typed, validated. */
export interface CanvasRequest {
  workspaceId: string;
  region: string | null;
  admin: { id: string; name: string | null; email: string | null; raw: Record<string, unknown> };
  conversationId: string;
  /** The REST conversation object Intercom sent (parts may be missing). */
  conversation: Record<string, unknown>;
  /** The person selected in the details panel, or null when none is. */
  contact: Record<string, unknown> | null;
  componentId: string | null;
  inputValues: Record<string, unknown>;
  /** `current_canvas.stored_data` as sent; decoded by canvases/stored-data. */
  storedData: unknown;
}

/** A Canvas Kit response body: `{ canvas, event? }`, built by canvases/. */
export interface CanvasResponse {
  canvas: { content: { components: readonly unknown[] }; stored_data?: Record<string, unknown> };
  event?: { type: 'completed' };
}

export interface FlowContext {
  logger: Logger;
  /**
   * Offered by the initialize route: the handler may say its canvas can answer the very same signed request again
   * until `until`, as long as the workspace's rows are unchanged since `stamp` (src/http/initialize-reuse.ts).
   */
  offerReuse?: (reuse: CanvasReuse) => void;
  /**
   * Offered by the submit route: work to run once the answer has been sent, still within this request. Only for
   * work the outbox completes should it fail (see services/escalation/submit.ts): the teammate has the answer.
   */
  afterReply?: (work: () => Promise<void>) => void;
}

export interface CanvasReuse {
  workspaceId: string;
  /** From `store.changes.stamp()`, taken before the handler read anything. */
  stamp: number;
  /** Epoch ms, exclusive. */
  until: number;
  /** What the canvas was built from: writes to anything else in the workspace leave it reusable (change-feed.ts). */
  subjects: readonly ChangeSubject[];
  /**
   * The canvas's "As of" line, when it is the only thing on it that moves with the minute alone: the canvas may then
   * be answered past `until`, up to `restamp.until`, with that line drawn for the instant of the answer
   * (`lineAt`: its JSON exactly as the screen serialises it, or null when the screen would lay out differently).
   */
  restamp?: { renderedAt: number; until: number; lineAt: (at: number) => { json: string; until: number } | null };
}

export type CanvasHandler = (request: CanvasRequest, ctx: FlowContext) => Promise<CanvasResponse>;

export interface CanvasHandlers {
  initialize: CanvasHandler;
  submit: CanvasHandler;
}
