import { ASSISTANCE_KIND_LABELS, ASSISTANCE_KINDS, type AssistanceStatsRow } from '@jingcai/shared';
import { InputNumber, Space, Table } from 'antd';
import { useCallback, useState } from 'react';
import { DownloadButton } from '../../components/download-button';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { assistanceApi } from '../../services/assistance';
import { yuan } from './assistance-labels';

type Row = Omit<AssistanceStatsRow, 'org'> & { key: string; name: string };

/** 年度统计: applications, grants, the register and 微心愿 by street, for the union's annual report. No names. */
export default function ReportPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const load = useCallback(() => assistanceApi.stats(year), [year]);
  const stats = useRequest(load);
  const rows: Row[] = stats.data
    ? [
        ...stats.data.rows.map(({ org, ...figures }) => ({ ...figures, key: String(org.id), name: org.name })),
        { ...stats.data.totals, key: 'total', name: '合计' },
      ]
    : [];

  return (
    <>
      <PageHeader
        title="帮扶统计"
        sub="按街道汇总，不含任何个人信息"
        extra={<DownloadButton label="导出 Excel" run={(onProgress) => assistanceApi.exportStats(year, onProgress)} />}
      />
      <Space style={{ marginBottom: 16 }}>
        <span>年度</span>
        <InputNumber aria-label="年度" min={2020} max={2100} value={year} onChange={(value) => value && setYear(value)} />
      </Space>
      <ErrorAlert error={stats.error} onRetry={stats.reload} />
      <Table<Row>
        rowKey="key"
        loading={stats.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: '暂无数据' }}
        columns={[
          { title: '组织', dataIndex: 'name' },
          { title: '申请', dataIndex: 'applications' },
          ...ASSISTANCE_KINDS.map((kind) => ({
            title: `发放·${ASSISTANCE_KIND_LABELS[kind]}`,
            render: (_: unknown, r: Row) => r.granted[kind],
          })),
          { title: '发放金额（元）', render: (_, r) => yuan(r.grantedAmount) },
          { title: '建档家庭', dataIndex: 'registered' },
          { title: '发布心愿', dataIndex: 'wishesPublished' },
          { title: '已认领', dataIndex: 'wishesClaimed' },
          { title: '已圆梦', dataIndex: 'wishesFulfilled' },
        ]}
      />
    </>
  );
}
