import { BENEFIT_KIND_LABELS, type RedemptionView } from '@jingcai/shared';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Table } from 'antd';
import { useCallback } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useInterval, useRequest } from '../../hooks/use-request';
import { careApi } from '../../services/care';

/** Today's (Asia/Shanghai) redemptions at the stations of the staff member's subtree, refreshed every 30 s. */
export default function RedemptionsPage() {
  const load = useCallback(() => careApi.redemptionsToday(), []);
  const list = useRequest(load);
  useInterval(list.reload, 30_000);
  return (
    <>
      <PageHeader
        title="今日核销"
        sub={`共 ${list.data?.length ?? 0} 笔`}
        extra={<Button icon={<ReloadOutlined />} loading={list.loading} onClick={list.reload}>刷新</Button>}
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="站点工作人员在小程序的工作人员页面扫码或输入领取码核销。" />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<RedemptionView>
        rowKey="claimId"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: '今天还没有核销记录' }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 笔` }}
        columns={[
          { title: '核销时间', dataIndex: 'redeemedAt', render: formatTime },
          { title: '福利', render: (_, r) => `${r.benefit.title}（${BENEFIT_KIND_LABELS[r.benefit.kind]}）` },
          { title: '站点', render: (_, r) => r.station.name },
          { title: '职工', dataIndex: 'workerName', render: (v: string | null) => v ?? '—' },
          { title: '手机号', dataIndex: 'workerPhone', render: (v: string | null) => v ?? '—' },
          { title: '核销人', dataIndex: 'redeemedBy' },
        ]}
      />
    </>
  );
}
