/**
 * /metrics through a prom-client Registry. Each scrape reads its sources (in-process totals, the outbox counters
 * the database maintains) and exposes them as gauges and counters. Two forms: Prometheus text for a scraper that
 * asks for it (`Accept: text/plain` or OpenMetrics), and the flat JSON object `{ name: value }` the app always
 * served, so existing readers (the benchmark, tests) keep working. A source that fails (database down) only drops
 * its own metrics: a probe answers whatever it can, quickly.
 */
import { Counter, Gauge, Registry } from 'prom-client';

export interface MetricDef {
  name: string;
  help: string;
  /** counter: only ever grows (a reader takes differences); gauge: a level. */
  type: 'counter' | 'gauge';
}

/** Values for some of the declared metrics; must be cheap (no table scan: see src/store/repos/outbox-housekeeping.ts). */
export type MetricSource = () => Promise<Record<string, number>>;

export interface MetricsEndpoint {
  /** Reads every source once and returns the answer in the form asked for. */
  scrape(accept: string | undefined): Promise<{ contentType: string; body: string }>;
}

function wantsText(accept: string | undefined): boolean {
  return accept !== undefined && /\btext\/plain\b|\bapplication\/openmetrics-text\b/i.test(accept);
}

export function createMetricsEndpoint(defs: readonly MetricDef[], sources: readonly MetricSource[]): MetricsEndpoint {
  const byName = new Map(defs.map((d) => [d.name, d]));
  return {
    async scrape(accept) {
      const results = await Promise.all(sources.map((read) => read().catch(() => ({}) as Record<string, number>)));
      const values = Object.assign({}, ...results) as Record<string, number>;
      // A registry per scrape: it holds exactly what was read now, and nothing stale from a source that failed.
      const registry = new Registry();
      for (const [name, value] of Object.entries(values)) {
        const def = byName.get(name);
        if (!def || !Number.isFinite(value)) continue;
        if (def.type === 'counter') new Counter({ name, help: def.help, registers: [registry] }).inc(Math.max(0, value));
        else new Gauge({ name, help: def.help, registers: [registry] }).set(value);
      }
      if (wantsText(accept)) return { contentType: registry.contentType, body: await registry.metrics() };
      const json: Record<string, number> = {};
      for (const metric of await registry.getMetricsAsJSON()) json[metric.name] = metric.values[0]?.value ?? 0;
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(json) };
    },
  };
}
