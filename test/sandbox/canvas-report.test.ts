/**
 * The simulator's verdict on a canvas, without a browser: Intercom's official schema (its own copy of the ajv
 * setup, since the sandbox runs outside the tests), the 64 KB limits, the first-canvas rules, unique ids.
 * It must agree with the test suite's schema helper on valid and invalid canvases alike.
 */
import { sidebarCanvas } from '../../canvases/sidebar';
import { reportCanvas } from '../../src/sandbox/canvas-report';
import { brokenCanvas, everyComponent } from '../browser/support/canvases';
import { canvasSchemaErrors } from '../support/canvas-schema';

const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'text', text: t, ...extra });
const response = (components: unknown[], storedData: unknown = { flow: 'home' }) => ({
  canvas: { content: { components }, stored_data: storedData },
});

describe('reportCanvas', () => {
  it('passes a real first canvas of the app, with its size and height estimate', () => {
    const body = sidebarCanvas({
      now: Date.UTC(2026, 10, 18, 10),
      tz: { zone: 'Europe/London', source: 'workspace' },
      tickets: [],
      pending: [],
      recommendation: {
        kind: 'escalate',
        headline: 'Escalate → Billing / Legal · P2',
        reasons: [{ text: 'Refund asked for a duplicate charge', source: 'customer, 10:32' }],
        closeCall: null,
      },
      settingsUrl: null,
      contactMissing: false,
    });
    const report = reportCanvas(body, 'initialize');
    expect(report).toMatchObject({ ok: true, problems: [], first: true });
    expect(report.contentBytes).toBe(Buffer.byteLength(JSON.stringify(body.canvas.content)));
    expect(report.estimatedHeightPx).toBeGreaterThan(100);
    expect(report.estimatedHeightPx).toBeLessThanOrEqual(400);
  });

  it('names the one off-spec field of a canvas instead of every oneOf branch Ajv tried', () => {
    const report = reportCanvas(everyComponent, 'submit');
    expect(report.problems).toEqual(["schema: /canvas/content/components/14 must have required property 'option'"]);
    // Same verdict as the suite's own schema helper (which lists raw Ajv errors).
    expect(canvasSchemaErrors(everyComponent, 'submit').length).toBeGreaterThan(0);
  });

  it('accepts a list item with an image, which the published oneOf rejects for matching twice', () => {
    const item = { type: 'item', id: 'a', title: 'A', image: 'https://x.example/a.png', image_width: 24, image_height: 24 };
    const body = response([{ type: 'list', items: [item] }]);
    expect(reportCanvas(body, 'submit').problems).toEqual([]);
    expect(canvasSchemaErrors(body, 'submit')).toEqual([]);
  });

  it('lists schema, size and first-canvas problems of a broken canvas', () => {
    const report = reportCanvas(brokenCanvas, 'initialize');
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(/^schema: \/canvas\/content\/components\/0 "heading" is not a Canvas Kit component/),
      "schema: /canvas/content/components/1 must have required property 'action'",
      expect.stringMatching(/^content is 7\d{4} bytes; Intercom allows 65536 \(64 KB\)$/),
      'button "create" is primary on the first canvas; the Inbox reply button is the only primary action',
    ]);
    expect(report.estimatedHeightPx).toBeNull();
  });

  it('flags a first canvas taller than 400 px, but not the same canvas as a submit', () => {
    const tall = response(Array.from({ length: 25 }, (_, i) => text(`Line ${i}`)));
    expect(reportCanvas(tall, 'initialize').problems).toEqual([
      expect.stringMatching(/^first canvas estimated at \d+ px; the Inbox allows 400 px$/),
    ]);
    expect(reportCanvas(tall, 'submit').ok).toBe(true);
  });

  it('flags stored_data over 64 KB, duplicate ids and option counts outside 2 to 10', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'option', id: `o${i}`, text: `O${i}` }));
    const body = response(
      [
        { type: 'input', id: 'same' },
        { type: 'textarea', id: 'same' },
        { type: 'dropdown', id: 'one', options: options(1) },
        { type: 'single-select', id: 'many', options: options(11) },
      ],
      { blob: 'y'.repeat(70_000) },
    );
    const problems = reportCanvas(body, 'submit').problems;
    expect(problems).toContainEqual(expect.stringMatching(/^stored_data is \d+ bytes; Intercom allows 65536/));
    expect(problems).toContain('id "same" is used twice; ids come back as component_id and must be unique');
    expect(problems).toContain('dropdown "one" has 1 options; use 2 to 10');
    expect(problems).toContain('single-select "many" has 11 options; use 2 to 10');
  });

  it('says plainly when the answer is not a canvas at all', () => {
    expect(reportCanvas({ error: 'internal' }, 'initialize').problems).toEqual(["schema: / must have required property 'canvas'"]);
    expect(reportCanvas(response([]), 'submit').problems).toContain('the canvas has no components: the Inbox shows a blank app');
  });
});
