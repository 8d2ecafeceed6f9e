/**
 * An agent escalating, over HTTP as Intercom would send it: open the form (its stored_data carries the nonce
 * that makes the submit idempotent), then submit it with the form's own canvas as `current_canvas`. Works
 * against any app reachable through a Wire: in process, or a child process the crash tests kill.
 */
import { submitBody } from '../../../src/sandbox/canvas-kit-body';
import type { CanvasKitContext } from '../../../src/sandbox/canvas-kit-body';
import type { FakeIntercom } from '../../../src/sandbox/fake-intercom';
import { assertValidCanvasResponse } from '../canvas-schema';
import type { WireResponse } from './wire';

export interface CanvasPoster {
  postCanvas(path: string, raw: string | Buffer): Promise<WireResponse>;
}

export interface EscalateValues {
  priority: string;
  queue: string;
  reason: string;
}

/** What the agent reads once an escalation is in hand: the ticket exists, or it waits in the outbox. */
export const ESCALATED = /Ticket #\d+ created|Queued — the ticket will be created automatically/;

/** P4 and its long targets keep the SLA ladder out of tests that are about the escalation itself. */
export const DEFAULT_VALUES: EscalateValues = { priority: 'P4', queue: 'billing_legal', reason: 'Charged twice; wants a refund.' };

export async function openForm(poster: CanvasPoster, fake: FakeIntercom, context: CanvasKitContext): Promise<WireResponse> {
  const response = await poster.postCanvas('/intercom/submit', JSON.stringify(submitBody(fake, context, { componentId: 'escalate_open' })));
  if (response.status !== 200) throw new Error(`escalate_open answered HTTP ${response.status}`);
  assertValidCanvasResponse(response.json, 'submit');
  return response;
}

/** The exact submit body for a form: replaying these bytes is what Intercom's retry or a double click sends. */
export function submitFormBody(
  fake: FakeIntercom,
  context: CanvasKitContext,
  form: unknown,
  values: EscalateValues = DEFAULT_VALUES,
  componentId = 'escalate_submit',
): string {
  return JSON.stringify(submitBody(fake, context, { componentId, currentCanvas: form, inputValues: { ...values } }));
}

/** Open the escalate form and submit it, once: the answer is what the test checks. */
export async function escalate(
  poster: CanvasPoster,
  fake: FakeIntercom,
  context: CanvasKitContext,
  values: EscalateValues = DEFAULT_VALUES,
): Promise<{ form: unknown; body: string; response: WireResponse }> {
  return escalateRetrying(poster, fake, context, values, 0);
}

async function submitForm(poster: CanvasPoster, fake: FakeIntercom, context: CanvasKitContext, form: unknown, values: EscalateValues) {
  if (!JSON.stringify(form).includes('escalate_submit'))
    throw new Error(`escalate_open did not answer a form: ${JSON.stringify(form).slice(0, 300)}`);
  const body = submitFormBody(fake, context, form, values);
  return { body, response: await poster.postCanvas('/intercom/submit', body) };
}

/** The canvas the app answers when Intercom's reads failed: nothing was created, and the agent is asked to retry. */
const NOT_ANSWERING = /Intercom is not answering/;

/**
 * `escalate` while Intercom is healthy (setting a scene, or after a fault cleared). On a loaded machine the
 * form's reads can still time out; the agent then reads "Nothing was created … Try again" and does, up to three
 * times. A retry that duplicated anything would show in the counts the tests check.
 */
export async function escalateWhileHealthy(
  poster: CanvasPoster,
  fake: FakeIntercom,
  context: CanvasKitContext,
  values: EscalateValues = DEFAULT_VALUES,
): Promise<{ form: unknown; body: string; response: WireResponse }> {
  return escalateRetrying(poster, fake, context, values, 3);
}

/** Open the form and submit it; after "Intercom is not answering", try again up to `retries` times. */
async function escalateRetrying(
  poster: CanvasPoster,
  fake: FakeIntercom,
  context: CanvasKitContext,
  values: EscalateValues,
  retries: number,
): Promise<{ form: unknown; body: string; response: WireResponse }> {
  for (let retry = 0; ; retry += 1) {
    const form = await openForm(poster, fake, context);
    if (retry < retries && NOT_ANSWERING.test(canvasText(form))) continue;
    const { body, response } = await submitForm(poster, fake, context, form.json, values);
    if (retry < retries && NOT_ANSWERING.test(canvasText(response))) continue;
    return { form: form.json, body, response };
  }
}

/** What the agent read: every text and button label on the canvas, joined. */
export function canvasText(response: WireResponse): string {
  const components = (response.json as { canvas?: { content?: { components?: unknown[] } } })?.canvas?.content?.components ?? [];
  return JSON.stringify(components);
}

/** Any sidebar form: open it (`openId`), then submit it (`submitId`) with `inputValues` and its own canvas. */
export async function formRoundTrip(
  poster: CanvasPoster,
  fake: FakeIntercom,
  context: CanvasKitContext,
  ids: { open: string; submit: string },
  inputValues: Record<string, unknown>,
): Promise<WireResponse> {
  const form = await poster.postCanvas('/intercom/submit', JSON.stringify(submitBody(fake, context, { componentId: ids.open })));
  const body = submitBody(fake, context, { componentId: ids.submit, currentCanvas: form.json, inputValues });
  return poster.postCanvas('/intercom/submit', JSON.stringify(body));
}
