/**
 * Outgoing webhooks, as Intercom sends them: a `notification_event` envelope POSTed as JSON and signed with
 * `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body, keyed with the app's client secret>`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Clock } from '../../util/clock';

export interface WebhookConfig {
  url: string;
  clientSecret: string;
}

export interface WebhookDelivery {
  /** The notification id (`notif_…`), the receiver's idempotency key. */
  id: string;
  topic: string;
  workspaceId: string;
  /** HTTP status the receiver answered, 0 when it could not be reached. */
  status: number;
  error: string | null;
  /** The exact bytes sent and signed. */
  body: string;
  signature: string;
}

export function signWebhookBody(rawBody: string, clientSecret: string): string {
  return `sha1=${createHmac('sha1', clientSecret).update(rawBody).digest('hex')}`;
}

export function notificationEnvelope(id: string, workspaceId: string, topic: string, item: unknown, nowSeconds: number) {
  return {
    type: 'notification_event',
    app_id: workspaceId,
    data: { type: 'notification_event_data', item },
    links: {},
    id,
    topic,
    delivery_status: 'pending',
    delivery_attempts: 1,
    delivered_at: 0,
    first_sent_at: nowSeconds,
    created_at: nowSeconds,
    self: null,
  };
}

export class WebhookSender {
  private config: WebhookConfig | null = null;
  readonly deliveries: WebhookDelivery[] = [];

  constructor(private readonly clock: Clock) {}

  configure(config: WebhookConfig | null): void {
    this.config = config;
  }

  get configured(): boolean {
    return this.config !== null;
  }

  /** Sends one notification and records the outcome; never throws for a receiver's failure, like Intercom. */
  async send(workspaceId: string, topic: string, item: unknown): Promise<WebhookDelivery> {
    const config = this.config;
    if (!config) throw new Error('Webhooks are not configured: call fake.configureWebhooks({ url, clientSecret }) first');
    // Random, not sequential: ids must stay unique across fake restarts, as a receiver deduplicates on them.
    const id = `notif_${randomUUID()}`;
    const body = JSON.stringify(notificationEnvelope(id, workspaceId, topic, item, Math.floor(this.clock.now() / 1000)));
    const signature = signWebhookBody(body, config.clientSecret);
    const delivery: WebhookDelivery = { id, topic, workspaceId, status: 0, error: null, body, signature };
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature': signature, 'User-Agent': 'Intercom-Webhooks/fake' },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      delivery.status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    this.deliveries.push(delivery);
    return delivery;
  }
}
