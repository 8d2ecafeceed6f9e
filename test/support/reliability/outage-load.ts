/**
 * Load for the database-outage tests: signed webhooks (each a new notification id) and sidebar views (each body
 * distinct, so no view is answered from an earlier render without reading the store) sent over loopback while
 * the test breaks the database. Every answer is recorded with its time, so the test can check that nothing
 * acknowledged was lost and that each request was answered, one way or the other, in bounded time.
 */
import { initializeBody } from '../../../src/sandbox/canvas-kit-body';
import { notificationEnvelope } from '../../../src/sandbox/fake-intercom/webhooks';
import type { Database } from '../../../src/store';
import type { WiredApp } from './wired-app';

/** What the error canvas says when the store is out of reach (src/http/errors.ts). */
export const STORE_UNAVAILABLE_TITLE = 'Handoff cannot reach its data store';

export interface Answer {
  kind: 'webhook' | 'sidebar';
  status: number;
  ms: number;
  /** webhook: the notification id; sidebar: whether the canvas said the store is unavailable. */
  notificationId?: string;
  unavailable?: boolean;
}

export interface Load {
  readonly answers: Answer[];
  /** Stops sending and resolves once every request in flight has its answer. */
  stop(): Promise<void>;
}

/** Shared by every load of the process, so a later load never repeats an earlier one's notification ids. */
let sequence = 0;

/** `webhookSenders` and `sidebarSenders` loops, each sending its next request as soon as the last is answered. */
export function startLoad(app: WiredApp, webhookSenders = 4, sidebarSenders = 2): Load {
  const answers: Answer[] = [];
  const { fake, demo, context, clock } = app.harness;
  let running = true;
  const webhook = async () => {
    const id = `notif_outage_${sequence++}`;
    const item = { type: 'ticket', id: `tk-${id}` };
    const raw = JSON.stringify(notificationEnvelope(id, demo.workspaceId, 'ticket.state.updated', item, clock.now() / 1000));
    const started = performance.now();
    const res = await app.wire.postWebhook('/intercom/webhooks', raw);
    answers.push({ kind: 'webhook', status: res.status, ms: performance.now() - started, notificationId: id });
  };
  const sidebar = async () => {
    const raw = JSON.stringify({ ...initializeBody(fake, context), load_sequence: sequence++ });
    const started = performance.now();
    const res = await app.wire.postCanvas('/intercom/initialize', raw);
    answers.push({
      kind: 'sidebar',
      status: res.status,
      ms: performance.now() - started,
      unavailable: res.text.includes(STORE_UNAVAILABLE_TITLE),
    });
  };
  const loop = async (send: () => Promise<void>) => {
    while (running) await send();
  };
  const loops = [
    ...Array.from({ length: webhookSenders }, () => loop(webhook)),
    ...Array.from({ length: sidebarSenders }, () => loop(sidebar)),
  ];
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Notification ids the store holds for the demo workspace. */
export async function storedNotificationIds(database: Database): Promise<Set<string>> {
  const rows = await database.db.selectFrom('webhook_inbox').select('notification_id').execute();
  return new Set(rows.map((r) => r.notification_id));
}

/** Acknowledged (2xx) webhooks whose notification the store does not hold. */
export async function lostAcknowledged(answers: readonly Answer[], database: Database): Promise<string[]> {
  const stored = await storedNotificationIds(database);
  return answers
    .filter((a) => a.kind === 'webhook' && a.status >= 200 && a.status < 300 && a.notificationId && !stored.has(a.notificationId))
    .map((a) => a.notificationId ?? '');
}

/** Answers that are neither served nor the agreed "unavailable" answer (503 for webhooks, the canvas for views). */
export function unexpected(answers: readonly Answer[]): Answer[] {
  return answers.filter((a) => (a.kind === 'webhook' ? a.status !== 200 && a.status !== 503 : a.status !== 200));
}

export function slowest(answers: readonly Answer[]): number {
  return Math.round(answers.reduce((max, a) => Math.max(max, a.ms), 0));
}

/** Once the database is back, without a restart: a new webhook is stored and a sidebar view is a real one. */
export async function expectServing(app: WiredApp): Promise<void> {
  const load = startLoad(app, 1, 1);
  await load.stop();
  const [first, second] = load.answers;
  const byKind = Object.fromEntries([first, second].map((a) => [a?.kind, a]));
  expect([byKind.webhook?.status, byKind.sidebar?.status, byKind.sidebar?.unavailable]).toEqual([200, 200, false]);
  expect(await lostAcknowledged(load.answers, app.database)).toEqual([]);
}
