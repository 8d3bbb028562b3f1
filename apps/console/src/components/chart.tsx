import { Segmented, Skeleton, Table } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { describeChart, tableRows, type ChartData, type ChartTone } from './chart-data';

// ECharts is a few hundred KB: it loads with the first chart a page draws, never with the login page.
const EChartsView = lazy(() => import('./echarts-view'));

/**
 * A chart with its text alternative: the drawing carries a summary as its accessible name, and a toggle
 * shows the same figures as a table (readable by screen readers and by anyone who wants exact numbers).
 */
export function Chart({ title, data, height = 280, categoryTitle = '日期', tone = 'light' }: {
  title: string;
  data: ChartData;
  height?: number;
  tone?: ChartTone;
  /** The table's first column heading. */
  categoryTitle?: string;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const summary = useMemo(() => describeChart(title, data), [title, data]);
  return (
    <figure style={{ margin: 0 }} data-chart={title}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <Segmented
          size="small"
          aria-label={`${title}：切换图表或表格`}
          value={view}
          onChange={(value) => setView(value as 'chart' | 'table')}
          options={[
            { label: '图表', value: 'chart' },
            { label: '表格', value: 'table' },
          ]}
        />
      </div>
      {view === 'chart' ? (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
          <EChartsView data={data} height={height} label={summary} tone={tone} />
        </Suspense>
      ) : (
        <Table
          size="small"
          pagination={false}
          scroll={{ y: height }}
          dataSource={tableRows(data)}
          columns={[
            { title: categoryTitle, dataIndex: 'category' },
            ...data.series.map((s) => ({ title: s.name, dataIndex: s.name, align: 'right' as const })),
          ]}
        />
      )}
    </figure>
  );
}
