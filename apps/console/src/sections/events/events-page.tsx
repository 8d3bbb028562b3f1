import { ALLOCATION_LABELS, EVENT_KIND_LABELS, EVENT_KINDS, type EventKind, type EventView } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { eventsApi } from '../../services/events';

export function signupWindowTag(e: Pick<EventView, 'signupStartsAt' | 'signupEndsAt' | 'endsAt'>, now = Date.now()) {
  if (now > Date.parse(e.endsAt)) return <Tag>已结束</Tag>;
  if (now < Date.parse(e.signupStartsAt)) return <Tag color="blue">未开始报名</Tag>;
  if (now > Date.parse(e.signupEndsAt)) return <Tag color="orange">报名已截止</Tag>;
  return <Tag color="green">报名中</Tag>;
}

/** Events owned in the staff member's subtree, by kind, with places and sign-ups at a glance. */
export default function EventsPage() {
  const navigate = useNavigate();
  const [kind, setKind] = useState<EventKind | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const load = useCallback(() => eventsApi.events({ kind: kind ?? undefined, page, pageSize }), [kind, page, pageSize]);
  const list = useRequest(load);

  return (
    <>
      <PageHeader
        title="活动报名"
        sub="文体活动、暑托班、疗休养、体检预约等：场次名额、报名表、公开抽签与现场签到"
        extra={
          <Space>
            <Select<EventKind | null>
              aria-label="按活动类型筛选"
              style={{ width: 140 }}
              value={kind}
              onChange={(value) => {
                setKind(value);
                setPage(1);
              }}
              options={[{ value: null, label: '全部类型' }, ...EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))]}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/events/new')}>
              新建活动
            </Button>
          </Space>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<EventView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无本组织主办的活动' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '活动', render: (_, e) => <Link to={`/events/${e.id}`}>{e.title}</Link> },
          { title: '类型', render: (_, e) => EVENT_KIND_LABELS[e.kind] },
          { title: '分配', render: (_, e) => ALLOCATION_LABELS[e.allocation] },
          { title: '主办', render: (_, e) => e.ownerOrg.name },
          { title: '活动时间', render: (_, e) => `${formatTime(e.startsAt)} 至 ${formatTime(e.endsAt)}` },
          { title: '状态', render: (_, e) => signupWindowTag(e) },
          {
            title: '报名 / 名额',
            render: (_, e) =>
              `${e.sessions.reduce((n, s) => n + s.signups, 0)} / ${e.sessions.reduce((n, s) => n + s.capacity, 0)}`,
          },
          {
            title: '操作',
            render: (_, e) => (
              <Space>
                <Link to={`/events/${e.id}`}>报名与签到</Link>
                <Link to={`/events/${e.id}/edit`}>编辑</Link>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
