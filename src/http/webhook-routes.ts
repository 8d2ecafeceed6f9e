/**
 * POST /intercom/webhooks. Order matters: raw bytes → `X-Hub-Signature` (checked by the front door: 401, nothing
 * else happens) → envelope
 * (zod) → store in the inbox (deduplicated on the notification id; grouped commits, see jobs/webhook-intake.ts)
 * → 200, then the processor applies it. The
 * item is not parsed here: ingest must stay fast and make no Intercom call.
 *
 * Status codes, chosen for Intercom's delivery rules (more than 1,000 consecutive errors in 15 minutes pause the
 * whole topic for every workspace; errors for 7 days suspend a private app):
 * - unsigned or wrongly signed → 401: not from Intercom, and nothing is stored;
 * - signed but not JSON, or no envelope (no topic / id / app_id) → 400: nothing usable to store or retry;
 * - a signed envelope whose *item* is unusable → 200 and the row is marked failed by the processor: retrying the
 *   same bytes cannot help, and erroring would count toward pausing good notifications;
 * - ping, unknown topics, workspaces that have not installed Handoff, duplicates → 200 (acknowledged, ignored);
 * - the database out of reach, or the intake's queue full → 503 with Retry-After: nothing stored, Intercom retries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/logger';
import { parseEnvelope } from '../services/sync/webhook-payloads';
import { type MachineRoute, replyError, replyJson } from './front-door';
import { parseJson } from './raw-body';
import { IntakeFullError, type WebhookIntake } from '../jobs/webhook-intake';
import { installedCheck } from '../services/sync/installed-check';

export interface WebhookRouteDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Stores deliveries (grouped into shared commits) and hands new ones to the processor. */
  intake: WebhookIntake;
}

export const WEBHOOK_PATH = '/intercom/webhooks';

export function webhookRoute(deps: WebhookRouteDeps): MachineRoute {
  const log = deps.logger.child({ route: 'webhook' });
  const isInstalled = installedCheck(deps.store, deps.clock);
  const onBody = async (raw: Buffer, _req: IncomingMessage, res: ServerResponse) => {
    const json = parseJson(raw);
    const envelope = json.ok ? parseEnvelope(json.value) : ({ kind: 'malformed', problem: 'not JSON' } as const);
    if (envelope.kind === 'malformed') {
      log.warn({ problem: envelope.problem }, 'signed webhook without a usable envelope');
      replyJson(res, 400, { error: 'bad_request' });
      return;
    }
    if (envelope.kind === 'ping') {
      replyJson(res, 200, { ok: true, ping: true });
      return;
    }
    const { workspaceId, notificationId, topic, payload } = envelope;
    const fields = { workspaceId, notificationId, topic };
    if (!(await isInstalled(workspaceId))) {
      // Stored nowhere: an app's endpoint hears from every workspace that ever installed it.
      log.info(fields, 'webhook for a workspace without Handoff installed; ignored');
      replyJson(res, 200, { ok: true, ignored: 'not_installed' });
      return;
    }
    let accepted: 'new' | 'duplicate';
    try {
      accepted = await deps.intake.accept({ workspaceId, notificationId, topic, payload });
    } catch (error) {
      if (error instanceof IntakeFullError) {
        log.warn(fields, 'webhook intake full; refused for a later delivery');
        replyError(res, 503);
        return;
      }
      // An item nested thousands deep overflows JSON.stringify before anything is written: unusable, not a crash.
      if (!(error instanceof RangeError)) throw error;
      log.warn(fields, 'signed webhook too deeply nested to store');
      replyJson(res, 400, { error: 'bad_request' });
      return;
    }
    if (accepted === 'duplicate') log.info(fields, 'duplicate webhook acknowledged');
    replyJson(res, 200, ACKNOWLEDGED[accepted]);
  };
  return { path: WEBHOOK_PATH, signedWith: 'webhook', onBody };
}

/**
 * The two answers a burst repeats thousands of times, serialised once: `res.json` would stringify each one and
 * hash it for an ETag nobody asks of a webhook answer (a fifth of the ingest path in the benchmark's profile).
 */
const ACKNOWLEDGED = {
  new: Buffer.from(JSON.stringify({ ok: true, duplicate: false })),
  duplicate: Buffer.from(JSON.stringify({ ok: true, duplicate: true })),
};
