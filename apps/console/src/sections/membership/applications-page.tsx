import {
  APPLICATION_STATUS_LABELS,
  WORKER_CATEGORY_LABELS,
  type ApplicationStatus,
  type ReviewApplicationView,
} from '@jingcai/shared';
import { App, Button, Descriptions, Drawer, Image, Popconfirm, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { membershipApi } from '../../services/membership';
import OrgRequestsPanel from './org-requests-panel';
import { RejectReasonModal } from './reject-reason-modal';
import { clickableRow } from '../../components/clickable-row';

const STATUS_COLORS: Record<ApplicationStatus, string> = { pending: 'gold', approved: 'green', rejected: 'default' };
type StatusFilter = ApplicationStatus | 'all';

export function applicantOrg(app: ReviewApplicationView): string {
  return app.org?.name ?? (app.orgNotListed ? `${app.orgNotListed}（不在列表中）` : '—');
}

/** Membership reviews: joining applications, and org changes (which are reviewed like joining). */
export default function ApplicationsPage() {
  return (
    <>
      <PageHeader title="入会审核" sub="本组织及下级组织收到的入会申请（含新就业形态身份认证）和组织变更申请" />
      <Tabs
        items={[
          { key: 'join', label: '入会申请', children: <JoinApplications /> },
          { key: 'org', label: '组织变更申请', children: <OrgRequestsPanel /> },
        ]}
      />
    </>
  );
}

/** Joining applications of the staff member's subtree: pending first, each opened to review. */
function JoinApplications() {
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<ReviewApplicationView | null>(null);
  const load = useCallback(
    () => membershipApi.list({ status: status === 'all' ? undefined : status, page, pageSize }),
    [status, page, pageSize],
  );
  const list = useRequest(load);

  return (
    <>
      <Segmented<StatusFilter>
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={[
          { value: 'pending', label: '待审核' },
          { value: 'approved', label: '已通过' },
          { value: 'rejected', label: '未通过' },
          { value: 'all', label: '全部' },
        ]}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<ReviewApplicationView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: status === 'pending' ? '没有待审核的申请' : '暂无申请' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        onRow={(record) => clickableRow(() => setOpen(record))}
        columns={[
          { title: '申请人', dataIndex: 'realName' },
          { title: '手机号', dataIndex: 'phone' },
          { title: '工会 / 单位', render: (_, r) => applicantOrg(r) },
          { title: '身份', render: (_, r) => WORKER_CATEGORY_LABELS[r.category] },
          { title: '平台', dataIndex: 'platform', render: (v: string | null) => v ?? '—' },
          { title: '提交时间', dataIndex: 'submittedAt', render: formatTime },
          { title: '状态', dataIndex: 'status', render: (s: ApplicationStatus) => <Tag color={STATUS_COLORS[s]}>{APPLICATION_STATUS_LABELS[s]}</Tag> },
          { title: '操作', render: (_, r) => <Button type="link" onClick={() => setOpen(r)}>{r.status === 'pending' ? '审核' : '查看'}</Button> },
        ]}
      />
      <ReviewDrawer
        application={open}
        onClose={() => setOpen(null)}
        onDecided={(decided) => {
          setOpen(decided);
          list.reload();
        }}
      />
    </>
  );
}

function ReviewDrawer({
  application,
  onClose,
  onDecided,
}: {
  application: ReviewApplicationView | null;
  onClose: () => void;
  onDecided: (decided: ReviewApplicationView) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);

  const approve = async () => {
    if (!application) return;
    setBusy(true);
    try {
      const decided = await membershipApi.approve(application.id);
      void message.success(`已通过，会员号 ${decided.memberNo ?? ''}`);
      onDecided(decided);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const reject = async (reason: string): Promise<boolean> => {
    if (!application) return false;
    setBusy(true);
    try {
      const decided = await membershipApi.reject(application.id, reason);
      void message.success('已驳回，申请人会收到通知');
      setRejecting(false);
      onDecided(decided);
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const a = application;
  return (
    <Drawer
      title={a ? `入会申请 · ${a.realName}` : ''}
      open={!!a}
      onClose={onClose}
      width={560}
      extra={
        a?.status === 'pending' ? (
          <Space>
            <Button danger disabled={busy} onClick={() => setRejecting(true)}>
              驳回
            </Button>
            <Popconfirm
              title="通过这份入会申请？"
              description="通过后申请人成为工会会员并获得会员号，此操作不可撤销。"
              okText="通过"
              cancelText="取消"
              onConfirm={() => approve()}
            >
              <Button type="primary" loading={busy}>
                通过
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {a ? (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLORS[a.status]}>{APPLICATION_STATUS_LABELS[a.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="姓名">{a.realName}</Descriptions.Item>
            <Descriptions.Item label="手机号">{a.phone}</Descriptions.Item>
            <Descriptions.Item label="工会 / 单位">{applicantOrg(a)}</Descriptions.Item>
            <Descriptions.Item label="身份">{WORKER_CATEGORY_LABELS[a.category]}</Descriptions.Item>
            <Descriptions.Item label="服务平台">{a.platform ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatTime(a.submittedAt)}</Descriptions.Item>
            {a.memberNo ? <Descriptions.Item label="会员号">{a.memberNo}</Descriptions.Item> : null}
            {a.decidedAt ? (
              <Descriptions.Item label="处理">
                {formatTime(a.decidedAt)} {a.decidedBy ?? ''}
              </Descriptions.Item>
            ) : null}
            {a.rejectReason ? <Descriptions.Item label="驳回原因">{a.rejectReason}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            身份证明材料
          </Typography.Title>
          {a.proofPhotoUrl ? (
            <Image src={a.proofPhotoUrl} alt="证明材料" width={240} />
          ) : (
            <Typography.Text type="secondary">未上传（企业职工无需证明材料）</Typography.Text>
          )}
        </>
      ) : null}
      <RejectReasonModal
        title="驳回入会申请"
        open={rejecting}
        busy={busy}
        placeholder="例如：所填单位与证明材料不一致"
        onCancel={() => setRejecting(false)}
        onReject={reject}
      />
    </Drawer>
  );
}
