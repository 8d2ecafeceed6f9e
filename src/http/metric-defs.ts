/**
 * Every metric /metrics serves, with its type and meaning: the names are a contract with whoever scrapes them.
 * `outbox_pending` kept its name when it moved from a count over the outbox to the maintained counters.
 */
import { TRIAGE_AI_METRICS } from '../services/triage-ai';
import type { MetricDef } from './metrics';

export const METRIC_DEFS: readonly MetricDef[] = [
  { name: 'intercom_api_calls_total', type: 'counter', help: 'Intercom REST calls made by this process.' },
  {
    name: 'intercom_requests_total',
    type: 'counter',
    help: 'Intercom REST calls made by this process, by method, endpoint (ids masked) and answer status (network: none).',
  },
  { name: 'sidebar_views_total', type: 'counter', help: 'Sidebar views answered by this process.' },
  { name: 'sidebar_intercom_calls_total', type: 'counter', help: 'Intercom calls made while answering sidebar views.' },
  { name: 'sidebar_views_without_intercom_calls_total', type: 'counter', help: 'Sidebar views answered without calling Intercom.' },
  { name: 'sidebar_views_reused_total', type: 'counter', help: 'Sidebar views answered from an earlier render.' },
  {
    name: 'sidebar_views_reused_shared_total',
    type: 'counter',
    help: 'Of those, views answered from a render another instance made and offered (PostgreSQL).',
  },
  {
    name: 'sidebar_views_reused_ratio',
    type: 'gauge',
    help: 'Share of this process’s sidebar views answered from an earlier render, since start.',
  },
  {
    name: 'sidebar_reuse_misses_total',
    type: 'counter',
    help: 'Sidebar views rendered afresh, by reason: none kept, expired, or stale by a write (unheard, everything, workspace, subject; written here or heard through NOTIFY).',
  },
  {
    name: 'webhook_backlog',
    type: 'gauge',
    help: 'Webhook notifications stored and not yet applied, every instance (counted up to 10,000).',
  },
  { name: 'webhook_lag_seconds', type: 'gauge', help: 'Age of the stored webhook notification due to be applied next (0: none waiting).' },
  {
    name: 'sla_scheduler_lag_seconds',
    type: 'gauge',
    help: 'How overdue the most overdue SLA clock was at this process’s last scheduler tick.',
  },
  { name: 'outbox_pending', type: 'gauge', help: 'Outbox jobs waiting or running, every workspace.' },
  { name: 'outbox_dead', type: 'gauge', help: 'Outbox jobs dead-lettered and not retried yet, every workspace.' },
  { name: 'outbox_dead_lettered_total', type: 'counter', help: 'Outbox jobs ever dead-lettered (a purged workspace takes its share).' },
  ...TRIAGE_AI_METRICS.map((metric) => ({ ...metric, type: 'counter' as const })),
];
