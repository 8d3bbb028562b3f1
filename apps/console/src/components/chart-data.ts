import type { EChartsCoreOption } from 'echarts/core';

/**
 * What a chart shows, independent of how it is drawn: categories along one axis and one or more
 * series of numbers. The same data feeds the drawing, its text summary and its table.
 */
export interface ChartSeries {
  name: string;
  values: number[];
  kind: 'line' | 'bar';
}

export interface ChartData {
  categories: string[];
  series: ChartSeries[];
  /** Bars grow to the right, categories read top to bottom (org comparisons). */
  horizontal?: boolean;
  /** Values are rates 0..1, shown as percentages. */
  percent?: boolean;
}

const BRAND = ['#c4161c', '#1f5fbf', '#d48806', '#389e0d'];

export function formatValue(value: number, data: Pick<ChartData, 'percent'>): string {
  return data.percent ? `${(value * 100).toFixed(1)}%` : value.toLocaleString('zh-CN');
}

/** A chart's text alternative: what it covers, and each series' total (counts) or range (rates) and peak. */
export function describeChart(title: string, data: ChartData): string {
  if (!data.categories.length) return `${title}：暂无数据`;
  const span =
    data.categories.length === 1 ? data.categories[0] : `${data.categories[0]}至${data.categories[data.categories.length - 1]}`;
  const parts = data.series.map((s) => {
    const peak = s.values.reduce((best, v, i) => (v > s.values[best] ? i : best), 0);
    const top = `最高 ${formatValue(s.values[peak] ?? 0, data)}（${data.categories[peak]}）`;
    if (data.percent) return `${s.name}${top}`;
    return `${s.name}合计 ${formatValue(s.values.reduce((a, b) => a + b, 0), data)}，${top}`;
  });
  return `${title}（${span}）：${parts.join('；')}`;
}

/** The chart as table rows: one per category, one column per series. */
export function tableRows(data: ChartData): Array<Record<string, string>> {
  return data.categories.map((category, i) => ({
    key: category,
    category,
    ...Object.fromEntries(data.series.map((s) => [s.name, formatValue(s.values[i] ?? 0, data)])),
  }));
}

/** Text colours with at least 4.5:1 contrast on the console's white cards and on the big screen's dark ones. */
const INK = {
  light: { text: '#262626', axis: '#434343', grid: '#f0f0f0' },
  dark: { text: '#f0f0f0', axis: '#d9d9d9', grid: '#30394f' },
};
export type ChartTone = keyof typeof INK;

/** The ECharts option for `data`: axes, a legend when there are several series, tooltips in Chinese. */
export function toOption(data: ChartData, tone: ChartTone = 'light'): EChartsCoreOption {
  const ink = INK[tone];
  const categoryAxis = {
    type: 'category',
    data: data.categories,
    inverse: Boolean(data.horizontal),
    axisLabel: { color: ink.axis, width: 120, overflow: 'truncate' },
  };
  const valueAxis = {
    type: 'value',
    minInterval: data.percent ? undefined : 1,
    max: data.percent ? 1 : undefined,
    axisLabel: { color: ink.axis, formatter: (v: number) => formatValue(v, data) },
    splitLine: { lineStyle: { color: ink.grid } },
  };
  return {
    color: BRAND,
    animation: false,
    grid: { left: 8, right: 24, top: data.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    backgroundColor: 'transparent',
    legend: data.series.length > 1 ? { top: 0, textStyle: { color: ink.text } } : undefined,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatValue(v, data) : String(v)),
    },
    xAxis: data.horizontal ? valueAxis : categoryAxis,
    yAxis: data.horizontal ? categoryAxis : valueAxis,
    series: data.series.map((s) => ({
      name: s.name,
      type: s.kind,
      data: s.values,
      showSymbol: data.categories.length <= 31,
      barMaxWidth: 28,
    })),
  };
}
