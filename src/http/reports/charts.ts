/**
 * Charts drawn on the server as SVG with Apache ECharts' server-side renderer: no script reaches the browser, so
 * the page keeps its script-free CSP. ECharts writes its text styles as inline `style` attributes and a `<style>`
 * block, which that CSP (no inline styles) would refuse; they are removed here and the stylesheet sets the font.
 * Every label comes from our own vocabulary (weeks, queues, priorities), never from customer text.
 */
import type * as Echarts from 'echarts';
import type { Cell } from '../../domain/reports/table';

const WIDTH = 520;
const HEIGHT = 240;
const COLORS = ['#3b6fd4', '#d4493b', '#8a94a6', '#2e9e6a', '#c48a1b'];

export interface Series {
  name: string;
  values: readonly Cell[];
  stack?: string;
}

/**
 * ECharts is required on the first chart, not at start: its one 3.8 MB file would be compiled by every start and by
 * every jest test file that builds the app (jest loads modules afresh per file), most of which draw no chart.
 */
let loaded: typeof Echarts | undefined;
function echarts(): typeof Echarts {
  loaded ??= require('echarts') as typeof Echarts;
  return loaded;
}

function render(option: Echarts.EChartsCoreOption): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({ animation: false, color: COLORS, ...option });
    return chart
      .renderToSVGString()
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/ style="[^"]*"/g, '');
  } finally {
    chart.dispose();
  }
}

const numeric = (values: readonly Cell[]) => values.map((v) => (typeof v === 'number' ? v : null));

/** Bars (grouped, or stacked when the series share a `stack`) over categories. */
export function barChart(title: string, categories: readonly string[], series: readonly Series[], unit = ''): string {
  return render({
    aria: { enabled: true, label: { description: title } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 48, right: 16, top: series.length > 1 ? 32 : 16, bottom: 48 },
    xAxis: { type: 'category', data: [...categories], axisLabel: { interval: 0, rotate: categories.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    series: series.map((s) => ({ type: 'bar', name: s.name, stack: s.stack, data: numeric(s.values) })),
  });
}

/** Lines over weeks; a missing value is a gap, not a zero. */
export function lineChart(title: string, categories: readonly string[], series: readonly Series[], unit = ''): string {
  return render({
    aria: { enabled: true, label: { description: title } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 48, right: 16, top: series.length > 1 ? 32 : 16, bottom: 48 },
    xAxis: { type: 'category', data: [...categories], axisLabel: { rotate: categories.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    series: series.map((s) => ({ type: 'line', name: s.name, data: numeric(s.values), connectNulls: false })),
  });
}
