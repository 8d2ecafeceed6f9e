/**
 * What the simulator says about a canvas before it is drawn: is it a valid Canvas Kit response of its kind, and
 * does it keep Intercom's rules (canvas-kit.md §4, §10)? Written for ANY canvas, not only this app's, so a broken
 * one is listed problem by problem instead of rendering half-way.
 */
import { estimateHeight, FIRST_CANVAS_MAX_HEIGHT_PX, MAX_CANVAS_BYTES } from '../../canvases/kit';
import type { Component } from '../../canvases/kit';
import { type CanvasKind, canvasSchemaProblems } from './canvas-schema';

export interface CanvasReport {
  kind: CanvasKind;
  ok: boolean;
  problems: string[];
  contentBytes: number;
  storedDataBytes: number;
  /** canvases/kit/height.ts's conservative estimate; null when the canvas is not valid enough to measure. */
  estimatedHeightPx: number | null;
  /** Initialize canvases are the first canvas: ≤ 400 px and no primary button (Inbox rules). */
  first: boolean;
}

const bytes = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));

export function reportCanvas(body: unknown, kind: CanvasKind): CanvasReport {
  const canvas = (body as { canvas?: { content?: { components?: unknown }; stored_data?: unknown } } | null)?.canvas;
  const problems = canvasSchemaProblems(body, kind).map((line) => `schema: ${line}`);
  const contentBytes = bytes(canvas?.content);
  const storedDataBytes = bytes(canvas?.stored_data);
  if (contentBytes > MAX_CANVAS_BYTES) problems.push(`content is ${contentBytes} bytes; Intercom allows ${MAX_CANVAS_BYTES} (64 KB)`);
  if (storedDataBytes > MAX_CANVAS_BYTES) {
    problems.push(`stored_data is ${storedDataBytes} bytes; Intercom allows ${MAX_CANVAS_BYTES} (64 KB)`);
  }
  const components = Array.isArray(canvas?.content?.components) ? (canvas.content.components as unknown[]) : [];
  if (canvas && components.length === 0) problems.push('the canvas has no components: the Inbox shows a blank app');
  problems.push(...ruleProblems(components, kind));

  let estimatedHeightPx: number | null = null;
  if (problems.every((line) => !line.startsWith('schema:'))) {
    // Only a schema-valid canvas has the shapes the estimator reads.
    estimatedHeightPx = estimateHeight(components as Component[]);
    if (kind === 'initialize' && estimatedHeightPx > FIRST_CANVAS_MAX_HEIGHT_PX) {
      problems.push(`first canvas estimated at ${estimatedHeightPx} px; the Inbox allows ${FIRST_CANVAS_MAX_HEIGHT_PX} px`);
    }
  }
  return { kind, ok: problems.length === 0, problems, contentBytes, storedDataBytes, estimatedHeightPx, first: kind === 'initialize' };
}

/** Rules the schema cannot express: unique ids, option counts, and no primary button on the first canvas. */
function ruleProblems(components: unknown[], kind: CanvasKind): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const claim = (id: unknown) => {
    if (typeof id !== 'string') return;
    if (seen.has(id)) problems.push(`id "${id}" is used twice; ids come back as component_id and must be unique`);
    seen.add(id);
  };
  for (const raw of components) {
    if (!raw || typeof raw !== 'object') continue;
    const c = raw as Record<string, unknown>;
    claim(c.id);
    if (c.type === 'list' && Array.isArray(c.items)) for (const item of c.items) claim((item as Record<string, unknown>)?.id);
    if ((c.type === 'dropdown' || c.type === 'single-select') && Array.isArray(c.options)) {
      if (c.options.length < 2 || c.options.length > 10)
        problems.push(`${c.type} "${String(c.id)}" has ${c.options.length} options; use 2 to 10`);
    }
    if (kind === 'initialize' && c.type === 'button' && (c.style ?? 'primary') === 'primary') {
      problems.push(`button "${String(c.id)}" is primary on the first canvas; the Inbox reply button is the only primary action`);
    }
  }
  return problems;
}
