import {
  ASSISTANCE_GRANT_KIND_LABELS,
  ASSISTANCE_KIND_LABELS,
  REVIEW_STEP_LABELS,
  REVIEW_STEP_STATE_LABELS,
  type ApplicationHistoryAction,
  type PhotoView,
  type StaffApplicationView,
} from '@jingcai/shared';
import { Button, Card, Descriptions, Flex, Image, Space, Spin, Steps, Timeline, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatDay, formatTime } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { assistanceApi } from '../../services/assistance';
import { useSession } from '../../session/session-context';
import { ApplicationStatusTag, yuan } from './assistance-labels';
import { ReviewActions } from './review-actions';
import { ViewLogDrawer } from './view-log-drawer';

const HISTORY_LABELS: Record<ApplicationHistoryAction, string> = {
  submitted: '提交申请',
  visited: '记录入户走访',
  checked: '审核通过',
  approved: '审批通过',
  granted: '发放',
  returned: '退回',
  resubmitted: '修改后重新提交',
  withdrawn: '撤回',
};

const STEP_STATUS = { waiting: 'wait', current: 'process', done: 'finish', returned: 'error' } as const;

/** One application for its reviewer (opening it is logged): the family, the home visit, the history, the actions. */
export default function ApplicationPage() {
  const id = Number(useParams().id);
  const { consoleRole } = useSession();
  const [logOpen, setLogOpen] = useState(false);
  const load = useCallback(() => assistanceApi.application(id), [id]);
  const { data: a, error, loading, reload, setData } = useRequest(load);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !a) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  if (!a) return null;

  return (
    <>
      <PageHeader
        title={`${ASSISTANCE_KIND_LABELS[a.kind]}申请 · ${a.applicant.name}`}
        sub={<>申请编号 {a.id}，提交于 {formatTime(a.createdAt)}</>}
        extra={consoleRole === 'admin' ? <Button onClick={() => setLogOpen(true)}>查看记录</Button> : undefined}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          items={a.steps.map((s) => ({
            title: REVIEW_STEP_LABELS[s.step],
            status: STEP_STATUS[s.state],
            description: `${REVIEW_STEP_STATE_LABELS[s.state]}${s.at ? ` ${formatTime(s.at)}` : ''}`,
          }))}
        />
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 16 }}>
          <Space>
            <ApplicationStatusTag status={a.status} />
            {a.returnReason && a.status === 'returned' && <Typography.Text type="danger">退回原因：{a.returnReason}</Typography.Text>}
          </Space>
          <ReviewActions application={a} onChanged={setData} />
        </Flex>
      </Card>
      <ApplicationDetails application={a} />
      <ViewLogDrawer applicationId={logOpen ? a.id : null} onClose={() => setLogOpen(false)} />
    </>
  );
}

function ApplicationDetails({ application: a }: { application: StaffApplicationView }) {
  return (
    <Flex gap={16} wrap align="start">
      <Card title="申请内容" style={{ flex: '1 1 480px' }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="申请人">{a.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{a.applicant.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所在组织">{a.applicant.org.name}</Descriptions.Item>
          {a.filedByName && (
            <Descriptions.Item label="代为申请">
              {a.filedByName}（职工同意于 {formatTime(a.consentRecordedAt)}）
            </Descriptions.Item>
          )}
          <Descriptions.Item label="家庭人口">{a.householdSize} 人</Descriptions.Item>
          <Descriptions.Item label="人均月收入">{yuan(a.monthlyIncomePerMember)} 元</Descriptions.Item>
          <Descriptions.Item label="家庭情况">
            <div style={{ whiteSpace: 'pre-wrap' }}>{a.familySituation}</div>
          </Descriptions.Item>
          <Descriptions.Item label="申请理由">
            <div style={{ whiteSpace: 'pre-wrap' }}>{a.reasons}</div>
          </Descriptions.Item>
          {a.grant && (
            <Descriptions.Item label="发放">
              {ASSISTANCE_GRANT_KIND_LABELS[a.grant.kind]} {yuan(a.grant.amount)} 元，{formatDay(a.grant.date)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Photos photos={a.documents} alt="证明材料" />
      </Card>
      <Flex vertical gap={16} style={{ flex: '1 1 360px' }}>
        <Card title="入户走访">
          {a.visit ? (
            <>
              <Descriptions column={1} size="small">
                <Descriptions.Item label="日期">{formatDay(a.visit.date)}</Descriptions.Item>
                <Descriptions.Item label="走访人员">{a.visit.visitors}</Descriptions.Item>
                <Descriptions.Item label="情况">
                  <div style={{ whiteSpace: 'pre-wrap' }}>{a.visit.notes}</div>
                </Descriptions.Item>
                <Descriptions.Item label="记录人">
                  {a.visit.recordedByName}，{formatTime(a.visit.recordedAt)}
                </Descriptions.Item>
              </Descriptions>
              <Photos photos={a.visit.photos} alt="走访照片" />
            </>
          ) : (
            <Typography.Text type="secondary">尚未记录入户走访</Typography.Text>
          )}
        </Card>
        <Card title="办理记录">
          <Timeline
            items={a.history.map((h) => ({
              color: h.action === 'returned' ? 'red' : 'blue',
              children: (
                <>
                  <div>
                    {formatTime(h.at)} {h.byName} {HISTORY_LABELS[h.action]}
                    {h.step ? `（${REVIEW_STEP_LABELS[h.step]}）` : ''}
                  </div>
                  {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
                </>
              ),
            }))}
          />
        </Card>
      </Flex>
    </Flex>
  );
}

function Photos({ photos, alt }: { photos: PhotoView[]; alt: string }) {
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap style={{ marginTop: 12 }}>
        {photos.map((p, index) => (
          <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} alt={`${alt} ${index + 1}`} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
