/**
 * Every metric /metrics serves, with its type and meaning: the names are a contract with whoever scrapes them.
 * `outbox_pending` kept its name when it moved from a count over the outbox to the maintained counters.
 */
import type { MetricDef } from './metrics';

export const METRIC_DEFS: readonly MetricDef[] = [
  { name: 'intercom_api_calls_total', type: 'counter', help: 'Intercom REST calls made by this process.' },
  { name: 'sidebar_views_total', type: 'counter', help: 'Sidebar views answered by this process.' },
  { name: 'sidebar_intercom_calls_total', type: 'counter', help: 'Intercom calls made while answering sidebar views.' },
  { name: 'sidebar_views_without_intercom_calls_total', type: 'counter', help: 'Sidebar views answered without calling Intercom.' },
  { name: 'sidebar_views_reused_total', type: 'counter', help: 'Sidebar views answered from an earlier render.' },
  { name: 'outbox_pending', type: 'gauge', help: 'Outbox jobs waiting or running, every workspace.' },
  { name: 'outbox_dead', type: 'gauge', help: 'Outbox jobs dead-lettered and not retried yet, every workspace.' },
  { name: 'outbox_dead_lettered_total', type: 'counter', help: 'Outbox jobs ever dead-lettered (a purged workspace takes its share).' },
];
