import { SIGNUP_STATUS_LABELS, SIGNUP_STATUSES, type EventView, type SignupStatus, type StaffSignupView } from '@jingcai/shared';
import { Input, Space, Table, Tag } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { eventsApi } from '../../services/events';

const STATUS_COLORS: Partial<Record<SignupStatus, string>> = {
  confirmed: 'green',
  checked_in: 'blue',
  entered: 'gold',
  waitlisted: 'orange',
  offered: 'purple',
};

/** 报名名单: filtered by session, status or a sign-up number / ticket code, page by page; personal data masked. */
export function SignupsTable({ event, refreshKey }: { event: EventView; refreshKey: number }) {
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [status, setStatus] = useState<SignupStatus | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const load = useCallback(
    () =>
      eventsApi.signups(event.id, {
        sessionId: sessionId ?? undefined,
        status: status ?? undefined,
        q: q || undefined,
        page,
        pageSize,
      }),
    // refreshKey: the draw or a check-in changed the statuses.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [event.id, sessionId, status, q, page, pageSize, refreshKey],
  );
  const list = useRequest(load);
  const answerLabels = event.form.map((f) => ({ key: f.key, label: f.label }));

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<number | null>
          aria-label="按场次筛选"
          style={{ width: 200 }}
          value={sessionId}
          onChange={(value) => {
            setSessionId(value);
            setPage(1);
          }}
          options={[{ value: null, label: '全部场次' }, ...event.sessions.map((s) => ({ value: s.id, label: s.label }))]}
        />
        <Select<SignupStatus | null>
          aria-label="按状态筛选"
          style={{ width: 160 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={[{ value: null, label: '全部状态' }, ...SIGNUP_STATUSES.map((s) => ({ value: s, label: SIGNUP_STATUS_LABELS[s] }))]}
        />
        <Input.Search
          aria-label="报名号或票码"
          placeholder="报名号或票码"
          allowClear
          style={{ width: 220 }}
          onSearch={(value) => {
            setQ(value.trim().toUpperCase());
            setPage(1);
          }}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<StaffSignupView>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无报名' }}
        scroll={{ x: true }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '报名号', dataIndex: 'publicNo' },
          { title: '场次', dataIndex: 'sessionLabel' },
          {
            title: '状态',
            render: (_, s) => (
              <Tag color={STATUS_COLORS[s.status]}>
                {SIGNUP_STATUS_LABELS[s.status]}
                {s.waitlistPosition ? ` 第 ${s.waitlistPosition} 位` : ''}
              </Tag>
            ),
          },
          { title: '姓名', dataIndex: 'workerName' },
          { title: '手机号', render: (_, s) => s.workerPhone ?? '—' },
          ...(event.requiresChild
            ? [{ title: '孩子', render: (_: unknown, s: StaffSignupView) => (s.child ? `${s.child.name}（${s.child.age} 岁），监护人 ${s.child.guardian}` : '—') }]
            : []),
          ...answerLabels.map(({ key, label }) => ({
            title: label,
            render: (_: unknown, s: StaffSignupView) => s.answers.find((a) => a.key === key)?.value ?? '—',
          })),
          { title: '报名时间', render: (_, s) => formatTime(s.createdAt) },
          { title: '签到时间', render: (_, s) => formatTime(s.checkedInAt) },
        ]}
      />
    </>
  );
}
