/**
 * /metrics through a prom-client Registry. Each scrape reads its sources (in-process totals, the outbox counters
 * the database maintains) and exposes them as gauges and counters. Two forms: Prometheus text for a scraper that
 * asks for it (`Accept: text/plain` or OpenMetrics), and the flat JSON object `{ name: value }` the app always
 * served, so existing readers (the benchmark, tests) keep working. A source that fails (database down) only drops
 * its own metrics: a probe answers whatever it can, quickly.
 *
 * Labelled series (Intercom calls by endpoint and status) come from sources as samples; histograms the process keeps
 * all along (request latencies by route, src/http/request-metrics.ts) come as live registries, in the text form only.
 * The JSON form keeps one number per name: a labelled metric's samples summed.
 */
import { Counter, Gauge, Registry } from 'prom-client';

export interface MetricDef {
  name: string;
  help: string;
  /** counter: only ever grows (a reader takes differences); gauge: a level. */
  type: 'counter' | 'gauge';
}

/** One value of a labelled metric. */
export interface LabelledSample {
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** Values for some of the declared metrics; must be cheap (no table scan: see src/store/repos/outbox-housekeeping.ts). */
export type MetricSource = () => Promise<Record<string, number | readonly LabelledSample[]>>;

export interface MetricsEndpoint {
  /** Reads every source once and returns the answer in the form asked for. */
  scrape(accept: string | undefined): Promise<{ contentType: string; body: string }>;
}

function wantsText(accept: string | undefined): boolean {
  return accept !== undefined && /\btext\/plain\b|\bapplication\/openmetrics-text\b/i.test(accept);
}

type Read = Record<string, number | readonly LabelledSample[]>;

export function createMetricsEndpoint(
  defs: readonly MetricDef[],
  sources: readonly MetricSource[],
  live: readonly Registry[] = [],
): MetricsEndpoint {
  const byName = new Map(defs.map((d) => [d.name, d]));
  return {
    async scrape(accept) {
      const results = await Promise.all(sources.map((read) => read().catch(() => ({}) as Read)));
      const values = Object.assign({}, ...results) as Read;
      // A registry per scrape: it holds exactly what was read now, and nothing stale from a source that failed.
      const registry = new Registry();
      const json: Record<string, number> = {};
      for (const [name, value] of Object.entries(values)) {
        const def = byName.get(name);
        if (!def || (typeof value === 'number' && !Number.isFinite(value))) continue;
        const samples = typeof value === 'number' ? [{ labels: {}, value }] : value.filter((sample) => Number.isFinite(sample.value));
        const labelNames = [...new Set(samples.flatMap((sample) => Object.keys(sample.labels)))];
        const config = { name, help: def.help, labelNames, registers: [registry] };
        const metric = def.type === 'counter' ? new Counter(config) : new Gauge(config);
        for (const { labels, value: v } of samples) {
          if (metric instanceof Counter) metric.inc(labels, Math.max(0, v));
          else metric.set(labels, v);
        }
        json[name] = samples.reduce((sum, sample) => sum + sample.value, 0);
      }
      if (wantsText(accept)) {
        const merged = Registry.merge([registry, ...live]);
        return { contentType: registry.contentType, body: await merged.metrics() };
      }
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(json) };
    },
  };
}
