/**
 * The app most reliability tests run against: the standard harness (fake Intercom, manual clock) on a store
 * whose Database handle the test keeps for snapshots, behind one keep-alive loopback server. Also counts
 * unhandled rejections and uncaught exceptions while it runs: a case that crashes something asynchronously,
 * after its response went out, must still fail the test. And the real payloads the fuzzers start from.
 */
import { initializeBody, submitBody } from '../../../src/sandbox/canvas-kit-body';
import { type Database, openDatabase } from '../../../src/store';
import { type Harness, type HarnessOptions, startHarness } from '../app-harness';
import { listen, type Wire } from './wire';

export interface WiredApp {
  harness: Harness;
  database: Database;
  wire: Wire;
  /** Unhandled rejections and uncaught exceptions seen since start. */
  crashes: string[];
  close(): Promise<void>;
}

/** On a fresh in-memory SQLite store unless `options.database` gives another (the database-outage tests). */
export async function startWiredApp(options: HarnessOptions = {}): Promise<WiredApp> {
  const database = options.database ?? openDatabase({ sqlitePath: ':memory:' });
  const harness = await startHarness({ ...options, database });
  const wire = await listen(harness.application.app);
  const crashes: string[] = [];
  const onCrash = (error: unknown) => crashes.push(error instanceof Error ? error.message : String(error));
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  // Warm the settings cache and the request path once, so the first fuzz case is not special.
  await wire.postCanvas('/intercom/initialize', JSON.stringify(initializeBody(harness.fake, harness.context)));
  return {
    harness,
    database,
    wire,
    crashes,
    async close() {
      process.off('unhandledRejection', onCrash);
      process.off('uncaughtException', onCrash);
      await wire.close();
      await harness.close();
    },
  };
}

/** Initialize bodies for every demo conversation, with and without a selected contact, and a legacy shape. */
export function initializeBases(harness: Harness): Record<string, unknown>[] {
  const { fake, demo, context } = harness;
  const bodies = Object.values(demo.conversations).flatMap((conversationId) => [
    initializeBody(fake, { ...context, conversationId }),
    initializeBody(fake, { ...context, conversationId, contactId: null }),
  ]);
  const legacy = initializeBody(fake, context);
  bodies.push({ ...legacy, customer: legacy.contact, contact: undefined, app_id: legacy.workspace_id, workspace_id: undefined });
  return bodies;
}

/**
 * Submit bodies for every action the submit table knows, each carrying the canvas the app really returned for
 * that step as `current_canvas` (its stored_data holds the nonce) and realistic input values.
 */
export async function submitBases(app: WiredApp, ticketId: string): Promise<Record<string, unknown>[]> {
  const { fake, context } = app.harness;
  const post = async (componentId: string, currentCanvas?: unknown) =>
    (await app.wire.postCanvas('/intercom/submit', JSON.stringify(submitBody(fake, context, { componentId, currentCanvas })))).json;
  const sidebar = (await app.wire.postCanvas('/intercom/initialize', JSON.stringify(initializeBody(fake, context)))).json;
  const escalateForm = await post('escalate_open');
  const noteForm = await post(`ticket_note_open:${ticketId}`);
  const priorityForm = await post(`ticket_priority_open:${ticketId}`);
  const body = (componentId: string, currentCanvas: unknown, inputValues: Record<string, unknown> = {}) =>
    submitBody(fake, context, { componentId, currentCanvas, inputValues });
  const escalateValues = { priority: 'P3', queue: 'technical', reason: 'Export fails since Monday.', share_with_customer: [] };
  return [
    body('refresh', sidebar),
    body('back', sidebar),
    body('tickets_all', sidebar),
    body('escalate_open', sidebar),
    body('escalate_submit', escalateForm, escalateValues),
    body('escalate_force', escalateForm, escalateValues),
    body('escalate_add_note_instead', escalateForm),
    body(`ticket_details:${ticketId}`, sidebar),
    body(`ticket_refresh:${ticketId}`, sidebar),
    body(`ticket_note_open:${ticketId}`, sidebar),
    body(`ticket_note_submit:${ticketId}`, noteForm, { note_body: 'Customer sent the invoice again.', cross_post: ['cross_post'] }),
    body(`ticket_priority_open:${ticketId}`, sidebar),
    body(`ticket_priority_submit:${ticketId}`, priorityForm, { new_priority: 'P1' }),
  ];
}
