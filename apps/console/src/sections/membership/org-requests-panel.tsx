import type { OrgRequestView } from '@jingcai/shared';
import { App, Button, Popconfirm, Space, Table } from 'antd';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { membershipApi } from '../../services/membership';
import { RejectReasonModal } from './reject-reason-modal';

/**
 * Workers asking to move to an org of the staff member's subtree. Until approved their org stays the
 * verified one, and with it their member card, audiences and eligibility; staff never see their own.
 */
export default function OrgRequestsPanel() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [busy, setBusy] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<OrgRequestView | null>(null);
  const load = useCallback(() => membershipApi.orgRequests({ page, pageSize }), [page, pageSize]);
  const list = useRequest(load);

  /** Approves, or with a reason rejects; resolves whether it was recorded. */
  const decide = async (request: OrgRequestView, reason?: string): Promise<boolean> => {
    setBusy(request.userId);
    try {
      if (reason === undefined) {
        await membershipApi.approveOrgRequest(request.userId);
        void message.success(`已通过，${request.realName ?? '该职工'}已转入${request.requestedOrg.name}`);
      } else {
        await membershipApi.rejectOrgRequest(request.userId, reason);
        void message.success('已驳回，申请人会收到通知');
        setRejecting(null);
      }
      list.reload();
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<OrgRequestView>
        rowKey="userId"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有待审核的组织变更申请' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '职工', dataIndex: 'realName', render: (v: string | null) => v ?? '—' },
          { title: '手机号', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: '现所属工会', render: (_, r) => r.currentOrg?.name ?? '未加入' },
          { title: '申请转入', render: (_, r) => r.requestedOrg.name },
          {
            title: '会员',
            render: (_, r) => (r.membership === 'member' ? (r.memberNo ?? '会员') : '非会员'),
          },
          { title: '提交时间', dataIndex: 'requestedAt', render: formatTime },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                <Popconfirm
                  title="通过这份组织变更申请？"
                  description="通过后该职工的所属工会、会员证和可参加的活动随之变更。"
                  okText="通过"
                  cancelText="取消"
                  onConfirm={() => decide(r)}
                >
                  <Button type="link" loading={busy === r.userId}>
                    通过
                  </Button>
                </Popconfirm>
                <Button type="link" danger disabled={busy === r.userId} onClick={() => setRejecting(r)}>
                  驳回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <RejectReasonModal
        title="驳回组织变更申请"
        open={!!rejecting}
        busy={busy !== null}
        placeholder="例如：该单位未登记此职工"
        onCancel={() => setRejecting(null)}
        onReject={(reason) => (rejecting ? decide(rejecting, reason) : Promise.resolve(false))}
      />
    </>
  );
}
