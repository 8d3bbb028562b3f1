import type { ViewLogEntry } from '@jingcai/shared';
import { Drawer, Table } from 'antd';
import { useCallback } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { formatTime } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { assistanceApi } from '../../services/assistance';

/** Admins: who opened or exported an application, and when (the API logs every staff view). */
export function ViewLogDrawer({ applicationId, onClose }: { applicationId: number | null; onClose: () => void }) {
  return (
    <Drawer title="查看记录" open={applicationId !== null} onClose={onClose} width={520} destroyOnHidden>
      {applicationId !== null && <ViewLog applicationId={applicationId} />}
    </Drawer>
  );
}

function ViewLog({ applicationId }: { applicationId: number }) {
  const load = useCallback(() => assistanceApi.views(applicationId), [applicationId]);
  const log = useRequest(load);
  return (
    <>
      <ErrorAlert error={log.error} onRetry={log.reload} />
      <Table<ViewLogEntry>
        rowKey={(entry) => `${entry.viewerId}-${entry.at}-${entry.action}`}
        size="small"
        loading={log.loading}
        dataSource={log.data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', render: formatTime },
          { title: '查看人', dataIndex: 'viewerName' },
          { title: '方式', dataIndex: 'action', render: (action: ViewLogEntry['action']) => (action === 'export' ? '导出' : '查看') },
        ]}
      />
    </>
  );
}
