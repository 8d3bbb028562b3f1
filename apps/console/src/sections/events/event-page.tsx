import { ALLOCATION_LABELS, EVENT_KIND_LABELS, USER_TAG_LABELS, WORKER_CATEGORY_LABELS, type EventView } from '@jingcai/shared';
import { Breadcrumb, Button, Card, Descriptions, Image, Space } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { eventsApi } from '../../services/events';
import { CheckinPanel } from './checkin-panel';
import { signupWindowTag } from './events-page';
import { ExportModal } from './export-modal';
import { FIELD_TYPE_LABELS } from './form-builder';
import { LotteryCard } from './lottery-card';
import { SignupsTable } from './signups-table';

function audience(e: EventView): string {
  return [
    e.eligibility.categories.length ? e.eligibility.categories.map((c) => WORKER_CATEGORY_LABELS[c]).join('、') : '不限类别',
    e.eligibility.tags.length ? `标签：${e.eligibility.tags.map((t) => USER_TAG_LABELS[t]).join('、')}` : null,
    e.eligibility.gigVerifiedRequired ? '需新就业形态认证' : null,
    e.eligibility.membersOnly ? '仅限会员' : null,
  ]
    .filter(Boolean)
    .join('；');
}

/** One event: its rules, live check-in with the venue code, the lottery, and the sign-ups with export. */
export default function EventPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const load = useCallback(() => eventsApi.event(id), [id]);
  const state = useRequest(load);
  const [exporting, setExporting] = useState(false);
  // Bumped when the draw ran or the live count moved, so the sign-up list shows the new statuses.
  const [refreshKey, setRefreshKey] = useState(0);
  const onCheckins = useCallback(() => setRefreshKey((n) => n + 1), []);

  if (state.error && !state.data) return <ErrorResult error={state.error} onRetry={state.reload} />;
  const e = state.data;

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/events">活动报名</Link> }, { title: e?.title ?? '…' }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={
          <Space>
            {e?.title ?? '活动'}
            {e ? signupWindowTag(e) : null}
          </Space>
        }
        extra={
          e ? (
            <>
              <Button onClick={() => setExporting(true)}>导出报名名单</Button>
              <Button type="primary" onClick={() => void navigate(`/events/${e.id}/edit`)}>
                编辑
              </Button>
            </>
          ) : null
        }
      />
      {e ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Space align="start" size="large">
              {e.cover ? <Image src={e.cover.url} width={200} height={112} style={{ objectFit: 'cover' }} alt="活动封面" /> : null}
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label="类型">{EVENT_KIND_LABELS[e.kind]}</Descriptions.Item>
                <Descriptions.Item label="名额分配">{ALLOCATION_LABELS[e.allocation]}</Descriptions.Item>
                <Descriptions.Item label="主办">{e.ownerOrg.name}</Descriptions.Item>
                <Descriptions.Item label="地点">{e.venue}</Descriptions.Item>
                <Descriptions.Item label="报名时间">{`${formatTime(e.signupStartsAt)} 至 ${formatTime(e.signupEndsAt)}`}</Descriptions.Item>
                <Descriptions.Item label="取消截止">{formatTime(e.cancelDeadline)}</Descriptions.Item>
                <Descriptions.Item label="每人可报">{e.perPersonLimit} 个场次</Descriptions.Item>
                <Descriptions.Item label="候补确认时限">{e.offerHours} 小时</Descriptions.Item>
                <Descriptions.Item label="报名条件">{audience(e)}</Descriptions.Item>
                <Descriptions.Item label="爽约规则">{e.noShowRule ? '爽约 2 次及以上者抽签靠后' : '未启用'}</Descriptions.Item>
                <Descriptions.Item label="报名表" span={2}>
                  {[e.requiresChild ? '孩子姓名、年龄、监护人（加密保存）' : null, ...e.form.map((f) => `${f.label}（${FIELD_TYPE_LABELS[f.type]}${f.required ? '，必填' : ''}）`)]
                    .filter(Boolean)
                    .join('；') || '无'}
                </Descriptions.Item>
              </Descriptions>
            </Space>
          </Card>
          <CheckinPanel event={e} onCheckins={onCheckins} />
          {e.allocation === 'lottery' ? <LotteryCard event={e} onDrawn={() => setRefreshKey((n) => n + 1)} /> : null}
          <Card title="报名名单">
            <SignupsTable event={e} refreshKey={refreshKey} />
          </Card>
          <ExportModal event={e} open={exporting} onClose={() => setExporting(false)} />
        </>
      ) : null}
    </>
  );
}
