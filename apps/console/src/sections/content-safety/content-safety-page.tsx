import type { ModerationItemView, ModerationReason, ModerationStatus } from '@jingcai/shared';
import { App, Button, Image, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { contentSafetyApi } from '../../services/content-safety';

const REASON_LABELS: Record<ModerationReason, string> = {
  review: '微信建议人工复核',
  wechat_unavailable: '微信内容安全接口暂不可用',
  image_pending: '图片检测中',
};

/** What each subject type is, as staff know it. Unknown types show as they are. */
const SUBJECT_LABELS: Record<string, string> = {
  user_nickname: '昵称',
  user_avatar: '头像',
  reading_checkin: '读后感',
  reading_photo: '读书打卡图片',
  legal_question: '法律咨询',
  photo: '咨询、援助或入会证明图片',
};

const STATUS_TAGS: Record<ModerationStatus, { label: string; color: string }> = {
  pending: { label: '待审核', color: 'gold' },
  approved: { label: '已通过', color: 'green' },
  rejected: { label: '已拒绝', color: 'default' },
};

/** Worker-written content WeChat flagged for a person to check, or could not check: approve or reject. */
export default function ContentSafetyPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<ModerationStatus>('pending');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [busy, setBusy] = useState<number | null>(null);
  const load = useCallback(() => contentSafetyApi.list({ status, page, pageSize }), [status, page, pageSize]);
  const list = useRequest(load);

  const decide = async (item: ModerationItemView, approve: boolean) => {
    setBusy(item.id);
    try {
      await (approve ? contentSafetyApi.approve(item.id) : contentSafetyApi.reject(item.id));
      void message.success(approve ? '已通过，内容已公开' : '已拒绝，作者会收到通知');
      list.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title="内容审核" sub="本组织及下级组织职工提交、需要人工复核的内容" />
      <Segmented<ModerationStatus>
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={[
          { value: 'pending', label: '待审核' },
          { value: 'approved', label: '已通过' },
          { value: 'rejected', label: '已拒绝' },
        ]}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<ModerationItemView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: status === 'pending' ? '没有待审核的内容' : '暂无记录' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '类型', render: (_, m) => SUBJECT_LABELS[m.subjectType] ?? m.subjectType, width: 110 },
          {
            title: '内容',
            render: (_, m) =>
              m.kind === 'image' ? (
                <Image src={m.content} width={120} alt="待审核图片" />
              ) : (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, maxWidth: 520 }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
                  {m.content}
                </Typography.Paragraph>
              ),
          },
          { title: '原因', render: (_, m) => REASON_LABELS[m.reason], width: 170 },
          { title: '提交时间', dataIndex: 'createdAt', render: formatTime, width: 150 },
          { title: '状态', render: (_, m) => <Tag color={STATUS_TAGS[m.status].color}>{STATUS_TAGS[m.status].label}</Tag>, width: 90 },
          {
            title: '操作',
            width: 160,
            render: (_, m) =>
              m.status === 'pending' ? (
                <Space>
                  <Popconfirm title="通过这条内容？" description="通过后将公开展示，不能撤回。" okText="通过" cancelText="取消" onConfirm={() => decide(m, true)}>
                    <Button type="primary" size="small" loading={busy === m.id}>
                      通过
                    </Button>
                  </Popconfirm>
                  <Popconfirm title="拒绝这条内容？" description="拒绝后不会公开，作者会收到通知。" okText="拒绝" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => decide(m, false)}>
                    <Button danger size="small" disabled={busy === m.id}>
                      拒绝
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                formatTime(m.decidedAt)
              ),
          },
        ]}
      />
    </>
  );
}
