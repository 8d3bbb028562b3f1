// The only module that imports ECharts: loaded on demand (see chart.tsx), so the library stays out of
// the first load. Only the pieces the console draws are registered, which keeps this chunk small.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { toOption, type ChartData, type ChartTone } from './chart-data';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export default function EChartsView({ data, height, label, tone }: {
  data: ChartData;
  height: number;
  label: string;
  tone: ChartTone;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(toOption(data, tone), true);
  }, [data, tone]);

  return <div ref={box} role="img" aria-label={label} className="jc-chart" style={{ width: '100%', height }} />;
}
