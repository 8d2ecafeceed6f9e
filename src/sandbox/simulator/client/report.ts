/**
 * The verdict under the rendered canvas: a red panel listing every problem (schema, 64 KB, 400 px, first-canvas
 * rules, HTTP), or one green line with the sizes. The measured height comes from this page's rendering, which
 * follows the Inbox's metrics only approximately, so it is reported next to the server's conservative estimate.
 */
import type { CanvasReport } from './api';
import { h } from './dom';

export const FIRST_CANVAS_MAX_PX = 400;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function problemsWithMeasure(report: CanvasReport, renderedPx: number | null): string[] {
  const problems = [...report.problems];
  if (report.first && renderedPx !== null && renderedPx > FIRST_CANVAS_MAX_PX) {
    problems.push(`first canvas renders ${renderedPx} px tall here; the Inbox allows ${FIRST_CANVAS_MAX_PX} px`);
  }
  return problems;
}

export function renderReport(report: CanvasReport, renderedPx: number | null, source: string): HTMLElement {
  const problems = problemsWithMeasure(report, renderedPx);
  const sizes = [
    `${kb(report.contentBytes)} content`,
    report.storedDataBytes > 0 ? `${kb(report.storedDataBytes)} stored_data` : null,
    report.estimatedHeightPx === null ? null : `est. ${report.estimatedHeightPx} px`,
    renderedPx === null ? null : `rendered ${renderedPx} px`,
  ]
    .filter(Boolean)
    .join(' · ');
  if (problems.length === 0) {
    return h(
      'div',
      { className: 'report report-ok', attrs: { 'data-testid': 'canvas-ok' } },
      `✓ Valid ${report.kind} response from ${source} · ${sizes}`,
    );
  }
  return h(
    'div',
    { className: 'report report-bad', attrs: { role: 'alert', 'data-testid': 'canvas-problems' } },
    h('strong', {}, `This ${report.kind} canvas from ${source} breaks Intercom's rules (${problems.length})`),
    h('ul', {}, ...problems.map((problem) => h('li', {}, problem))),
    h('div', { className: 'muted' }, sizes),
  );
}
