/**
 * The simulator's stand-in for Intercom's side of Canvas Kit: build the request body from the fake's state (the
 * same shapes Intercom sends), sign it with X-Body-Signature, POST it over HTTP to the app's real
 * /intercom/initialize or /intercom/submit, and hand back what the app answered plus a report of any rule it
 * breaks. Nothing here reads the app's internals: it sees only what Intercom would see.
 */
import { signBody } from '../../http/signature';
import { initializeBody, submitBody } from '../canvas-kit-body';
import { type CanvasReport, reportCanvas } from '../canvas-report';
import type { CanvasKind } from '../canvas-schema';
import type { SimulatorRuntime } from './runtime';

export interface CanvasCall {
  conversationId: string;
  adminId: string;
  /** Submit only. */
  componentId?: string;
  inputValues?: Record<string, unknown>;
  /** The canvas the app last returned (content + stored_data), kept by the page and sent back as Intercom does. */
  currentCanvas?: unknown;
}

export interface CanvasExchange {
  kind: CanvasKind;
  status: number;
  durationMs: number;
  /** The parsed answer; null when it was not JSON. */
  response: unknown;
  report: CanvasReport;
  requestBytes: number;
}

export class UnknownTargetError extends Error {}

export async function callCanvas(runtime: SimulatorRuntime, kind: CanvasKind, call: CanvasCall): Promise<CanvasExchange> {
  const { fake, demo } = runtime;
  const workspace = fake.state.workspaces.get(demo.workspaceId)!;
  if (!workspace.conversations.has(call.conversationId)) throw new UnknownTargetError('No such conversation in the sandbox');
  if (!workspace.admins.has(call.adminId)) throw new UnknownTargetError('No such teammate in the sandbox');
  const context = { workspaceId: demo.workspaceId, conversationId: call.conversationId, adminId: call.adminId };
  const body =
    kind === 'initialize'
      ? initializeBody(fake, context)
      : submitBody(fake, context, {
          componentId: call.componentId ?? '',
          inputValues: call.inputValues ?? {},
          currentCanvas: call.currentCanvas,
        });
  const raw = JSON.stringify(body);
  const started = performance.now();
  const answer = await fetch(`${runtime.appUrl}/intercom/${kind}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Body-Signature': signBody('canvas', raw, runtime.clientSecret) },
    body: raw,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await answer.text();
  const durationMs = Math.round(performance.now() - started);
  const response = parseJson(text);
  const report = reportCanvas(response, kind);
  if (answer.status !== 200) report.problems.unshift(`HTTP ${answer.status}: Intercom shows a broken app for any answer but 200`);
  if (response === undefined) report.problems.unshift('the answer is not JSON');
  else if (!(answer.headers.get('content-type') ?? '').includes('application/json')) {
    report.problems.unshift('the answer is not served as application/json');
  }
  report.ok = report.problems.length === 0;
  return { kind, status: answer.status, durationMs, response: response ?? null, report, requestBytes: Buffer.byteLength(raw) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
