import {
  LEGAL_CATEGORIES,
  LEGAL_CATEGORY_LABELS,
  LEGAL_QUESTION_STATUS_LABELS,
  LEGAL_QUESTION_STATUSES,
  type LegalCategory,
  type LegalQuestionStatus,
  type LegalQuestionSummaryView,
} from '@jingcai/shared';
import { Space, Switch, Table, Typography } from 'antd';
import { Select } from '../../components/select';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useInterval, useRequest } from '../../hooks/use-request';
import { legalApi } from '../../services/legal';
import { useSession } from '../../session/session-context';
import { OverdueTag, QuestionStatusTag } from './legal-labels';

/**
 * The legal workbench: staff see every question of their subtree, lawyers what is assigned to them.
 * Unanswered past 3 working days shows red. Filters live in the URL so a link can open "overdue only".
 */
export default function InboxPage() {
  const { consoleRole } = useSession();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as LegalQuestionStatus | undefined;
  const category = (params.get('category') ?? undefined) as LegalCategory | undefined;
  const overdue = params.get('overdue') === 'true';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const load = useCallback(
    () => legalApi.inbox({ status, category, overdue: overdue || undefined, page, pageSize }),
    [status, category, overdue, page, pageSize],
  );
  const list = useRequest(load);
  useInterval(list.reload, 60_000);

  return (
    <>
      <PageHeader
        title="咨询工作台"
        sub={consoleRole === 'lawyer' ? '分配给你的法律咨询' : '本组织及下级组织职工的法律咨询；超过 3 个工作日未答复的标红'}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<LegalQuestionStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={(v) => update({ status: v })}
          options={LEGAL_QUESTION_STATUSES.map((s) => ({ value: s, label: LEGAL_QUESTION_STATUS_LABELS[s] }))}
        />
        <Select<LegalCategory>
          allowClear
          placeholder="全部分类"
          style={{ width: 200 }}
          value={category}
          onChange={(v) => update({ category: v })}
          options={LEGAL_CATEGORIES.map((c) => ({ value: c, label: LEGAL_CATEGORY_LABELS[c] }))}
        />
        <Space>
          <Switch checked={overdue} onChange={(checked) => update({ overdue: checked ? 'true' : undefined })} aria-label="只看超期" />
          <span>只看超期未答复</span>
        </Space>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<LegalQuestionSummaryView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: overdue ? '没有超期的咨询' : '暂无咨询' }}
        rowClassName={(q) => (q.overdue ? 'legal-overdue' : '')}
        onRow={(q) => ({ style: q.overdue ? { background: '#fff1f0' } : undefined })}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => update({ page: String(p), pageSize: String(s) }))}
        columns={[
          {
            title: '问题',
            render: (_, q) => (
              <Space>
                <Link to={`/legal/questions/${q.id}`}>{q.title}</Link>
                {q.overdue ? <OverdueTag /> : null}
              </Space>
            ),
          },
          { title: '分类', render: (_, q) => LEGAL_CATEGORY_LABELS[q.category] },
          { title: '提问人', dataIndex: 'askerName' },
          { title: '状态', render: (_, q) => <QuestionStatusTag status={q.status} /> },
          { title: '处理人', render: (_, q) => q.assignee?.name ?? <Typography.Text type="secondary">未分配</Typography.Text> },
          {
            title: '答复期限',
            render: (_, q) => (q.dueAt ? <Typography.Text type={q.overdue ? 'danger' : undefined}>{formatTime(q.dueAt)}</Typography.Text> : '—'),
          },
          { title: '最新消息', dataIndex: 'lastMessageAt', render: formatTime },
        ]}
      />
    </>
  );
}
