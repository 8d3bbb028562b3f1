import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_REPLY_WORKING_DAYS,
  type FeedbackCategory,
  type FeedbackStatus,
  type FeedbackView,
} from '@jingcai/shared';
import { App, Button, Checkbox, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { feedbackApi } from '../../services/feedback';
import { errorMessage } from '../../services/http';
import { ReplyModal } from './reply-modal';

/** 投诉建议: what workers of the subtree sent, the earliest due first, and the reply form. */
export default function FeedbackPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<FeedbackStatus>('open');
  const [category, setCategory] = useState<FeedbackCategory | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [replying, setReplying] = useState<FeedbackView | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () => feedbackApi.list({ status, category, overdue: overdue || undefined, page, pageSize }),
    [status, category, overdue, page, pageSize],
  );
  const list = useRequest(load);
  const filtered = (apply: () => void) => {
    apply();
    setPage(1);
  };

  const reply = async (text: string): Promise<boolean> => {
    if (!replying) return false;
    setBusy(true);
    try {
      await feedbackApi.reply(replying.id, { text });
      void message.success('已答复，职工会收到通知');
      setReplying(null);
      list.reload();
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="投诉建议"
        sub={`本组织及下级组织职工提交的投诉和建议，请在 ${FEEDBACK_REPLY_WORKING_DAYS} 个工作日内答复`}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<FeedbackStatus>
          value={status}
          onChange={(value) => filtered(() => setStatus(value))}
          options={[
            { value: 'open', label: '待答复' },
            { value: 'replied', label: '已答复' },
          ]}
        />
        <Select<FeedbackCategory>
          aria-label="类型"
          allowClear
          placeholder="全部类型"
          style={{ width: 140 }}
          value={category}
          onChange={(value) => filtered(() => setCategory(value))}
          options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: FEEDBACK_CATEGORY_LABELS[c] }))}
        />
        {status === 'open' && (
          <Checkbox checked={overdue} onChange={(e) => filtered(() => setOverdue(e.target.checked))}>
            只看超期
          </Checkbox>
        )}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<FeedbackView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: status === 'open' ? '没有待答复的投诉建议' : '暂无记录' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '类型', render: (_, f) => FEEDBACK_CATEGORY_LABELS[f.category], width: 80 },
          {
            title: '内容',
            render: (_, f) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, maxWidth: 420 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
                {f.text}
              </Typography.Paragraph>
            ),
          },
          {
            title: '提交人',
            width: 170,
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <span>{f.senderName}</span>
                {f.orgName && <Typography.Text type="secondary">{f.orgName}</Typography.Text>}
                {f.wantsContact && <Typography.Text type="secondary">希望联系 {f.senderPhone ?? ''}</Typography.Text>}
              </Space>
            ),
          },
          { title: '提交时间', dataIndex: 'createdAt', render: formatTime, width: 150 },
          {
            title: status === 'open' ? '答复期限' : '答复',
            width: 220,
            render: (_, f) =>
              f.status === 'open' ? (
                <Space>
                  {formatTime(f.dueAt)}
                  {f.overdue && <Tag color="red">超期</Tag>}
                </Space>
              ) : (
                <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
                  {f.reply}
                </Typography.Paragraph>
              ),
          },
          {
            title: '操作',
            width: 90,
            render: (_, f) =>
              f.status === 'open' ? (
                <Button type="primary" size="small" onClick={() => setReplying(f)}>
                  答复
                </Button>
              ) : (
                formatTime(f.repliedAt)
              ),
          },
        ]}
      />
      <ReplyModal item={replying} busy={busy} onCancel={() => setReplying(null)} onReply={reply} />
    </>
  );
}
